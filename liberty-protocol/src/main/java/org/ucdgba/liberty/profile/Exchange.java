package org.ucdgba.liberty.profile;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.binding.RedirectBinding;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;

/**
 * Sending and receiving ID-FF messages with partners, shared by the profiles: outgoing messages are signed with
 * this provider's key in the algorithm agreed with the partner and sent to a URL from the partner's metadata;
 * incoming messages are attributed to a configured partner by ProviderID, verified with that partner's key only,
 * and checked against the rules every profile has: IssueInstant within the clock skew and an identifier never
 * seen before. Thread-safe when its collaborators are.
 */
public final class Exchange {

    private final Self self;
    private final Partners partners;
    private final ReplayGuard replay;
    private final Clock clock;
    private final Duration skew;

    /**
     * @param skew the largest difference accepted between IssueInstant and this provider's clock
     */
    public Exchange(Self self, Partners partners, ReplayGuard replay, Clock clock, Duration skew) {
        this.self = Objects.requireNonNull(self, "self");
        this.partners = Objects.requireNonNull(partners, "partners");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /** This provider. */
    public Self self() {
        return self;
    }

    /** The current instant of this provider's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The configured partner with this ProviderID. */
    public Partner partner(String providerId) throws LibertyException {
        return partners.byProviderId(providerId).orElseThrow(() -> new LibertyException(Reason.UNKNOWN_PROVIDER,
                "no partner with ProviderID " + providerId));
    }

    /** The URL that carries a signed message to {@code baseUrl} (a URL from the partner's metadata). */
    public URI redirect(Partner partner, String baseUrl, LibertyMessage message) throws LibertyException {
        if (baseUrl == null) {
            throw new LibertyException(Reason.NOT_CONFIGURED, "the metadata of " + partner.providerId()
                    + " has no URL for this profile");
        }
        String query = RedirectBinding.encode(message, self.keys(), algorithm(partner));
        return URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + query);
    }

    /** The signed SOAP envelope of a message for a partner. */
    public String soap(Partner partner, LibertyMessage message) throws LibertyException {
        return SoapBinding.encode(message, self.keys(), algorithm(partner));
    }

    /** Receives a message by HTTP-Redirect: partner by ProviderID, signature, then the common rules. */
    public <T extends LibertyMessage> Received<T> receiveRedirect(String rawQuery, Class<T> expected)
            throws LibertyException {
        Map<String, String> params = QueryString.parse(rawQuery);
        String providerId = params.get("ProviderID");
        if (providerId == null) {
            throw new LibertyException(Reason.MALFORMED, "query lacks ProviderID");
        }
        Partner partner = partner(providerId);
        LibertyMessage message = RedirectBinding.decode(rawQuery, partner.metadata().signingCertificate(),
                partner.policy());
        return accept(partner, message, expected);
    }

    /** Receives a message by SOAP. */
    public <T extends LibertyMessage> Received<T> receiveSoap(byte[] envelope, Class<T> expected)
            throws LibertyException {
        SoapBinding.Incoming incoming = SoapBinding.parse(envelope);
        Partner partner = partner(incoming.sender());
        LibertyMessage message = incoming.verifyAndRead(partner.metadata().signingCertificate(), partner.policy());
        return accept(partner, message, expected);
    }

    private <T extends LibertyMessage> Received<T> accept(Partner partner, LibertyMessage message, Class<T> expected)
            throws LibertyException {
        if (!expected.isInstance(message)) {
            throw new LibertyException(Reason.MALFORMED, "expected " + expected.getSimpleName() + ", got "
                    + message.getClass().getSimpleName());
        }
        if (!partner.providerId().equals(message.providerId())) {
            throw new LibertyException(Reason.UNKNOWN_PROVIDER, "the message names another ProviderID");
        }
        Instant now = clock.instant();
        if (message.issueInstant().isBefore(now.minus(skew)) || message.issueInstant().isAfter(now.plus(skew))) {
            throw new LibertyException(Reason.STALE, "IssueInstant " + message.issueInstant()
                    + " is outside the allowed clock skew of " + skew);
        }
        if (!replay.firstUse(partner.providerId(), message.id(), message.issueInstant().plus(skew))) {
            throw new LibertyException(Reason.REPLAYED, "message " + message.id() + " was received before");
        }
        return new Received<>(partner, expected.cast(message));
    }

    private SignatureAlgorithm algorithm(Partner partner) {
        SignatureAlgorithm agreed = partner.policy().outgoing();
        return agreed != null ? agreed : SignatureAlgorithm.defaultFor(self.keys().privateKey());
    }

    /** A verified message with the partner it came from. */
    public record Received<T extends LibertyMessage>(Partner partner, T message) {
    }
}
