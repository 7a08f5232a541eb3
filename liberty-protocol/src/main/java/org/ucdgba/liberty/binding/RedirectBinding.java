package org.ucdgba.liberty.binding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.Liberty;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;

/**
 * The HTTP-Redirect profile's message form (Bindings and Profiles clauses 3.1.2 and 3.5): every field of the
 * message is its own query parameter, and the query is signed: {@code SigAlg} is appended, the signature is
 * computed over the exact text up to and including it, and {@code Signature} (base64) comes last. Verification
 * uses the raw query as received, never a re-encoding. Parameter names as deployed implementations use them;
 * the order written is the schema's, with each name identifier's qualifier and format before its value.
 * Stateless and thread-safe.
 */
public final class RedirectBinding {

    private RedirectBinding() {
    }

    /** The signed query of a message (no leading '?'). */
    public static String encode(LibertyMessage message, ProviderKeys keys, SignatureAlgorithm algorithm)
            throws LibertyException {
        if (!algorithm.fits(keys.privateKey())) {
            throw new LibertyException(Reason.NOT_CONFIGURED, algorithm + " does not fit the signing key");
        }
        String unsigned = QueryString.build(fields(message)) + "&SigAlg=" + QueryString.encode(algorithm.uri());
        try {
            Signature signer = Signature.getInstance(algorithm.jcaName());
            signer.initSign(keys.privateKey());
            signer.update(unsigned.getBytes(StandardCharsets.UTF_8));
            return unsigned + "&Signature=" + QueryString.encode(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new LibertyException(Reason.NOT_CONFIGURED, "cannot sign the query: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the signature of a raw query with the partner's certificate and reads the message. Anything after
     * {@code Signature} is refused: it would not be covered.
     */
    public static LibertyMessage decode(String rawQuery, X509Certificate partner, SignaturePolicy policy)
            throws LibertyException {
        Map<String, String> params = QueryString.parse(rawQuery);
        int at = rawQuery.lastIndexOf("&Signature=");
        if (!params.containsKey("Signature") || at < 0) {
            throw new LibertyException(Reason.SIGNATURE_MISSING, "the query is not signed");
        }
        if (rawQuery.indexOf('&', at + 1) >= 0) {
            throw new LibertyException(Reason.SIGNATURE_MISPLACED, "parameters after Signature are not covered");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromUri(params.get("SigAlg"));
        if (!policy.accepts(algorithm)) {
            throw new LibertyException(Reason.ALGORITHM_NOT_ALLOWED, "SigAlg " + params.get("SigAlg")
                    + " is not accepted from this partner");
        }
        String signed = rawQuery.substring(0, at);
        int sigAlgAt = signed.lastIndexOf("&SigAlg=");
        if (sigAlgAt < 0 || signed.indexOf('&', sigAlgAt + 1) >= 0) {
            throw new LibertyException(Reason.SIGNATURE_MISPLACED, "SigAlg must come right before Signature");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            verifier.initVerify(partner.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(params.get("Signature")))) {
                throw new LibertyException(Reason.SIGNATURE_INVALID,
                        "the query signature does not verify with the partner's registered key");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new LibertyException(Reason.SIGNATURE_INVALID, "the query signature is unusable: " + e.getMessage());
        }
        return read(params);
    }

    /** The message carried by decoded parameters (without checking any signature). */
    static LibertyMessage read(Map<String, String> p) throws LibertyException {
        if (!Liberty.MAJOR_VERSION.equals(p.get("MajorVersion")) || !Liberty.MINOR_VERSION.equals(p.get("MinorVersion"))) {
            throw new LibertyException(Reason.MALFORMED, "not an ID-FF 1.2 message (MajorVersion 1, MinorVersion 2)");
        }
        try {
            if (p.containsKey("ResponseID")) {
                return new RegisterNameIdentifierResponse(required(p, "ResponseID"), p.get("InResponseTo"),
                        instant(p), p.get("Recipient"), required(p, "ProviderID"), status(required(p, "Value")),
                        p.get("RelayState"));
            }
            if (p.containsKey("IDPProvidedNameIdentifier")) {
                return new RegisterNameIdentifierRequest(required(p, "RequestID"), instant(p),
                        required(p, "ProviderID"), name(p, "IDPProvidedNameIdentifier", "IDPNameQualifier",
                        "IDPNameFormat"), p.containsKey("SPProvidedNameIdentifier") ? name(p,
                        "SPProvidedNameIdentifier", "SPNameQualifier", "SPNameFormat") : null,
                        name(p, "OldProvidedNameIdentifier", "OldNameQualifier", "OldNameFormat"),
                        p.get("RelayState"));
            }
            if (p.containsKey("NameIdentifier") || p.containsKey("Name")) {
                return new FederationTerminationNotification(required(p, "RequestID"), instant(p),
                        required(p, "ProviderID"), name(p, p.containsKey("NameIdentifier") ? "NameIdentifier" : "Name",
                        "NameQualifier", "NameFormat"), p.get("RelayState"));
            }
        } catch (IllegalArgumentException e) {
            throw new LibertyException(Reason.MALFORMED, e.getMessage());
        }
        throw new LibertyException(Reason.MALFORMED, "the query carries no supported ID-FF message");
    }

    /** The fields of a message in writing order. */
    static Map<String, String> fields(LibertyMessage message) {
        Map<String, String> f = new LinkedHashMap<>();
        if (message instanceof RegisterNameIdentifierResponse r) {
            f.put("ResponseID", r.responseId());
            f.put("InResponseTo", r.inResponseTo());
            versions(f, r.issueInstant());
            f.put("Recipient", r.recipient());
            f.put("ProviderID", r.providerId());
            f.put("Value", status(r.status()));
            f.put("RelayState", r.relayState());
            return f;
        }
        f.put("RequestID", message.id());
        versions(f, message.issueInstant());
        f.put("ProviderID", message.providerId());
        if (message instanceof RegisterNameIdentifierRequest r) {
            name(f, r.idpProvided(), "IDPProvidedNameIdentifier", "IDPNameQualifier", "IDPNameFormat");
            if (r.spProvided() != null) {
                name(f, r.spProvided(), "SPProvidedNameIdentifier", "SPNameQualifier", "SPNameFormat");
            }
            name(f, r.oldProvided(), "OldProvidedNameIdentifier", "OldNameQualifier", "OldNameFormat");
        } else {
            FederationTerminationNotification n = (FederationTerminationNotification) message;
            name(f, n.nameIdentifier(), "NameIdentifier", "NameQualifier", "NameFormat");
        }
        f.put("RelayState", message.relayState());
        return f;
    }

    private static void versions(Map<String, String> f, Instant issueInstant) {
        f.put("MajorVersion", Liberty.MAJOR_VERSION);
        f.put("MinorVersion", Liberty.MINOR_VERSION);
        f.put("IssueInstant", issueInstant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static void name(Map<String, String> f, NameIdentifier id, String value, String qualifier,
                             String format) {
        f.put(qualifier, id.nameQualifier());
        f.put(format, id.format());
        f.put(value, id.value());
    }

    private static NameIdentifier name(Map<String, String> p, String value, String qualifier, String format)
            throws LibertyException {
        return new NameIdentifier(required(p, value), p.get(qualifier), p.get(format));
    }

    /** Value: the status codes as QNames, top level first, separated by a space. */
    private static String status(Status s) {
        String top = s.code().getPrefix() + ":" + s.code().getLocalPart();
        return s.secondLevel() == null ? top
                : top + " " + s.secondLevel().getPrefix() + ":" + s.secondLevel().getLocalPart();
    }

    private static Status status(String value) throws LibertyException {
        String[] codes = value.strip().split(" +");
        if (codes.length > 2) {
            throw new LibertyException(Reason.MALFORMED, "more than two status codes in Value");
        }
        return new Status(qname(codes[0]), codes.length > 1 ? qname(codes[1]) : null);
    }

    /** Status code QNames in a query use the conventional prefixes samlp and lib; bare names are samlp's. */
    private static QName qname(String code) throws LibertyException {
        int colon = code.indexOf(':');
        String prefix = colon < 0 ? "samlp" : code.substring(0, colon);
        String local = code.substring(colon + 1);
        return switch (prefix) {
            case "samlp" -> new QName(Liberty.SAMLP, local, "samlp");
            case "lib" -> new QName(Liberty.LIB, local, "lib");
            default -> throw new LibertyException(Reason.MALFORMED, "unknown status code prefix in " + code);
        };
    }

    private static Instant instant(Map<String, String> p) throws LibertyException {
        try {
            return Instant.parse(required(p, "IssueInstant"));
        } catch (DateTimeParseException e) {
            throw new LibertyException(Reason.MALFORMED, "IssueInstant is not a UTC dateTime");
        }
    }

    private static String required(Map<String, String> p, String name) throws LibertyException {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw new LibertyException(Reason.MALFORMED, "query lacks " + name);
        }
        return v;
    }
}
