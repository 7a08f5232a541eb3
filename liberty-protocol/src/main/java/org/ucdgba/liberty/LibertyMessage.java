package org.ucdgba.liberty;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What every ID-FF 1.2 message of this library has: its identifier (RequestID or ResponseID), its IssueInstant and
 * the ProviderID of its sender. Implementations are immutable records.
 */
public sealed interface LibertyMessage
        permits RegisterNameIdentifierRequest, RegisterNameIdentifierResponse, FederationTerminationNotification {

    /** RequestID or ResponseID. */
    String id();

    /** IssueInstant. */
    Instant issueInstant();

    /** The sender's ProviderID. */
    String providerId();

    /** RelayState, or null. */
    String relayState();

    /** A new identifier: 160 random bits, hex, prefixed so that it is an NCName (SAML 1.1 clause 1.2.3). */
    static String newId() {
        byte[] random = new byte[20];
        Ids.RANDOM.nextBytes(random);
        return "_" + HexFormat.of().formatHex(random);
    }

    /** Holder of the random source, kept out of the public interface. */
    final class Ids {
        static final SecureRandom RANDOM = new SecureRandom();

        private Ids() {
        }
    }
}
