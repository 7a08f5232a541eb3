package org.ucdgba.federation.master;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.UserTokens;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;

/**
 * The master's federations as its user sees them, under {@code /realms/{realm}/protocol/liberty-idff/federations}
 * with a bearer token of the user (the UCD client's view): list them, end one ({@code DELETE ?slave=}), or give a
 * slave the account's current name ({@code POST name?slave=}). Both go by SOAP, or with {@code binding=redirect}
 * as a URL the user agent follows to the slave ({"redirect": ...}).
 */
public final class MasterFederationsApi {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EventBuilder event;
    private final MasterService master;

    MasterFederationsApi(KeycloakSession session, RealmModel realm, EventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.event = event;
        this.master = new MasterService(session, realm);
    }

    /** The federations of the token's user. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        Optional<UserModel> user = UserTokens.user(session);
        if (user.isEmpty()) {
            return FederationError.NOT_AUTHENTICATED.json("a bearer token of the user is required");
        }
        List<Map<String, Object>> out = master.store().ofUser(user.get().getId()).stream()
                .map(f -> Map.<String, Object>of("slave", f.getPartnerId(), "masterNameId", f.getLocalNameId(),
                        "slaveNameId", f.getPartnerNameId(), "created", f.getCreatedTimestamp()))
                .toList();
        return Response.ok(out).build();
    }

    /** Ends the user's federation with a slave: fedterm-idp-soap (204), or fedterm-idp-http (200, redirect). */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response end(@QueryParam("slave") String slave, @QueryParam("binding") String binding) {
        return withFederation(slave, (user, federation) -> {
            EventBuilder e = event.event(EventType.REMOVE_FEDERATED_IDENTITY).client(slave).user(user)
                    .detail(EventDetails.SLAVE_NAME_ID, federation.getPartnerNameId());
            try {
                Response answer;
                if ("redirect".equals(binding)) {
                    answer = Response.ok(Map.of("redirect", master.endByRedirect(federation).toString())).build();
                } else {
                    master.endBySoap(federation);
                    answer = Response.noContent().build();
                }
                e.success();
                return answer;
            } catch (LibertyException | IllegalArgumentException | IOException ex) {
                return unreachable(e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR), ex);
            }
        });
    }

    /**
     * Gives a slave the account's current name for a federation made under another: rni-idp-soap (200, result
     * renamed or refused), or rni-idp-http (200, redirect).
     */
    @POST
    @Path("name")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rename(@QueryParam("slave") String slave, @QueryParam("binding") String binding) {
        return withFederation(slave, (user, federation) -> {
            EventBuilder e = event.event(EventType.FEDERATED_IDENTITY_LINK).client(slave).user(user)
                    .detail(EventDetails.REREGISTERED, "true")
                    .detail(EventDetails.PREVIOUS_MASTER_NAME_ID, federation.getLocalNameId());
            try {
                if ("redirect".equals(binding)) {
                    return Response.ok(Map.of("redirect", master.renameByRedirect(user, federation).toString()))
                            .build();
                }
                RegisterNameIdentifierResponse response = master.renameBySoap(user, federation);
                if (!response.status().isSuccess()) {
                    FederationError.PARTNER_REFUSED.on(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR),
                            (String) null);
                    return Response.ok(Map.of("result", "refused")).build();
                }
            } catch (LibertyException | IllegalArgumentException | IOException ex) {
                return unreachable(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR), ex);
            }
            e.success();
            return Response.ok(Map.of("result", "renamed")).build();
        });
    }

    /** Runs the action on the token user's federation with the slave, or answers why it cannot. */
    private Response withFederation(String slave, BiFunction<UserModel, FederationEntity, Response> action) {
        Optional<UserModel> user = UserTokens.user(session);
        if (user.isEmpty()) {
            return FederationError.NOT_AUTHENTICATED.json("a bearer token of the user is required");
        }
        Optional<FederationEntity> federation = slave == null ? Optional.empty()
                : master.federation(user.get(), slave);
        return federation.isEmpty() ? FederationError.NOT_FEDERATED.json("no federation with this slave")
                : action.apply(user.get(), federation.get());
    }

    private static Response unreachable(EventBuilder e, Exception ex) {
        FederationError.PARTNER_UNREACHABLE.on(e, ex.getMessage());
        return FederationError.PARTNER_UNREACHABLE.json("the slave could not be told; nothing changed");
    }
}
