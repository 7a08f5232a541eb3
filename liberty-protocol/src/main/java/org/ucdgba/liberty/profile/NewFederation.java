package org.ucdgba.liberty.profile;

import org.ucdgba.liberty.Status;

/**
 * Whether a new federation may be made, at either side (the UCD seed makes one with a RegisterNameIdentifierRequest,
 * steps 3-6): a principal has at most one federation with a partner, a partner account at most one here, and at
 * the identity provider the one who authenticated is the account the request named. Refusals answer
 * samlp:Responder / samlp:RequestDenied.
 */
public enum NewFederation {
    /** It may be made. */
    ALLOWED("allowed"),
    /** (identity provider) The one who authenticated is not the account the request named. */
    NOT_THE_NAMED_ACCOUNT("not_the_requested_account"),
    /** This account is federated with the partner already (under another partner account): that must end first. */
    ALREADY_FEDERATED("federated_with_another_account"),
    /** (service provider) The partner account is federated with another account here. */
    PARTNER_ACCOUNT_TAKEN("partner_account_taken"),
    /** (service provider) The partner still knows another account here by this account's name. */
    NAME_TAKEN("name_taken");

    private final String code;

    NewFederation(String code) {
        this.code = code;
    }

    /** A short code of the decision, for logs and events. */
    public String code() {
        return code;
    }

    /** The status an identity provider answers with. */
    public Status status() {
        return this == ALLOWED ? Status.success() : new Status(Status.RESPONDER, Status.REQUEST_DENIED);
    }

    /**
     * At the service provider, before the request is sent.
     *
     * @param federatedWithPartner   this account holds a federation with the partner
     * @param partnerAccountTaken    the partner account is federated with another account here
     * @param nameKnownForAnother    the partner knows another account here by this account's name
     */
    public static NewFederation atServiceProvider(boolean federatedWithPartner, boolean partnerAccountTaken,
                                                  boolean nameKnownForAnother) {
        if (federatedWithPartner) {
            return ALREADY_FEDERATED;
        }
        if (partnerAccountTaken) {
            return PARTNER_ACCOUNT_TAKEN;
        }
        return nameKnownForAnother ? NAME_TAKEN : ALLOWED;
    }

    /**
     * At the identity provider, once its user has authenticated.
     *
     * @param namedAccountAuthenticated   the one who authenticated is the account the request named
     * @param federatedWithAnotherAccount this account holds a federation with another account of the partner
     */
    public static NewFederation atIdentityProvider(boolean namedAccountAuthenticated,
                                                   boolean federatedWithAnotherAccount) {
        if (!namedAccountAuthenticated) {
            return NOT_THE_NAMED_ACCOUNT;
        }
        return federatedWithAnotherAccount ? ALREADY_FEDERATED : ALLOWED;
    }
}
