package org.ucdgba.federation.slave;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.UserTokens;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;

/**
 * The user's federations at the slave, for the UCD client with the user's bearer token, under
 * {@code /realms/{realm}/ucd-federation/federations}: list them, start one (IdentityFederationRequest, seed step
 * 3) and end one (fedterm-sp-soap). Errors are {@link FederationError}s as JSON.
 */
public final class SlaveFederationsApi {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SlaveService slave;

    SlaveFederationsApi(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.slave = new SlaveService(session);
    }

    /** The federations of the user (IdentityFederationResponse for each linked master). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        Optional<UserModel> user = UserTokens.user(session);
        if (user.isEmpty()) {
            return unauthorized();
        }
        List<Map<String, String>> out = slave.links(user.get()).stream()
                .map(f -> Map.of("master", f.getIdentityProvider(), "masterAccount",
                        f.getUserName() != null ? f.getUserName() : f.getUserId())).toList();
        return Response.ok(out).build();
    }

    /**
     * IdentityFederationRequest (step 3): {"master": alias, "masterAccount": name}. Answers 200 with the URL of the
     * master that the user agent must follow (step 5): a signed RegisterNameIdentifierRequest, rni-sp-http.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(Map<String, String> body) {
        Optional<UserModel> user = UserTokens.user(session);
        if (user.isEmpty()) {
            return unauthorized();
        }
        String alias = body == null ? null : body.get("master");
        String account = body == null ? null : body.get("masterAccount");
        Optional<IdpPartners.Master> master = alias == null ? Optional.empty() : slave.masters().byAlias(alias);
        if (master.isEmpty() || account == null || account.isBlank() || account.length() > SlaveService.MAX_NAME) {
            return FederationError.INVALID_REQUEST.json("name a configured master and the master account");
        }
        Optional<SlaveService.Conflict> conflict = slave.conflict(user.get(), master.get(), account);
        if (conflict.isPresent()) {
            return FederationError.ALREADY_FEDERATED.json(conflict.get().description);
        }
        try {
            SlaveService.Started started = slave.federate(user.get(), master.get(), account);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("requestId", started.requestId());
            out.put("redirect", started.redirect().toString());
            return Response.ok(out).build();
        } catch (LibertyException e) {
            return FederationError.PARTNER_NOT_USABLE.json(e.getMessage());
        }
    }

    /** Ends a federation from the slave (fedterm-sp-soap): the master is told, then the link goes here. */
    @DELETE
    @Path("{master}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response end(@PathParam("master") String alias) {
        Optional<UserModel> user = UserTokens.user(session);
        if (user.isEmpty()) {
            return unauthorized();
        }
        Optional<IdpPartners.Master> master = slave.masters().byAlias(alias);
        if (master.isEmpty() || session.users().getFederatedIdentity(realm, user.get(), alias) == null) {
            return FederationError.NOT_FEDERATED.json("no federation with this master");
        }
        EventBuilder e = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REMOVE_FEDERATED_IDENTITY).user(user.get()).detail(Details.IDENTITY_PROVIDER, alias);
        try {
            new SlaveTerminations(session).endBySoap(user.get(), master.get());
        } catch (LibertyException | IllegalArgumentException | IOException ex) {
            FederationError.PARTNER_UNREACHABLE.on(e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR),
                    ex.getMessage());
            return FederationError.PARTNER_UNREACHABLE.json("the master could not be told; the federation stays");
        }
        e.detail(EventDetails.PARTNER_NOTIFIED, "true").success();
        return Response.noContent().build();
    }

    private static Response unauthorized() {
        return FederationError.NOT_AUTHENTICATED.json("a bearer token of the user is required");
    }
}
