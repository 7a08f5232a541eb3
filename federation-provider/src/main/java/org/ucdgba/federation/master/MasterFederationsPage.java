package org.ucdgba.federation.master;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.FederationPages;
import org.ucdgba.federation.PersonForms;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.gba.core.EventDetails;

/**
 * The master's page for a person, at {@code /realms/{realm}/protocol/liberty-idff/page}: the federations their
 * account here holds with slaves (the slave by name, the account there), each with a button that ends it. Ending
 * tells the slave by SOAP; when the slave cannot be reached, the federation ends here at once and the slave is
 * told later through the outbox, and the page says so. Signed in with the realm's session cookie, forms with
 * single-use tokens ({@link PersonForms}).
 */
public final class MasterFederationsPage {

    /** The page's template. */
    static final String TEMPLATE = "ucd-federation-master.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EventBuilder event;
    private final MasterService master;
    private final PersonForms forms;

    MasterFederationsPage(KeycloakSession session, RealmModel realm, EventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.event = event;
        this.master = new MasterService(session, realm);
        this.forms = new PersonForms(session, realm);
    }

    private String self() {
        return MasterService.providerId(session, realm) + "/page";
    }

    /** The page, or the offer to sign in first. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        Optional<AuthenticationManager.AuthResult> auth = forms.signedIn();
        if (auth.isEmpty()) {
            return forms.signInFirst(self());
        }
        UserModel user = auth.get().getUser();
        List<Map<String, String>> federations = master.store().ofUser(user.getId()).stream()
                .map(f -> Map.of("slave", f.getPartnerId(), "slaveName", slaveName(f.getPartnerId()),
                        "account", f.getPartnerNameId() == null ? "" : f.getPartnerNameId()))
                .toList();
        return FederationPages.forms(session).setAttribute("username", user.getUsername())
                .setAttribute("federations", federations).setAttribute("formToken", forms.issue(auth.get()))
                .setAttribute("endUrl", self() + "/end").setAttribute("accountUrl", forms.accountUrl())
                .createForm(TEMPLATE);
    }

    /** Ends the federation the form names. */
    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response end(MultivaluedMap<String, String> form) {
        Optional<UserModel> person = forms.person(form);
        if (person.isEmpty()) {
            return FederationPages.failure(session, false, FederationError.FORM_EXPIRED, null, self());
        }
        String slave = form.getFirst("slave");
        Optional<FederationEntity> federation = slave == null ? Optional.empty()
                : master.federation(person.get(), slave);
        if (federation.isEmpty()) {
            return FederationPages.failure(session, false, FederationError.NOT_FEDERATED, null, self());
        }
        boolean told = master.endOrQueue(federation.get());
        event.event(EventType.REMOVE_FEDERATED_IDENTITY).client(slave).user(person.get())
                .detail(EventDetails.SLAVE_NAME_ID, federation.get().getPartnerNameId())
                .detail(EventDetails.PARTNER_NOTIFIED, Boolean.toString(told)).success();
        return FederationPages.outcome(session, false, Response.Status.OK, "terminated",
                told ? "ucdFederationEnded" : "ucdFederationEndedLater", slaveName(slave), null, self());
    }

    /** A slave as a person knows it: its client's name, else its ProviderID. */
    private String slaveName(String providerId) {
        ClientModel client = realm.getClientByClientId(providerId);
        return client == null || client.getName() == null || client.getName().isBlank() ? providerId
                : client.getName();
    }
}
