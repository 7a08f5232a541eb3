package org.ucdgba.gba.bsf;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console page {@value #ID} ("GBA bootstrapping server", Keycloak's {@code declarative-ui} feature): the
 * realm's BSF settings ({@link BsfConfig}) as a form, each checked on save and refused by its label when it cannot
 * be used, so that a typo never silently falls back to a default. A realm has at most one entry; saving it writes
 * the realm attributes the BSF reads (an empty field removes one: its default applies), deleting it removes them.
 * Attributes set otherwise (realm JSON, REST) are overwritten by the next save of the entry.
 */
public final class BsfSettingsPage implements UiPageProviderFactory<ComponentModel> {

    /** The page's id; its title is the message of that key (themes module). */
    public static final String ID = "gba-bsf-settings";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern AMF = Pattern.compile("[0-9a-fA-F]{4}");

    /** One setting: its attribute, label, smallest and largest value (numbers only), help. */
    private record Setting(String attribute, String label, long min, long max, String help) {
        boolean numeric() {
            return max > 0;
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting(BsfConfig.DOMAIN, "BSF domain", 0, 0, "The Ub Digest realm and the B-TID's domain "
                    + "(TS 33.220 clause 4.5.2); empty: the host name the device used"),
            new Setting(BsfConfig.KEY_LIFETIME, "Key lifetime (s)", 60, 7 * 86_400, "Lifetime of Ks and of the "
                    + "keys derived from it; default " + BsfConfig.DEFAULT_KEY_LIFETIME),
            new Setting(BsfConfig.CHALLENGE_LIFETIME, "Challenge lifetime (s)", 10, 3_600, "How long a Ub "
                    + "challenge may be answered; default " + BsfConfig.DEFAULT_CHALLENGE_LIFETIME),
            new Setting(BsfConfig.THROTTLE_WINDOW, "Throttle window (s)", 10, 86_400, "The window of the three "
                    + "bounds below; default " + BsfConfig.DEFAULT_THROTTLE_WINDOW),
            new Setting(BsfConfig.UB_CHALLENGES, "Ub challenges per IMPI", 1, 10_000, "Challenges issued per IMPI "
                    + "in a window (each advances the SQN); default " + BsfConfig.DEFAULT_UB_CHALLENGES),
            new Setting(BsfConfig.UB_FAILURES, "Wrong Ub answers per IMPI", 1, 10_000, "Wrong RES or AUTS per "
                    + "IMPI in a window before 429; default " + BsfConfig.DEFAULT_UB_FAILURES),
            new Setting(BsfConfig.ZN_FAILURES, "Failed Zn logins per client", 1, 10_000, "Failed Zn client "
                    + "authentications per client and address in a window; default "
                    + BsfConfig.DEFAULT_ZN_FAILURES),
            new Setting(BsfConfig.CHALLENGE_FLOOR, "Challenge floor (ms)", 0, 1_000, "The least time before a Ub "
                    + "challenge is sent, above your p99, so that known and unknown IMPIs take equally long; 0 "
                    + "turns it off; default " + BsfConfig.DEFAULT_CHALLENGE_FLOOR),
            new Setting(BsfConfig.DECOY_AMF, "Decoy AMF", 0, 0, "The AMF (4 hex digits) of challenges for IMPIs "
                    + "without a subscription: your subscribers' AMF, since AUTN carries it in clear; default "
                    + BsfConfig.DEFAULT_DECOY_AMF));

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        boolean another = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .anyMatch(c -> ID.equals(c.getProviderId()) && !c.getId().equals(model.getId()));
        if (another) {
            throw new ComponentValidationException("this realm has its BSF settings already; edit that entry");
        }
        for (Setting s : SETTINGS) {
            String value = value(model, s.attribute());
            if (value.isEmpty()) {
                continue;
            }
            if (s.numeric()) {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    n = Long.MIN_VALUE;
                }
                if (n < s.min() || n > s.max()) {
                    throw new ComponentValidationException(s.label() + " must be a whole number from " + s.min()
                            + " to " + s.max());
                }
            } else if (s.attribute().equals(BsfConfig.DOMAIN) && (value.length() > 253
                    || !DOMAIN.matcher(value).matches())) {
                throw new ComponentValidationException(s.label() + " must be a domain name, such as "
                        + "bsf.operator.example");
            } else if (s.attribute().equals(BsfConfig.DECOY_AMF) && !AMF.matcher(value).matches()) {
                throw new ComponentValidationException(s.label() + " must be 4 hex digits");
            }
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        write(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        write(realm, newModel);
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SETTINGS.forEach(s -> realm.removeAttribute(s.attribute()));
    }

    private static void write(RealmModel realm, ComponentModel model) {
        for (Setting s : SETTINGS) {
            String value = value(model, s.attribute());
            if (value.isEmpty()) {
                realm.removeAttribute(s.attribute());
            } else {
                // Numbers as the BSF reads them ("00" would not be the 0 that turns the floor off).
                realm.setAttribute(s.attribute(), s.numeric() ? Long.toString(Long.parseLong(value)) : value);
            }
        }
    }

    private static String value(ComponentModel model, String attribute) {
        String v = model.get(attribute);
        return v == null ? "" : v.strip();
    }

    @Override
    public String getHelpText() {
        return "The realm's Bootstrapping Server Function (Ub at /realms/{realm}/gba-bsf, Zn at .../zn): one entry "
                + "per realm; an empty field takes its default.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder b = ProviderConfigurationBuilder.create();
        b.property().name("name").label("Name").type(ProviderConfigProperty.STRING_TYPE).defaultValue("BSF")
                .helpText("The entry's name in this list").add();
        for (Setting s : SETTINGS) {
            b.property().name(s.attribute()).label(s.label()).type(ProviderConfigProperty.STRING_TYPE)
                    .helpText(s.help()).add();
        }
        return b.build();
    }

    /** The list shows the entry's domain and key lifetime. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(BsfConfig.DOMAIN, BsfConfig.KEY_LIFETIME));
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
