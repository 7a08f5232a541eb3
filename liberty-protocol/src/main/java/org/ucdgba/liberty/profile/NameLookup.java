package org.ucdgba.liberty.profile;

import java.util.List;
import org.ucdgba.liberty.NameIdentifier;

/**
 * Which of a federation's two name identifiers a received message names. A federation has the one the identity
 * provider issued (IDPProvidedNameIdentifier) and, once registered, the one the service provider issued
 * (SPProvidedNameIdentifier); a FederationTerminationNotification or an OldProvidedNameIdentifier may carry
 * either (Protocols and Schema clauses 3.4.1 and 3.6.1). Deployed peers send the one the receiver issued
 * (Lasso, OpenAM's FSFedTerminationHandler) and accept either on receipt; so does this library. The NameQualifier
 * only orders the look-ups: Lasso qualifies an SP-provided name by the identity provider, so it cannot decide
 * alone.
 */
public final class NameLookup {

    /** Who issued a name identifier of a federation. */
    public enum Issuer {
        /** The receiver of the message: this provider. */
        SELF,
        /** The sender: the partner. */
        PARTNER
    }

    private NameLookup() {
    }

    /**
     * The order in which a receiver looks a name up among its federations with {@code partnerId}: the partner's
     * names first when the qualifier names the partner, else its own names first (the name the receiver issued,
     * as peers send it).
     */
    public static List<Issuer> order(NameIdentifier named, String partnerId) {
        return partnerId.equals(named.nameQualifier()) ? List.of(Issuer.PARTNER, Issuer.SELF)
                : List.of(Issuer.SELF, Issuer.PARTNER);
    }
}
