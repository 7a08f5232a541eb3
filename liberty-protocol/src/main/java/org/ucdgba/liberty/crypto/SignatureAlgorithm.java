package org.ucdgba.liberty.crypto;

import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * The signature algorithms of this library, by their XML Signature URIs (used both as ds:SignatureMethod and as
 * the SigAlg of a signed query) and their JCA names. RSA-SHA1 is a legacy algorithm: it is produced or accepted
 * only when a partner's {@link SignaturePolicy} names it.
 */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256 (RFC 6931 clause 2.3.2): the default. */
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2001/04/xmlenc#sha256"),
    /** ECDSA with SHA-256 (RFC 6931 clause 2.3.6). */
    ECDSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA256withECDSA",
            "http://www.w3.org/2001/04/xmlenc#sha256"),
    /** RSA PKCS#1 v1.5 with SHA-1, the algorithm of the ID-FF 1.2 specifications: for legacy peers only. */
    RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA1withRSA",
            "http://www.w3.org/2000/09/xmldsig#sha1");

    private final String uri;
    private final String jcaName;
    private final String digestUri;

    SignatureAlgorithm(String uri, String jcaName, String digestUri) {
        this.uri = uri;
        this.jcaName = jcaName;
        this.digestUri = digestUri;
    }

    /** The XML Signature URI. */
    public String uri() {
        return uri;
    }

    /** The JCA signature name. */
    public String jcaName() {
        return jcaName;
    }

    /** The digest method URI of references signed with this algorithm. */
    public String digestUri() {
        return digestUri;
    }

    /** Whether this algorithm can be used with a key of this type. */
    public boolean fits(Key key) {
        return this == ECDSA_SHA256 ? key instanceof ECKey : key instanceof RSAKey;
    }

    /** The algorithm of a URI, or null when unknown. */
    public static SignatureAlgorithm fromUri(String uri) {
        for (SignatureAlgorithm a : values()) {
            if (a.uri.equals(uri)) {
                return a;
            }
        }
        return null;
    }

    /** The default algorithm for a private key: RSA-SHA256 or ECDSA-SHA256. */
    public static SignatureAlgorithm defaultFor(PrivateKey key) {
        return key instanceof ECKey ? ECDSA_SHA256 : RSA_SHA256;
    }
}
