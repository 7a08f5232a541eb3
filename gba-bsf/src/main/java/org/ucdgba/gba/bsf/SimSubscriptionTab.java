package org.ucdgba.gba.bsf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.provisioning.ImsIdentity;

/**
 * The tab {@value #ID} ("SIM subscription") on a user's page in the admin console (Keycloak's {@code declarative-ui}
 * feature): the subscriber's IMPI and, write-only, the card's K and OPc (or OP) and its AMF. Saving gives the user
 * the attribute and its one {@code gba-aka} credential, replacing the former (the SQN starts again for a new K or
 * OPc, and goes on for the same card); or, by its Action, suspends, resumes or removes the user's SIM. A field that
 * cannot be used is refused by name, and nothing is written.
 * Keycloak keeps one component per realm behind such a tab: the keys never reach it, since they are taken out of
 * the form before it is stored (the form is empty again after each save), and the component holds no
 * subscriber's data. The credential shows on the user's Credentials tab with its date, and its "Show data" gives
 * the AMF, the SQN and whether the SIM is suspended.
 */
public final class SimSubscriptionTab implements UiTabProviderFactory<ComponentModel> {

    /** The tab's id; its title is the message of that key (themes module). */
    public static final String ID = "gba-sim";
    static final String IMPI = "impi";
    static final String K = "k";
    static final String OPC = "opc";
    static final String OP = "op";
    static final String AMF = "amf";
    /** The route parameter with the user's id, which the admin console merges into the form. */
    private static final String USER_ID = "id";
    /**
     * The type of {@link #USER_ID}'s property: one the admin console has no editor for, so it shows nothing, while
     * Keycloak keeps the value on an update (it drops the values of properties a component does not declare, and
     * every save after the realm's first one is an update of its one component).
     */
    static final String ROUTE_PARAMETER = "ucdgba-route-parameter";
    /** Session attribute: the subscription checked by {@link #validateConfiguration}, written by onCreate/onUpdate. */
    private static final String CHECKED = SimSubscriptionTab.class.getName() + ".checked";

    static final String ACTION = "action";

    /** What saving the form does; the option values are the list's labels, in English as the other labels. */
    enum Action {
        GIVE("Give this card"), SUSPEND("Suspend the SIM"), RESUME("Resume the SIM"), REMOVE("Remove the SIM");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The action a list option names; an empty one gives the card. */
        static Action of(String label) {
            for (Action a : values()) {
                if (a.label.equals(label)) {
                    return a;
                }
            }
            if (label.isEmpty()) {
                return GIVE;
            }
            throw new ComponentValidationException("Action must be one of its options");
        }
    }

    /** A change as the form asked it, checked; the card's fields only for {@link Action#GIVE}. */
    private record Change(String userId, Action action, String impi, byte[] k, byte[] opc, byte[] amf) {
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (model.get(USER_ID) == null && Stream.of(ACTION, IMPI, K, OPC, OP, AMF)
                .allMatch(field -> text(model, field).isEmpty())) {
            // The stored, empty form itself (a realm import, say): nothing is asked.
            return;
        }
        UserModel user = Optional.ofNullable(model.get(USER_ID)).map(id -> session.users().getUserById(realm, id))
                .orElseThrow(() -> new ComponentValidationException("open a user's page to set a SIM subscription"));
        Action action = Action.of(text(model, ACTION));
        Change change = action == Action.GIVE ? card(session, realm, model, user)
                : new Change(user.getId(), action, null, null, null, null);
        if (action != Action.GIVE && user.credentialManager().getStoredCredentialsByTypeStream(
                AkaCredentialModel.TYPE).findAny().isEmpty()) {
            throw new ComponentValidationException("this user has no SIM subscription");
        }
        session.setAttribute(CHECKED, change);
        // Write-only: the keys never reach the stored form, and the form is empty again after each save.
        for (String field : List.of(ACTION, IMPI, K, OPC, OP, AMF, USER_ID)) {
            model.getConfig().remove(field);
        }
    }

