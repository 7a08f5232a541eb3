package org.ucdgba.federation.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.master.MasterService;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.Federations;

/**
 * The federations a master realm holds with a slave, for its administrators, at
 * {@code /admin/realms/{realm}/ucd-liberty-partners/slaves/federations?slave={ProviderID}}: {@code GET} lists
 * them; {@code DELETE &user={id}} ends one (fedterm-idp-soap): the slave is told at once (204) or, when it cannot
 * be reached, through the outbox (202). Viewing takes view-clients, ending manage-users.
 */
public final class SlaveFederationsAdmin {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SlaveFederationsAdmin(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                          AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** The federations held with a slave. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("slave") String slave) {
        auth.clients().requireView();
        if (slave == null) {
            return FederationError.INVALID_REQUEST.json("the slave's ProviderID is required");
        }
        return Response.ok(Federations.of(session, realm).ofPartner(slave).stream()
                .map(f -> Map.<String, Object>of("userId", f.getUserId(), "masterNameId", f.getLocalNameId(),
                        "slaveNameId", f.getPartnerNameId(), "created", f.getCreatedTimestamp()))
                .toList()).build();
    }

    /** Ends a user's federation with a slave. */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response end(@QueryParam("slave") String slave, @QueryParam("user") String userId) {
        auth.users().requireManage();
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        MasterService master = new MasterService(session, realm);
        Optional<FederationEntity> federation = user == null || slave == null ? Optional.empty()
                : master.federation(user, slave);
        if (federation.isEmpty()) {
            return FederationError.NOT_FEDERATED.json("no federation of this user with this slave");
        }
        adminEvent.operation(OperationType.DELETE).resource(ResourceType.USER)
                .resourcePath("users", user.getId(), "ucd-federations", slave);
        boolean told = master.endOrQueue(federation.get());
        adminEvent.success();
        return told ? Response.noContent().build() : Response.accepted().build();
    }
}
