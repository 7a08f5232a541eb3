package org.ucdgba.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.aka.AkaResult;
import org.ucdgba.gba.core.aka.AkaUsim;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.aka.SqnWindow;
import org.ucdgba.gba.core.digest.AkaNonce;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;

/**
 * Ub at the message level for tests that need to see inside it: first requests, answers (right, wrong or with
 * AUTS) to a given challenge, and the SQN each AUTN carries, read with the subscriber's K the way the ISIM reads
 * it (SQN = (SQN xor AK) xor f5(RAND), TS 33.102 clause 6.3.3). One {@link AkaUsim} with a full SEQ array plays
 * the subscriber's card; it runs one command at a time, as a card does.
 */
final class UbProbe {

    private static final DigestCalculator MD5 = new DigestCalculator(DigestAlgorithm.AKAV1_MD5);

    private final URI bsf;
    private final String impi;
    private final Milenage milenage;
    private final AkaUsim isim;

    UbProbe(URI bsf, String impi, byte[] k, byte[] opc) {
        this.bsf = bsf;
        this.impi = impi;
        this.milenage = Milenage.withOpc(k, opc);
        this.isim = new AkaUsim(milenage, new SqnWindow());
    }

    /** A first request naming the IMPI (TS 24.109 clause 4.2). */
    HttpResponse<String> firstRequest(RawUserAgent agent) throws Exception {
        return agent.get(bsf, "Digest username=\"" + impi + "\", realm=\"localhost\", nonce=\"\", uri=\""
                + bsf.getRawPath() + "\", response=\"\"");
    }

    /** The challenge's nonce, from a 401. */
    static String nonce(HttpResponse<String> challenge) {
        return DigestHeader.parse(challenge.headers().firstValue("WWW-Authenticate").orElseThrow(), true)
                .require("nonce");
    }

    /** The SQN of the challenge's AUTN. */
    Sqn sqn(String nonce) {
        AkaNonce n = AkaNonce.decode(nonce);
        byte[] ak = milenage.f2345(n.rand()).ak();
        byte[] sqn = new byte[6];
        for (int i = 0; i < 6; i++) {
            sqn[i] = (byte) (n.autn()[i] ^ ak[i]);
        }
        return Sqn.fromOctets(sqn);
    }

    /** What the card answers to the challenge. */
    synchronized AkaResult card(String nonce) {
        AkaNonce n = AkaNonce.decode(nonce);
        return isim.authenticate(n.rand(), n.autn());
    }

    /** The answer with this password (RES, or a wrong one), and optionally AUTS. */
    HttpResponse<String> answer(RawUserAgent agent, String nonce, byte[] password, byte[] auts) throws Exception {
        DigestInput input = new DigestInput(impi, "localhost", password, nonce, bsf.getRawPath(), "auth-int",
                "00000001", "4f1a3b0c");
        Map<String, String> d = new LinkedHashMap<>();
        d.put("username", impi);
        d.put("realm", "localhost");
        d.put("nonce", nonce);
        d.put("uri", bsf.getRawPath());
        d.put("qop", "auth-int");
        d.put("nc", "00000001");
        d.put("cnonce", "4f1a3b0c");
        d.put("algorithm", "AKAv1-MD5");
        if (auts != null) {
            d.put("auts", Base64.getEncoder().encodeToString(auts));
        }
        d.put("response", MD5.response(input, "GET", new byte[0]));
        return agent.get(bsf, DigestHeader.of(d).format());
    }
}
