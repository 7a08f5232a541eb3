package org.ucdgba.federation.master;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The master asks the authenticated user, once the login succeeded, whether to federate: it names the slave and
 * the slave account that the request named. Without this step, a link to a forged request would federate a victim's
 * master account with an attacker's slave account on the victim's login alone. Declining answers the slave with
 * samlp:RequestDenied. Added to every federation login; it must be enabled in the master realm (required action
 * {@value #ID}).
 */
public final class FederationConsent implements RequiredActionProvider, RequiredActionFactory {

    /** Required action id. */
    public static final String ID = "ucd-federation-consent";
    private static final String TEMPLATE = "ucd-federation-consent.ftl";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        var authSession = context.getAuthenticationSession();
        context.challenge(context.form()
                .setAttribute("slaveName", authSession.getClient().getName() != null
                        ? authSession.getClient().getName() : authSession.getClient().getClientId())
                .setAttribute("slaveAccount", authSession.getClientNote(MasterProtocol.NOTE_SLAVE_NAME))
                .setAttribute("masterAccount", context.getUser().getUsername())
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("accept")) {
            context.success();
        } else {
            context.failure("federation declined");
        }
    }

    @Override
    public String getDisplayText() {
        return "UCD federation consent";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
