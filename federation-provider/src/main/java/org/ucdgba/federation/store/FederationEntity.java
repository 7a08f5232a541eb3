package org.ucdgba.federation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One federation of a realm user with a partner: the partner's ProviderID, this side's name identifier and the
 * partner's. A master records it at step 6, a slave at step 9. Unique per realm, user and partner, and per
 * partner account (see the Liquibase changelog).
 */
@Entity
@Table(name = "UCD_FEDERATION")
@NamedQueries({
    @NamedQuery(name = "ucdFederationsOfUser",
            query = "select f from FederationEntity f where f.realmId = :realmId and f.userId = :userId"),
    @NamedQuery(name = "ucdFederationsOfPartner",
            query = "select f from FederationEntity f where f.realmId = :realmId and f.partnerId = :partnerId"),
    @NamedQuery(name = "ucdFederationOfUserAndPartner", query = "select f from FederationEntity f"
            + " where f.realmId = :realmId and f.userId = :userId and f.partnerId = :partnerId"),
    @NamedQuery(name = "ucdFederationByPartnerName", query = "select f from FederationEntity f"
            + " where f.realmId = :realmId and f.partnerId = :partnerId and f.partnerNameId = :name"),
    @NamedQuery(name = "ucdFederationByLocalName", query = "select f from FederationEntity f"
            + " where f.realmId = :realmId and f.partnerId = :partnerId and f.localNameId = :name"),
    @NamedQuery(name = "ucdDeleteFederationsOfUser",
            query = "delete from FederationEntity f where f.realmId = :realmId and f.userId = :userId"),
    @NamedQuery(name = "ucdDeleteFederationsOfPartner",
            query = "delete from FederationEntity f where f.realmId = :realmId and f.partnerId = :partnerId")
})
public class FederationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PARTNER_ID", length = 255, nullable = false)
    private String partnerId;

    @Column(name = "LOCAL_NAME_ID", length = 255, nullable = false)
    private String localNameId;

    @Column(name = "PARTNER_NAME_ID", length = 255, nullable = false)
    private String partnerNameId;

    @Column(name = "CREATED_TIMESTAMP", nullable = false)
    private long createdTimestamp;

    /** This realm's ProviderID when the federation was made: the name the partner knows it by. */
    @Column(name = "SELF_ID", length = 255)
    private String selfId;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getLocalNameId() {
        return localNameId;
    }

    public void setLocalNameId(String localNameId) {
        this.localNameId = localNameId;
    }

    public String getPartnerNameId() {
        return partnerNameId;
    }

    public void setPartnerNameId(String partnerNameId) {
        this.partnerNameId = partnerNameId;
    }

    public long getCreatedTimestamp() {
        return createdTimestamp;
    }

    public void setCreatedTimestamp(long createdTimestamp) {
        this.createdTimestamp = createdTimestamp;
    }

    public String getSelfId() {
        return selfId;
    }

    public void setSelfId(String selfId) {
        this.selfId = selfId;
    }
}
