package org.ucdgba.liberty.profile;

import org.ucdgba.liberty.Status;

/**
 * The receiver's decision on a RegisterNameIdentifierRequest for a federation it holds (Bindings and Profiles
 * clause 3.4; Protocols and Schema 3.4.2 for the status): the sender gives the federation a new name identifier
 * of its own, naming the federation by the former one. The same table at a master (a slave renamed its account)
 * and at a slave (a master renamed its account).
 */
public enum Renaming {
    /** The federation takes the new name: samlp:Success. */
    RENAME(Status.success(), "renamed"),
    /** The federation has the new name already (the sender did not get the answer and asks again). */
    ALREADY_DONE(Status.success(), "already_done"),
    /** No federation of the sender has the former name: lib:FederationDoesNotExist. */
    NO_FEDERATION(new Status(Status.REQUESTER, Status.FEDERATION_DOES_NOT_EXIST), "federation_does_not_exist"),
    /** The new name is unusable here (too long, or another federation with the sender has it). */
    REFUSED(new Status(Status.REQUESTER, Status.REQUEST_DENIED), "name_identifier_refused");

    private final Status status;
    private final String code;

    Renaming(Status status, String code) {
        this.status = status;
        this.code = code;
    }

    /** A short code of the decision, for logs and events: renamed, already_done, federation_does_not_exist, ... */
    public String code() {
        return code;
    }

    /** The status the response carries. */
    public Status status() {
        return status;
    }

    /**
     * The decision.
     *
     * @param formerFound  a federation with the sender has the former name
     * @param alreadyDone  the federation the request names has the new name already
     * @param newName      the new name identifier, or null when the request gives none
     * @param newNameTaken another federation with the sender has the new name
     * @param maxLength    the longest name identifier the receiver records
     */
    public static Renaming decide(boolean formerFound, boolean alreadyDone, String newName, boolean newNameTaken,
                                  int maxLength) {
        if (alreadyDone) {
            return ALREADY_DONE;
        }
        if (!formerFound) {
            return NO_FEDERATION;
        }
        if (newName == null || newName.isBlank() || newName.length() > maxLength || newNameTaken) {
            return REFUSED;
        }
        return RENAME;
    }
}
