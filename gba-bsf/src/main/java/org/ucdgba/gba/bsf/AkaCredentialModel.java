package org.ucdgba.gba.bsf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * A subscriber's AKA credential as the HSS of a lab holds it (TS 33.102 clause 6.3, TS 35.206): K and OPc as secret
 * data, AMF as credential data, and the home environment's SQN, which every bootstrapping advances. The credential
 * data also shows the SQN (not a secret: TS 33.102 conceals it on the air only against tracking) and whether the
 * operator has suspended the SIM, so that the admin console's Credentials tab ("Show data") shows both.
 */
public final class AkaCredentialModel extends CredentialModel {

    /** The credential type stored on the realm's users. */
    public static final String TYPE = "gba-aka";

    private final SecretData secret;
    private final CredentialData data;

    private AkaCredentialModel(SecretData secret, CredentialData data) {
        this.secret = secret;
        this.data = data;
    }

    /** A new credential for a subscriber. */
    public static AkaCredentialModel create(byte[] k, byte[] opc, byte[] amf, Sqn sqn) {
        Milenage.withOpc(k, opc);
        SecretData secret = new SecretData();
        secret.k = Hex.encode(k);
        secret.opc = Hex.encode(opc);
        secret.sqn = Hex.encode(sqn.toOctets());
        CredentialData data = new CredentialData();
        data.amf = Hex.encode(amf);
        data.sqn = secret.sqn;
        AkaCredentialModel model = new AkaCredentialModel(secret, data);
        model.setType(TYPE);
        model.setUserLabel("ISIM");
        // Epoch milliseconds, as the admin console's Credentials tab reads it ("Invalid Date" without one).
        model.setCreatedDate(Time.currentTimeMillis());
        model.writeJson();
        return model;
    }

    /**
     * The credential read back from storage or given by an administrator; an {@link IllegalArgumentException}
     * naming the first unusable field (k, opc, amf, sqn) otherwise.
     */
    public static AkaCredentialModel createFromCredentialModel(CredentialModel stored) {
        SecretData secret;
        CredentialData data;
        try {
            secret = JsonSerialization.readValue(stored.getSecretData(), SecretData.class);
            data = JsonSerialization.readValue(stored.getCredentialData(), CredentialData.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("secretData and credentialData must be JSON objects");
        }
        if (secret == null || data == null) {
            throw new IllegalArgumentException("secretData and credentialData must be JSON objects");
        }
        octets("k", secret.k, Milenage.BLOCK);
        octets("opc", secret.opc, Milenage.BLOCK);
        octets("amf", data.amf, Milenage.AMF_LENGTH);
        if (secret.sqn != null) {
            octets("sqn", secret.sqn, Milenage.SQN_LENGTH);
        }
        AkaCredentialModel model = new AkaCredentialModel(secret, data);
        model.setId(stored.getId());
        model.setType(TYPE);
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        return model;
    }

    /** Checks that a field holds this many octets in hex; the message names the field, never its value. */
    private static void octets(String field, String hex, int length) {
        byte[] value;
        try {
            value = hex == null ? null : Hex.decode(hex);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(field + " must be " + length + " octets in hex");
        }
    }

    /** MILENAGE keyed with this subscriber's K and OPc. */
    public Milenage milenage() {
        return Milenage.withOpc(Hex.decode(secret.k), Hex.decode(secret.opc));
    }

    /** Whether this credential holds these K and OPc, compared in constant time. */
    boolean holds(byte[] k, byte[] opc) {
        return MessageDigest.isEqual(Hex.decode(secret.k), k) & MessageDigest.isEqual(Hex.decode(secret.opc), opc);
    }

    /** The AMF to put into AUTN. */
    public byte[] amf() {
        byte[] amf = Hex.decode(data.amf);
        if (amf.length != Milenage.AMF_LENGTH) {
            throw new IllegalArgumentException("AMF must be 2 octets");
        }
        return amf;
    }

    /** SQN_HE, the last sequence number issued (000000000000 when none was). */
    public Sqn sqn() {
        return secret.sqn == null ? new Sqn(0) : Sqn.fromOctets(Hex.decode(secret.sqn));
    }

    /** Sets SQN_HE; the caller stores the model afterwards. */
    public void setSqn(Sqn sqn) {
        secret.sqn = Hex.encode(sqn.toOctets());
        data.sqn = secret.sqn;
        writeJson();
    }

    /** Whether the operator has suspended this SIM: the BSF then serves it as it serves no subscription. */
    public boolean suspended() {
        return Boolean.TRUE.equals(data.suspended);
    }

    /** Suspends or resumes the SIM; the caller stores the model afterwards. */
    public void setSuspended(boolean suspended) {
        data.suspended = suspended ? Boolean.TRUE : null;
        writeJson();
    }

    private void writeJson() {
        try {
            setSecretData(JsonSerialization.writeValueAsString(secret));
            setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Secret data: K, OPc and SQN_HE in hex. */
    public static final class SecretData {
        public String k;
        public String opc;
        public String sqn;
    }

    /** Credential data: the AMF and a copy of SQN_HE in hex, and whether the SIM is suspended (absent: not). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class CredentialData {
        public String amf;
        public String sqn;
        public Boolean suspended;
    }
}
