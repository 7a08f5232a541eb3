package org.ucdgba.gba.naf;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnRequest;
import org.ucdgba.gba.core.zn.ZnSoapClient;

/**
 * The admin console page {@value #ID} ("GBA: test Zn connection", Keycloak's {@code declarative-ui} feature): saving
 * an entry tests each NAF of the realm (or the one whose settings it names) as a login would use it, and keeps the
 * outcome on the entry. A test is one Zn request (TS 29.109 clause 5.3) with the NAF's own endpoint, client id,
 * secret, timeout and NAF_Id, for a B-TID that no device holds: a BSF that answers "no such B-TID" has authenticated
 * this NAF and allowed its NAF_Id (a NAF with no FQDN of its own takes the host of the admin console's request),
 * which is everything a login needs from it but a device's bootstrap. The BSF logs that request as any unknown
 * B-TID ({@code gba_unknown_btid}). Settings a NAF could not work with are named as at login
 * ({@link GbaAuthenticatorConfig#problem()}). Each NAF is tested in turn, waiting at most the NAF's Zn timeout
 * and never more than {@link #MAX_WAIT}; the entry is written once the tests have ended.
 */
public final class ZnConnectionTest implements UiPageProviderFactory<ComponentModel> {

    /** The page's id; its title is the message of that key (themes module). */
    public static final String ID = "gba-naf-zn-test";
    static final String NAME = "name";
    static final String NAF = "naf";
    static final String RESULT = "result";
    /** The longest a test waits for one NAF's BSF, whatever the NAF's own Zn timeout. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (model.get(NAME) == null || model.get(NAME).isBlank()) {
            throw new ComponentValidationException("Name must be given");
        }
        if (model.getId() != null && realm.getComponent(model.getId()) == null) {
            // An entry of a realm being imported: kept as it is, nothing tested.
            return;
        }
        String alias = model.get(NAF) == null ? "" : model.get(NAF).strip();
        // A NAF with no FQDN of its own answers at the host devices use: the server's frontend host name.
        String host = session.getContext().getUri(UrlType.FRONTEND).getBaseUri().getHost();
        List<ZnReachability.Naf> nafs = ZnReachability.nafsOf(realm, host).stream()
                .filter(n -> alias.isEmpty() || alias.equals(n.alias())).toList();
        if (nafs.isEmpty()) {
            throw new ComponentValidationException(alias.isEmpty()
                    ? "this realm has no GBA (SIM) login step with settings"
                    : "NAF settings: this realm has no GBA (SIM) login settings named " + alias);
        }
        model.put(RESULT, Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n" + nafs.stream()
                .map(n -> n.alias() + ": " + test(n.config())).collect(Collectors.joining("\n")));
    }

    /** One NAF's test, in words an operator can act on. */
    static String test(GbaAuthenticatorConfig config) {
        Optional<String> problem = config.problem();
        if (problem.isPresent()) {
            return "cannot work: " + problem.get();
        }
        byte[] rand = new byte[16];
        RANDOM.nextBytes(rand);
        ZnRequest probe = new ZnRequest(BTid.of(rand, "test.invalid"), config.nafId(), false);
        long start = System.nanoTime();
        try {
            Duration timeout = config.znTimeout().compareTo(MAX_WAIT) < 0 ? config.znTimeout() : MAX_WAIT;
            new ZnSoapClient(config.znUrl(), config.znClientId(), config.znClientSecret(), timeout)
                    .requestBootstrappingInfo(probe);
            return "the BSF answered a B-TID no device holds: it is not a BSF to trust";
        } catch (ZnException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return switch (e.reason()) {
                case UNKNOWN_BTID -> "OK: the BSF at " + config.znUrlText() + " took this NAF (client "
                        + config.znClientId() + ", NAF FQDN " + config.nafId().fqdn() + ") in " + millis + " ms";
                case NAF_NOT_AUTHORIZED -> "refused by the BSF: " + e.getMessage()
                        + " (the Zn client id and secret here and at the BSF, and its NAF FQDNs)";
                case UNAVAILABLE -> "unreachable: " + e.getMessage();
                case PROTOCOL -> "not a Zn answer: " + e.getMessage() + " (is the Zn endpoint right?)";
            };
        }
    }

    @Override
    public String getHelpText() {
        return "Each entry tests the Zn connection of this realm's NAFs (GBA (SIM) login settings) when saved, as a "
                + "login would use it, and shows the outcome.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = ProviderConfigurationBuilder.create()
                .property().name(NAME).label("Name").type(ProviderConfigProperty.STRING_TYPE).required(true)
                .defaultValue("Zn test").helpText("The entry's name in this list").add()
                .property().name(NAF).label("NAF settings").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The alias of the GBA (SIM) login settings to test; empty: every NAF of this realm").add()
                .build();
        // Written by the test at each save (Keycloak 26.7 does not hand a read-only flag to the admin console).
        ProviderConfigProperty result = new ProviderConfigProperty(RESULT, "Result", "When the test ran and what "
                + "each NAF found; written by the test: save again to test again", ProviderConfigProperty.TEXT_TYPE,
                null);
        return List.of(properties.get(0), properties.get(1), result);
    }

    /** The list shows each entry's name and the NAF it tests. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(NAME, NAF));
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
