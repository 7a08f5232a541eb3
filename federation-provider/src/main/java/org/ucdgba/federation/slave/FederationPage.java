package org.ucdgba.federation.slave;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.FederationPages;
import org.ucdgba.federation.PersonForms;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.metadata.Profile;

/**
 * The Slave UCD server under {@code /realms/{realm}/ucd-federation}: the page a person uses (seed steps 2-3),
 * signed in here with the realm's session cookie, to federate with a master, see the federations held and end
 * one; each form carries a single-use token issued to that browser session. It also mounts the UCD client's API
 * ({@code federations}, {@code masters}) and the ID-FF endpoints ({@code idff}). See docs/federation-api.md.
 */
public final class FederationPage {

    /** The path segment of the slave's ID-FF endpoints ({@link SlaveEndpoint}). */
    public static final String ENDPOINT = "idff";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SlaveService slave;
    private final PersonForms forms;

    FederationPage(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.slave = new SlaveService(session);
        this.forms = new PersonForms(session, realm);
    }

    /** The ID-FF endpoints: metadata, and what masters send. */
    @Path(ENDPOINT)
    public SlaveEndpoint endpoint() {
        return new SlaveEndpoint(session);
    }

    /** The UCD client's API of the user's federations. */
    @Path("federations")
    public SlaveFederationsApi federations() {
        return new SlaveFederationsApi(session);
    }

    /** The UCD client's list of masters. */
    @Path("masters")
    public SlaveMastersApi masters() {
        return new SlaveMastersApi(session);
    }

    private String self() {
        return SlaveService.providerId(session, realm);
    }

    /**
     * The page: choose a master (shown by display name; {@code master} preselects one) and name the account
     * there, or end a federation. Without a session, the offer to sign in first.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("master") String selected) {
        Optional<AuthenticationManager.AuthResult> signedIn = forms.signedIn();
        if (signedIn.isEmpty()) {
            return forms.signInFirst(self() + "/");
        }
        AuthenticationManager.AuthResult auth = signedIn.get();
        String formToken = forms.issue(auth);
        List<Map<String, String>> masters = slave.masters().masters().map(m -> Map.of("alias", m.getAlias(),
                "displayName", slave.masters().displayName(m.getAlias()))).toList();
        List<Map<String, String>> federations = slave.links(auth.getUser()).stream().map(f -> Map.of(
                "alias", f.getIdentityProvider(),
                "masterName", slave.masters().displayName(f.getIdentityProvider()),
                "account", f.getUserName() != null ? f.getUserName() : f.getUserId())).toList();
        return FederationPages.forms(session).setAttribute("username", auth.getUser().getUsername())
                .setAttribute("masters", masters).setAttribute("federations", federations)
                .setAttribute("selected", selected == null ? "" : selected).setAttribute("formToken", formToken)
                .setAttribute("federateUrl", self() + "/federate").setAttribute("endUrl", self() + "/end")
                .setAttribute("accountUrl", forms.accountUrl()).createForm(FederationPages.PAGE);
    }

    /** The form's submission: the signed request by redirect to the chosen master (step 5). */
    @POST
    @Path("federate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response federate(MultivaluedMap<String, String> form) {
        return forPerson(form, (person, master) -> federate(person, master, form.getFirst("masterAccount")));
    }

    private Response federate(UserModel person, Optional<IdpPartners.Master> master, String account) {
        if (master.isEmpty() || account == null || account.isBlank() || account.length() > SlaveService.MAX_NAME) {
            return failure(FederationError.INVALID_REQUEST, null);
        }
        Optional<SlaveService.Conflict> conflict = slave.conflict(person, master.get(), account);
        if (conflict.isPresent()) {
            return FederationPages.outcome(session, false, Response.Status.CONFLICT, "conflict",
                    conflict.get().message, slave.masters().displayName(master.get().model().getAlias()), null,
                    self() + "/");
        }
        try {
            return Response.seeOther(slave.federate(person, master.get(), account).redirect()).build();
        } catch (LibertyException e) {
            return failure(FederationError.PARTNER_NOT_USABLE,
                    slave.masters().displayName(master.get().model().getAlias()));
        }
    }

    /**
     * A person ends a federation: by redirect through the master (fedterm-sp-http) when it takes that, which sends
     * the user agent back to this slave's FederationTerminationServiceReturnURL; else by SOAP.
     */
    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response end(MultivaluedMap<String, String> form) {
        return forPerson(form, this::end);
    }

    private Response end(UserModel person, Optional<IdpPartners.Master> master) {
        String alias = master.map(m -> m.model().getAlias()).orElse(null);
        if (master.isEmpty() || session.users().getFederatedIdentity(realm, person, alias) == null) {
            return failure(FederationError.NOT_FEDERATED, null);
        }
        EventBuilder e = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REMOVE_FEDERATED_IDENTITY).user(person).detail(Details.IDENTITY_PROVIDER, alias);
        try {
            if (master.get().partner().metadata().supports(Profile.FEDTERM_SP_HTTP)) {
                Response toMaster = Response.seeOther(new SlaveTerminations(session).endByRedirect(person, master
                        .get())).build();
                e.detail(EventDetails.PARTNER_NOTIFIED, "true").success();
                return toMaster;
            }
            new SlaveTerminations(session).endBySoap(person, master.get());
        } catch (LibertyException | IllegalArgumentException | IOException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR);
            FederationError.PARTNER_UNREACHABLE.on(e, ex.getMessage());
            return failure(FederationError.PARTNER_UNREACHABLE, slave.masters().displayName(alias));
        }
        e.detail(EventDetails.PARTNER_NOTIFIED, "true").success();
        return FederationPages.outcome(session, false, Response.Status.OK, "terminated", "ucdFederationEnded", null,
                alias, self() + "/");
    }

    /** Runs a form's action for the person the form was issued to, with the master it names; else the refusal. */
    private Response forPerson(MultivaluedMap<String, String> form,
                               BiFunction<UserModel, Optional<IdpPartners.Master>, Response> action) {
        Optional<UserModel> person = forms.person(form);
        return person.isEmpty() ? failure(FederationError.FORM_EXPIRED, null) : action.apply(person.get(),
                Optional.ofNullable(form.getFirst("master")).flatMap(slave.masters()::byAlias));
    }

    private Response failure(FederationError error, String parameter) {
        return FederationPages.failure(session, false, error, parameter, self() + "/");
    }
}
