package org.ucdgba.gba.client;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;

/**
 * The client's answer to one Digest challenge (RFC 7616 clause 3.4): chooses qop (auth-int when offered, as
 * TS 24.109 prefers), makes the cnonce, formats the {@code Authorization} header and later checks the server's
 * {@code rspauth} (clause 3.5), which is what makes the exchange mutual.
 */
final class DigestAnswer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DigestHeader challenge;
    private final DigestCalculator calculator;
    private final DigestInput input;
    private final Map<String, String> extra;

    private DigestAnswer(DigestHeader challenge, DigestCalculator calculator, DigestInput input,
                         Map<String, String> extra) {
        this.challenge = challenge;
        this.calculator = calculator;
        this.input = input;
        this.extra = extra;
    }

    /** An answer to {@code challenge} for the request {@code uri} as username with the given password. */
    static DigestAnswer to(DigestHeader challenge, String username, byte[] password, String uri) {
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(challenge.get("algorithm"));
        String offered = challenge.get("qop");
        String qop;
        if (offered == null) {
            throw new DigestException("server offers no qop; RFC 2069 Digest is not used here");
        } else if (Arrays.stream(offered.split(",")).map(String::strip).anyMatch(DigestCalculator.AUTH_INT::equals)) {
            qop = DigestCalculator.AUTH_INT;
        } else if (Arrays.stream(offered.split(",")).map(String::strip).anyMatch(DigestCalculator.AUTH::equals)) {
            qop = DigestCalculator.AUTH;
        } else {
            throw new DigestException("server offers no usable qop: " + offered);
        }
        byte[] c = new byte[16];
        RANDOM.nextBytes(c);
        DigestInput input = new DigestInput(username, challenge.require("realm"), password, challenge.require("nonce"),
                uri, qop, "00000001", HexFormat.of().formatHex(c));
        return new DigestAnswer(challenge, new DigestCalculator(algorithm), input, new LinkedHashMap<>());
    }

    /** Adds a directive such as {@code auts} (RFC 3310 clause 3.4). */
    DigestAnswer with(String name, String value) {
        extra.put(name, value);
        return this;
    }

    /** The {@code Authorization} header value for a request with this method and body. */
    String authorization(String method, byte[] body) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("username", input.username());
        d.put("realm", input.realm());
        d.put("nonce", input.nonce());
        d.put("uri", input.uri());
        d.put("qop", input.qop());
        d.put("nc", input.nc());
        d.put("cnonce", input.cnonce());
        d.put("response", calculator.response(input, method, body));
        if (challenge.get("algorithm") != null) {
            d.put("algorithm", challenge.get("algorithm"));
        }
        if (challenge.get("opaque") != null) {
            d.put("opaque", challenge.get("opaque"));
        }
        d.putAll(extra);
        return DigestHeader.of(d).format();
    }

    /** Whether the server's {@code Authentication-Info} proves it knew the password too. */
    boolean serverAuthenticated(String authenticationInfo, byte[] responseBody) {
        if (authenticationInfo == null) {
            return false;
        }
        DigestHeader info = DigestHeader.parse(authenticationInfo, false);
        if (info.get("cnonce") != null && !input.cnonce().equals(info.get("cnonce"))) {
            return false;
        }
        return DigestCalculator.matches(calculator.rspauth(input, responseBody), info.get("rspauth"));
    }
}
