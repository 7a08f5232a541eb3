package org.ucdgba.federation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A FederationTerminationNotification still to be delivered: the federation has already ended here, and the
 * partner is told by the termination outbox until it answers or the attempts run out. Written in the same
 * transaction that ends the federation, so a termination is never lost nor sent for a change that rolled back.
 */
@Entity
@Table(name = "UCD_PENDING_TERMINATION")
@NamedQueries({
    @NamedQuery(name = "ucdPendingTerminationsDue", query = "select t.id from PendingTerminationEntity t"
            + " where t.nextAttempt <= :now order by t.nextAttempt"),
    @NamedQuery(name = "ucdPendingTerminationsCount", query = "select count(t) from PendingTerminationEntity t"),
    @NamedQuery(name = "ucdDeletePendingTerminations", query = "delete from PendingTerminationEntity t"
            + " where t.realmId = :realmId and t.partnerId = :partnerId and t.nameId = :nameId")
})
public class PendingTerminationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** This realm's own ProviderID when the federation ended (no request is at hand when delivering). */
    @Column(name = "SELF_ID", length = 255, nullable = false)
    private String selfId;

    @Column(name = "PARTNER_ID", length = 255, nullable = false)
    private String partnerId;

    /** The profile's name, FEDTERM_IDP_SOAP (from a master) or FEDTERM_SP_SOAP (from a slave). */
    @Column(name = "PROFILE", length = 32, nullable = false)
    private String profile;

    @Column(name = "NAME_ID", length = 255, nullable = false)
    private String nameId;

    @Column(name = "NAME_QUALIFIER", length = 255, nullable = false)
    private String nameQualifier;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT", nullable = false)
    private long nextAttempt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getSelfId() {
        return selfId;
    }

    public void setSelfId(String selfId) {
        this.selfId = selfId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getNameId() {
        return nameId;
    }

    public void setNameId(String nameId) {
        this.nameId = nameId;
    }

    public String getNameQualifier() {
        return nameQualifier;
    }

    public void setNameQualifier(String nameQualifier) {
        this.nameQualifier = nameQualifier;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttempt() {
        return nextAttempt;
    }

    public void setNextAttempt(long nextAttempt) {
        this.nextAttempt = nextAttempt;
    }
}
