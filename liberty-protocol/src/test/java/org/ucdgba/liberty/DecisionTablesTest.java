package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ucdgba.liberty.profile.NameLookup;
import org.ucdgba.liberty.profile.NameLookup.Issuer;
import org.ucdgba.liberty.profile.NewFederation;
import org.ucdgba.liberty.profile.Renaming;

class DecisionTablesTest {

    private static final String PARTNER = "https://slave.example/liberty";

    private static final String MASTER = "https://master.example/liberty";

    @Test
    void aTerminationIsLookedUpWhereItsQualifierAllows() {
        // At the master (identity provider): the slave's own name, the master's own name, no qualifier.
        assertEquals(List.of(Issuer.PARTNER), NameLookup.forTermination(NameIdentifier.federated("sam", PARTNER),
                MASTER, PARTNER, true));
        assertEquals(List.of(Issuer.SELF), NameLookup.forTermination(NameIdentifier.federated("bob", MASTER),
                MASTER, PARTNER, true));
        assertEquals(List.of(Issuer.SELF, Issuer.PARTNER), NameLookup.forTermination(
                new NameIdentifier("bob", null, null), MASTER, PARTNER, true));
        // At the slave (service provider): its own name; a name qualified by the master may be either (Lasso).
        assertEquals(List.of(Issuer.SELF), NameLookup.forTermination(NameIdentifier.federated("sam", PARTNER),
                PARTNER, MASTER, false));
        assertEquals(List.of(Issuer.SELF, Issuer.PARTNER), NameLookup.forTermination(
                NameIdentifier.federated("sam", MASTER), PARTNER, MASTER, false));
    }

    @Test
    void aFormerNameIsLookedUpAmongBothSidesThePartnersFirstWhenItQualifiesIt() {
        assertEquals(List.of(Issuer.SELF, Issuer.PARTNER), NameLookup.forRenaming(
                NameIdentifier.federated("bob", MASTER), PARTNER));
        assertEquals(List.of(Issuer.PARTNER, Issuer.SELF), NameLookup.forRenaming(
                NameIdentifier.federated("sam", PARTNER), PARTNER));
    }

    @Test
    void renamingTable() {
        assertEquals(Renaming.RENAME, Renaming.decide(true, false, "samuel", false, 255));
        assertEquals(Renaming.ALREADY_DONE, Renaming.decide(false, true, "samuel", true, 255));
        assertEquals(Renaming.NO_FEDERATION, Renaming.decide(false, false, "samuel", false, 255));
        assertEquals(Renaming.REFUSED, Renaming.decide(true, false, "samuel", true, 255));
        assertEquals(Renaming.REFUSED, Renaming.decide(true, false, null, false, 255));
        assertEquals(Renaming.REFUSED, Renaming.decide(true, false, "x".repeat(256), false, 255));
        assertEquals(Status.FEDERATION_DOES_NOT_EXIST, Renaming.NO_FEDERATION.status().secondLevel());
        assertEquals(Status.REQUEST_DENIED, Renaming.REFUSED.status().secondLevel());
        assertEquals(true, Renaming.ALREADY_DONE.status().isSuccess());
    }

    @Test
    void newFederationTables() {
        assertEquals(NewFederation.ALLOWED, NewFederation.atServiceProvider(false, false, false));
        assertEquals(NewFederation.ALREADY_FEDERATED, NewFederation.atServiceProvider(true, true, true));
        assertEquals(NewFederation.PARTNER_ACCOUNT_TAKEN, NewFederation.atServiceProvider(false, true, true));
        assertEquals(NewFederation.NAME_TAKEN, NewFederation.atServiceProvider(false, false, true));
        assertEquals(NewFederation.ALLOWED, NewFederation.atIdentityProvider(true, false));
        assertEquals(NewFederation.NOT_THE_NAMED_ACCOUNT, NewFederation.atIdentityProvider(false, true));
        assertEquals(NewFederation.ALREADY_FEDERATED, NewFederation.atIdentityProvider(true, true));
        assertEquals(true, NewFederation.ALLOWED.status().isSuccess());
        assertEquals(Status.REQUEST_DENIED, NewFederation.NOT_THE_NAMED_ACCOUNT.status().secondLevel());
    }
}
