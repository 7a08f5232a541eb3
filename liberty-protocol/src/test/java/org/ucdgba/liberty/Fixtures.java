package org.ucdgba.liberty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.ReplayGuard;
import org.ucdgba.liberty.profile.Self;

/**
 * The two UCD servers of the tests: a Slave (SP role) and a Master (IdP role), with key pairs made for these tests
 * only (src/test/resources/keys), their metadata, and exchanges on a fixed clock.
 */
final class Fixtures {

    static final String SLAVE = "https://slave.ucd.example/liberty";
    static final String MASTER = "https://master.ucd.example/liberty";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofMinutes(3);

    static final ProviderKeys SLAVE_KEYS = keys("slave");
    static final ProviderKeys MASTER_KEYS = keys("master");
    static final ProviderKeys MASTER_EC_KEYS = keys("master-ec");
    static final ProviderKeys ATTACKER_KEYS = keys("attacker");

    private Fixtures() {
    }

    static ProviderKeys keys(String name) {
        try {
            return ProviderKeys.fromPem(resource("/keys/" + name + ".key.pem"), resource("/keys/" + name + ".cert.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (var in = Fixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + path, e);
        }
    }

    static ProviderMetadata slaveMetadata() {
        return new ProviderMetadata(SLAVE, ProviderMetadata.Role.SP, SLAVE_KEYS.certificate(),
                "https://slave.ucd.example/liberty/soap", "https://slave.ucd.example/liberty/fedterm",
                "https://slave.ucd.example/liberty/fedterm-return",
                List.of(Profile.FEDTERM_IDP_HTTP.uri(), Profile.FEDTERM_IDP_SOAP.uri()),
                List.of(Profile.RNI_IDP_HTTP.uri(), Profile.RNI_IDP_SOAP.uri()),
                "https://slave.ucd.example/liberty/rni", "https://slave.ucd.example/liberty/rni-return",
                "https://slave.ucd.example/liberty/acs", null);
    }

    static ProviderMetadata masterMetadata() {
        return masterMetadata(MASTER_KEYS);
    }

    static ProviderMetadata masterMetadata(ProviderKeys keys) {
        return new ProviderMetadata(MASTER, ProviderMetadata.Role.IDP, keys.certificate(),
                "https://master.ucd.example/liberty/soap", "https://master.ucd.example/liberty/fedterm",
                "https://master.ucd.example/liberty/fedterm-return",
                List.of(Profile.FEDTERM_SP_HTTP.uri(), Profile.FEDTERM_SP_SOAP.uri()),
                List.of(Profile.RNI_SP_HTTP.uri(), Profile.RNI_SP_SOAP.uri()),
                "https://master.ucd.example/liberty/rni", "https://master.ucd.example/liberty/rni-return",
                null, "https://master.ucd.example/liberty/sso");
    }

    /** A replay guard in memory, as a single node would have it. */
    static ReplayGuard memoryReplayGuard() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return (provider, id, keepUntil) -> seen.add(provider + " " + id);
    }

    /** The Slave's side, knowing the Master as partner. */
    static Exchange slave(SignaturePolicy policy) {
        return new Exchange(new Self(SLAVE, SLAVE_KEYS), partners(new Partner(masterMetadata(), policy)),
                memoryReplayGuard(), CLOCK, SKEW);
    }

    /** The Master's side, knowing the Slave as partner. */
    static Exchange master(SignaturePolicy policy) {
        return master(MASTER_KEYS, policy);
    }

    static Exchange master(ProviderKeys keys, SignaturePolicy policy) {
        return new Exchange(new Self(MASTER, keys), partners(new Partner(slaveMetadata(), policy)),
                memoryReplayGuard(), CLOCK, SKEW);
    }

    static org.ucdgba.liberty.profile.Partners partners(Partner... partners) {
        Map<String, Partner> byId = new ConcurrentHashMap<>();
        for (Partner p : partners) {
            byId.put(p.providerId(), p);
        }
        return id -> Optional.ofNullable(byId.get(id));
    }

    /** The messages of the seed with fixed identifiers and instants, for golden files. */
    static RegisterNameIdentifierRequest request() {
        return new RegisterNameIdentifierRequest("_1d0b5c7a9e2f4b6a8c0d1e2f3a4b5c6d7e8f9a0b", NOW, SLAVE,
                new NameIdentifier("alice", MASTER, null),
                NameIdentifier.federated("5f3a9c1e-slave-alias-of-alice", SLAVE),
                new NameIdentifier("alice", MASTER, null), "ucd-federation-7");
    }

    static RegisterNameIdentifierResponse response() {
        return new RegisterNameIdentifierResponse("_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
                request().requestId(), NOW, SLAVE, MASTER, Status.success(), "ucd-federation-7");
    }

    static FederationTerminationNotification termination() {
        return new FederationTerminationNotification("_0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4", NOW, SLAVE,
                NameIdentifier.federated("5f3a9c1e-slave-alias-of-alice", SLAVE), null);
    }
}
