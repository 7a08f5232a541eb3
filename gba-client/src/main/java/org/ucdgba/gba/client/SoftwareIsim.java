package org.ucdgba.gba.client;

import java.util.Objects;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.aka.AkaResult;
import org.ucdgba.gba.core.aka.AkaUsim;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.aka.SqnWindow;

/**
 * An ISIM in software for labs and tests: the subscriber's IMPI, K and OPc, and the SQN state that a real ISIM keeps
 * (TS 33.102 Annex C). Runs AKA for the Ub client; not thread-safe.
 */
public final class SoftwareIsim {

    private final String impi;
    private final AkaUsim usim;

    /** An ISIM whose SQN state resumes from the highest SQN it accepted before. */
    public SoftwareIsim(String impi, byte[] k, byte[] opc, Sqn highestAccepted) {
        this.impi = Objects.requireNonNull(impi, "impi");
        this.usim = new AkaUsim(Milenage.withOpc(k, opc), SqnWindow.restore(highestAccepted));
    }

    /** The private user identity, sent as Digest username on Ub. */
    public String impi() {
        return impi;
    }

    /** Runs AKA on a challenge (TS 33.102 clause 6.3.3). */
    public AkaResult authenticate(byte[] rand, byte[] autn) {
        return usim.authenticate(rand, autn);
    }

    /** The SQN state to save between runs. */
    public Sqn highestAcceptedSqn() {
        return usim.highestAcceptedSqn();
    }
}
