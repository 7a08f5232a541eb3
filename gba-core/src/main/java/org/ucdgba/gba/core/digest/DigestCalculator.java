package org.ucdgba.gba.core.digest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The HTTP Digest computations of RFC 7616 clause 3.4.1 (and RFC 2617 clause 3.2.2 for the absent-qop form):
 * request-digest and the {@code rspauth} of {@code Authentication-Info} (clause 3.5), for qop "auth" and
 * "auth-int". The password is given as octets because AKAv1-MD5 uses the raw RES (RFC 3310 clause 3.1).
 * Stateless and thread-safe.
 */
public final class DigestCalculator {

    /** qop "auth". */
    public static final String AUTH = "auth";
    /** qop "auth-int": the entity body is protected too. */
    public static final String AUTH_INT = "auth-int";

    private final DigestAlgorithm algorithm;

    /** A calculator for one algorithm. */
    public DigestCalculator(DigestAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /**
     * The request-digest for the {@code response} directive.
     *
     * @param method the HTTP method; for {@code rspauth} use {@link #rspauth} instead
     * @param body   the entity body, used only with qop auth-int (an absent body is the empty string)
     */
    public String response(DigestInput in, String method, byte[] body) {
        return kd(in, a2(method, in.uri(), in.qop(), body));
    }

    /** The {@code rspauth} of {@code Authentication-Info}: A2 without the method (RFC 7616 clause 3.5). */
    public String rspauth(DigestInput in, byte[] responseBody) {
        return kd(in, a2("", in.uri(), in.qop(), responseBody));
    }

    /** Compares two hex digests in constant time. */
    public static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String kd(DigestInput in, String a2) {
        String ha1 = hash(a1(in));
        String ha2 = hash(a2.getBytes(StandardCharsets.UTF_8));
        String data = in.qop() == null
                ? in.nonce() + ":" + ha2
                : in.nonce() + ":" + in.nc() + ":" + in.cnonce() + ":" + in.qop() + ":" + ha2;
        return hash((ha1 + ":" + data).getBytes(StandardCharsets.UTF_8));
    }

    /** A1 = username ":" realm ":" passwd (RFC 7616 clause 3.4.2), the password as octets. */
    private static byte[] a1(DigestInput in) {
        ByteArrayOutputStream a1 = new ByteArrayOutputStream();
        a1.writeBytes((in.username() + ":" + in.realm() + ":").getBytes(StandardCharsets.UTF_8));
        a1.writeBytes(in.password());
        return a1.toByteArray();
    }

    /** A2 = Method ":" request-uri [ ":" H(entity-body) ] (RFC 7616 clause 3.4.3). */
    private String a2(String method, String uri, String qop, byte[] body) {
        if (AUTH_INT.equals(qop)) {
            return method + ":" + uri + ":" + hash(body == null ? new byte[0] : body);
        }
        if (qop != null && !AUTH.equals(qop)) {
            throw new DigestException("unsupported qop: " + qop);
        }
        return method + ":" + uri;
    }

    private String hash(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jcaName()).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName() + " is not available in this JRE", e);
        }
    }
}