    /** The card the form gives the user, checked. */
    private static Change card(KeycloakSession session, RealmModel realm, ComponentModel model, UserModel user) {
        String impi = text(model, IMPI).isEmpty() ? Optional.ofNullable(user.getFirstAttribute(BsfConfig
                .IMPI_ATTRIBUTE)).orElse("") : text(model, IMPI);
        try {
            ImsIdentity.ofImpi(impi);
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage());
        }
        if (SubscriberIdentities.heldByAnother(session, realm, user.getId(), BsfConfig.IMPI_ATTRIBUTE, impi)) {
            throw new ComponentValidationException("IMPI " + impi + " belongs to another user");
        }
        if (text(model, K).isEmpty()) {
            throw new ComponentValidationException("K must be given to give a card");
        }
        byte[] k = octets(model, K, "K", Milenage.BLOCK);
        byte[] opc;
        if (!text(model, OPC).isEmpty()) {
            opc = octets(model, OPC, "OPc", Milenage.BLOCK);
        } else if (!text(model, OP).isEmpty()) {
            opc = Milenage.computeOpc(k, octets(model, OP, "OP", Milenage.BLOCK));
        } else {
            throw new ComponentValidationException("OPc (or OP) must be given");
        }
        byte[] amf = text(model, AMF).isEmpty() ? Hex.decode("8000") : octets(model, AMF, "AMF",
                Milenage.AMF_LENGTH);
        return new Change(user.getId(), Action.GIVE, impi, k, opc, amf);
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        apply(session, realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        apply(session, realm);
    }

    private static void apply(KeycloakSession session, RealmModel realm) {
        Change c = (Change) session.getAttribute(CHECKED);
        if (c == null) {
            return;
        }
        session.removeAttribute(CHECKED);
        UserModel user = session.users().getUserById(realm, c.userId());
        switch (c.action()) {
            case GIVE -> {
                user.setSingleAttribute(BsfConfig.IMPI_ATTRIBUTE, c.impi());
                if (user.getFirstAttribute(BsfConfig.IMPU_ATTRIBUTE) == null) {
                    user.setSingleAttribute(BsfConfig.IMPU_ATTRIBUTE, "sip:" + c.impi());
                }
                AkaCredentialProvider.giveCard(user, c.k(), c.opc(), c.amf());
            }
            case SUSPEND, RESUME -> AkaCredentialProvider.suspend(session, user, c.action() == Action.SUSPEND);
            case REMOVE -> user.credentialManager().getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE)
                    .toList().forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        }
    }

    private static String text(ComponentModel model, String field) {
        String value = model.get(field);
        return value == null ? "" : value.strip();
    }

    /** The field's octets; the refusal names the field by its label, never its value. */
    private static byte[] octets(ComponentModel model, String field, String label, int length) {
        String hex = text(model, field).replace(" ", "");
        try {
            byte[] octets = Hex.decode(hex);
            if (octets.length == length && hex.length() == 2 * length) {
                return octets;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new ComponentValidationException(label + " must be " + length + " octets in hex ("
                + 2 * length + " hex digits)");
    }

    @Override
    public String getPath() {
        return "/:realm/users/:id/:tab";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "sim");
    }

    @Override
    public String getHelpText() {
        return "The subscriber's SIM card: its IMPI and, write-only, K, OPc (or OP) and AMF. Saving replaces the "
                + "user's SIM subscription; the Credentials tab shows it, with its date.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(USER_ID).label("User").type(ROUTE_PARAMETER)
                .helpText("The user whose page this is, from the page's address").add()
                .property().name(ACTION).label("Action").type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(Action.values()).map(a -> a.label).toList())
                .defaultValue(Action.GIVE.label)
                .helpText("Give this card: the fields below replace the user's SIM. Suspend: the BSF serves the SIM "
                        + "as no subscription (no bootstrap, no Zn answer) until it is resumed. Remove: the user "
                        + "keeps the account and loses the SIM").add()
                .property().name(IMPI).label("IMPI").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The ISIM's private identity, user@realm; empty keeps the user's").add()
                .property().name(K).label("K").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("The card's key, 32 hex digits; write-only; needed to give a card").add()
                .property().name(OPC).label("OPc").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("32 hex digits; write-only").add()
                .property().name(OP).label("OP (instead of OPc)").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("The operator variant, 32 hex digits, when the vendor gave OP; OPc is derived").add()
                .property().name(AMF).label("AMF").type(ProviderConfigProperty.STRING_TYPE).defaultValue("8000")
                .helpText("4 hex digits").add()
                .build();
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
