package org.ucdgba.gba.core.digest;

/**
 * The values that enter a Digest computation (RFC 7616 clause 3.4.1). {@code qop}, {@code nc} and {@code cnonce}
 * are null together for the RFC 2069 form.
 *
 * @param username the user name (on Ub the IMPI, on Ua the B-TID)
 * @param realm    the realm of the challenge
 * @param password the shared secret as octets (RES on Ub, base64(Ks_NAF) in ASCII on Ua)
 * @param nonce    the server nonce
 * @param uri      the request-uri as sent in the {@code uri} directive
 * @param qop      "auth", "auth-int" or null
 * @param nc       the nonce count as eight hex digits
 * @param cnonce   the client nonce
 */
public record DigestInput(String username, String realm, byte[] password, String nonce, String uri, String qop,
                          String nc, String cnonce) {
}
