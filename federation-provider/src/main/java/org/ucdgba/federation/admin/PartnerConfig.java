package org.ucdgba.federation.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.function.UnaryOperator;
import org.ucdgba.federation.SoapClient;
import org.ucdgba.federation.UcdDescriptors;
import org.ucdgba.io.BoundedHttp;
import org.ucdgba.io.RefusedInput;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * A partner as its administrator configures it: its ID-FF metadata document, or the same settings one by one
 * (ProviderID, signing certificate, SOAP endpoint, and the RegisterNameIdentifier URL: the master's service URL
 * for a master, the slave's return URL for a slave). Either way the result is the partner's metadata, checked as a
 * received document would be.
 */
public final class PartnerConfig {

    public static final String METADATA = "metadata";
    /** Where the partner publishes its metadata, fetched once when the partner is registered. */
    public static final String METADATA_URL = "metadataUrl";
    private static final int MAX_METADATA = 128 * 1024;
    public static final String PROVIDER_ID = "providerId";
    public static final String SIGNING_CERTIFICATE = "signingCertificate";
    public static final String SOAP_ENDPOINT = "soapEndpoint";
    public static final String REGISTER_NAME_IDENTIFIER_URL = "registerNameIdentifierUrl";
    public static final String SIG_ALG = "sigAlg";

    private PartnerConfig() {
    }

    /**
     * The metadata of a partner of the given role from its settings, looked up by the names above.
     *
     * @throws IllegalArgumentException naming the setting that is missing or unusable
     */
    public static Described metadata(ProviderMetadata.Role role, UnaryOperator<String> setting) {
        String document = blankToNull(setting.apply(METADATA));
        String xml = document != null ? document : MetadataXml.write(byHand(role, setting));
        ProviderMetadata m;
        try {
            m = MetadataXml.read(xml.getBytes(StandardCharsets.UTF_8));
        } catch (LibertyException e) {
            throw new IllegalArgumentException("unusable metadata: " + e.getMessage(), e);
        }
        if (m.role() != role) {
            throw new IllegalArgumentException("the metadata describes " + (m.role() == ProviderMetadata.Role.SP
                    ? "a slave (SPDescriptor)" : "a master (IDPDescriptor)"));
        }
        return new Described(xml, m);
    }

    /** The signature algorithm setting: {@code rsa-sha256} (default; ECDSA is accepted too) or {@code rsa-sha1}. */
    public static String sigAlg(UnaryOperator<String> setting) {
        String value = blankToNull(setting.apply(SIG_ALG));
        if (value == null || value.equals("rsa-sha256") || value.equals("rsa-sha1")) {
            return value == null ? "rsa-sha256" : value;
        }
        throw new IllegalArgumentException(named(SIG_ALG) + ": rsa-sha256 or rsa-sha1");
    }

    /**
     * The partner's metadata document from its URL: absolute http(s), fetched once, bounded in size
     * ({@value #MAX_METADATA} octets) and time; an {@link IOException} says why not.
     */
    public static String fetchMetadata(String metadataUrl) throws IOException {
        URI url;
        try {
            url = URI.create(metadataUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named(METADATA_URL) + ": not a URL", e);
        }
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException(named(METADATA_URL) + ": an absolute http(s) URL is required");
        }
        HttpResponse<byte[]> r;
        try {
            r = BoundedHttp.send(HttpRequest.newBuilder(url).timeout(SoapClient.DEADLINE)
                    .header("Accept", "application/xml").GET().build(), SoapClient.DEADLINE, MAX_METADATA);
        } catch (RefusedInput e) {
            throw new IOException("metadata not fetched: " + e.getMessage(), e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("metadata not fetched: HTTP " + r.statusCode());
        }
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The signature policy a partner's {@value #SIG_ALG} setting names. */
    public static SignaturePolicy policy(String sigAlg) {
        return "rsa-sha1".equalsIgnoreCase(sigAlg) ? SignaturePolicy.legacyRsaSha1() : SignaturePolicy.modern();
    }

    private static ProviderMetadata byHand(ProviderMetadata.Role role, UnaryOperator<String> setting) {
        String providerId = required(setting, PROVIDER_ID);
        X509Certificate certificate = certificate(required(setting, SIGNING_CERTIFICATE));
        String soap = url(setting, SOAP_ENDPOINT);
        String rni = url(setting, REGISTER_NAME_IDENTIFIER_URL);
        return role == ProviderMetadata.Role.IDP
                ? UcdDescriptors.master(providerId, certificate, new UcdDescriptors.Endpoints(soap, null, null, rni,
                null))
                : UcdDescriptors.slave(providerId, certificate, new UcdDescriptors.Endpoints(soap, null, null, null,
                rni));
    }

    /** A certificate pasted as PEM, or as the bare base64 of its DER form. */
    private static X509Certificate certificate(String text) {
        String pem = text.contains("-----BEGIN") ? text
                : "-----BEGIN CERTIFICATE-----\n" + text.replaceAll("\\s", "") + "\n-----END CERTIFICATE-----\n";
        try {
            return ProviderKeys.certificate(pem);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(named(SIGNING_CERTIFICATE) + ": not an X.509 certificate", e);
        }
    }

    private static String url(UnaryOperator<String> setting, String name) {
        String value = required(setting, name);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named(name) + ": not a URL", e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(named(name) + ": an absolute http(s) URL is required");
        }
        return value;
    }

    /**
     * A setting as both its readers know it: the label of the admin console's page, then the field of the partner
     * API, e.g. "Signing certificate (signingCertificate)".
     */
    static String named(String setting) {
        String label = switch (setting) {
            case PROVIDER_ID -> "ProviderID";
            case SIGNING_CERTIFICATE -> "Signing certificate";
            case SOAP_ENDPOINT -> "SOAP endpoint";
            case REGISTER_NAME_IDENTIFIER_URL -> "RegisterNameIdentifierServiceReturnURL";
            case SIG_ALG -> "Signature algorithm";
            case METADATA_URL -> "Metadata URL";
            default -> "Metadata";
        };
        return label + " (" + setting + ")";
    }

    private static String required(UnaryOperator<String> setting, String name) {
        String value = blankToNull(setting.apply(name));
        if (value == null) {
            throw new IllegalArgumentException(named(name) + " is required (or the partner metadata)");
        }
        return value.trim();
    }

    /** A partner's metadata document and what it says. */
    public record Described(String document, ProviderMetadata metadata) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
