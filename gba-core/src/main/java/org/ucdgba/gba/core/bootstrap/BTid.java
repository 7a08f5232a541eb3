package org.ucdgba.gba.core.bootstrap;

import java.util.Base64;
import java.util.Objects;

/**
 * The Bootstrapping Transaction Identifier, B-TID = base64(RAND) "@" BSF_servers_domain_name, in NAI form
 * (TS 33.220 clause 4.5.2). It names a bootstrapping context on Ub, Ua and Zn.
 *
 * @param value the B-TID as text
 */
public record BTid(String value) {

    private static final int MAX_LENGTH = 255;

    public BTid {
        Objects.requireNonNull(value, "B-TID");
        int at = value.lastIndexOf('@');
        if (value.length() > MAX_LENGTH || at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
            throw new IllegalArgumentException("not a B-TID (base64(RAND)@domain)");
        }
        try {
            if (Base64.getDecoder().decode(value.substring(0, at)).length != 16) {
                throw new IllegalArgumentException("B-TID does not carry a 16-octet RAND");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a B-TID (base64(RAND)@domain)", e);
        }
    }

    /** The B-TID for a RAND issued by a BSF whose servers are in the given domain. */
    public static BTid of(byte[] rand, String bsfDomain) {
        return new BTid(Base64.getEncoder().encodeToString(rand) + "@" + bsfDomain);
    }

    /** The RAND this B-TID was made from. */
    public byte[] rand() {
        return Base64.getDecoder().decode(value.substring(0, value.indexOf('@')));
    }

    /** The BSF servers' domain name. */
    public String bsfDomain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
