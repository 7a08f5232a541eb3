package org.ucdgba.gba.core;

/**
 * The detail keys of the Keycloak events this bundle writes, at the BSF, the NAF and in federation, in one place:
 * an operator's query for a B-TID or a name identifier finds the same key wherever the event came from. Keycloak's
 * own keys ({@code org.keycloak.events.Details}: reason, identity_provider, username) are used where one fits.
 * Only strings here; no Keycloak type.
 */
public final class EventDetails {

    /** The B-TID of a bootstrap (TS 33.220 clause 4.3), at the BSF and the NAF. */
    public static final String BTID = "gba_btid";
    /** Where the NAF took Ks_NAF from: the BSF over Zn, or its cache. */
    public static final String KEY_SOURCE = "gba_key_source";
    /** How long the NAF's Zn request took, in milliseconds, when it made one. */
    public static final String ZN_MILLIS = "gba_zn_millis";
    /** The outcome of the NAF's Zn request ({@code success}, or why not), when it made one. */
    public static final String ZN_OUTCOME = "gba_zn_outcome";
    /** The client id a NAF authenticated with at the BSF's Zn endpoint. */
    public static final String NAF_CLIENT_ID = "gba_naf_client_id";
    /** The NAF's FQDN in a Zn request (NAF_Id). */
    public static final String NAF_FQDN = "gba_naf_fqdn";

    /** The federation's name identifier as the master issued it (the master account). */
    public static final String MASTER_NAME_ID = "liberty_master_name_id";
    /** The master account's former name identifier, after a renaming. */
    public static final String PREVIOUS_MASTER_NAME_ID = "liberty_previous_master_name_id";
    /** The federation's name identifier as the slave issued it (the slave account). */
    public static final String SLAVE_NAME_ID = "liberty_slave_name_id";
    /** The slave account's former name identifier, after a renaming. */
    public static final String PREVIOUS_SLAVE_NAME_ID = "liberty_previous_slave_name_id";
    /** The name identifier a received termination named (either side's). */
    public static final String NAMED = "liberty_named";
    /** The master account a federation request asked for, when another account logged in. */
    public static final String REQUESTED_ACCOUNT = "liberty_requested_account";
    /** "true" on an event of a RegisterNameIdentifier renaming an existing federation. */
    public static final String REREGISTERED = "liberty_reregistered";
    /** The samlp:Status of a partner's refusal. */
    public static final String STATUS = "liberty_status";
    /** "true" on a removal the partner already knows of, so that no termination is sent again. */
    public static final String PARTNER_NOTIFIED = "liberty_partner_notified";

    private EventDetails() {
    }
}
