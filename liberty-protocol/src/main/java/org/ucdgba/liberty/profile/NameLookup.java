package org.ucdgba.liberty.profile;

import java.util.List;
import org.ucdgba.liberty.NameIdentifier;

/**
 * Which of a federation's two name identifiers a received message names. A federation has the one the identity
 * provider issued (IDPProvidedNameIdentifier) and, once registered, the one the service provider issued
 * (SPProvidedNameIdentifier); a FederationTerminationNotification or an OldProvidedNameIdentifier may carry either
 * (Protocols and Schema clauses 3.4.1 and 3.6.1). Deployed peers send the one the receiver issued (Lasso, OpenAM's
 * FSFedTerminationHandler) and accept either on receipt; so does this library.
 *
 * <p>The NameQualifier helps only so far: a name the service provider qualifies by its own ProviderID is its own,
 * but Lasso qualifies both names of a federation by the identity provider, so a name qualified by the identity
 * provider, or by nobody, may be either.
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
     * Where a receiver looks for the federation a FederationTerminationNotification names, in order. A name
     * qualified by the service provider is the service provider's alone. At the identity provider, a name qualified
     * by itself is its own alone (a termination names no other federation by a second name, so a look-up among
     * the other side's names could end an unrelated federation whose name happens to be the same); at the service
     * provider it may be either, its own first (Lasso's identity provider sends the service provider's name so
     * qualified). Unqualified: the receiver's names first, then the sender's.
     *
     * @param selfIsIdentityProvider whether the receiver is the identity provider (the master)
     */
    public static List<Issuer> forTermination(NameIdentifier named, String selfId, String partnerId,
                                              boolean selfIsIdentityProvider) {
        String qualifier = named.nameQualifier();
        String sp = selfIsIdentityProvider ? partnerId : selfId;
        String idp = selfIsIdentityProvider ? selfId : partnerId;
        Issuer spSide = selfIsIdentityProvider ? Issuer.PARTNER : Issuer.SELF;
        if (sp.equals(qualifier)) {
            return List.of(spSide);
        }
        if (idp.equals(qualifier) && selfIsIdentityProvider) {
            return List.of(Issuer.SELF);
        }
        return List.of(Issuer.SELF, Issuer.PARTNER);
    }

    /**
     * Where a receiver looks for the federation an OldProvidedNameIdentifier names, in order: either side's names,
     * the partner's first when the qualifier names the partner. The request also names the federation by the name
     * that does not change (the receiver checks it against what it finds), so a look-up among both sides cannot
     * pick an unrelated federation.
     */
    public static List<Issuer> forRenaming(NameIdentifier named, String partnerId) {
        return partnerId.equals(named.nameQualifier()) ? List.of(Issuer.PARTNER, Issuer.SELF)
                : List.of(Issuer.SELF, Issuer.PARTNER);
    }
}
