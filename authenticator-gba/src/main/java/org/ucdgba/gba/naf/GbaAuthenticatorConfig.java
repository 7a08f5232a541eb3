package org.ucdgba.gba.naf;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * The NAF authenticator's settings, a typed view over its admin-console configuration, every key in one place.
 */
final class GbaAuthenticatorConfig {

    static final String ZN_URL = "gba.zn.url";
    static final String ZN_CLIENT_ID = "gba.zn.clientId";
    static final String ZN_CLIENT_SECRET = "gba.zn.clientSecret";
    static final String ZN_TIMEOUT_MS = "gba.zn.timeoutMs";
    static final String NAF_FQDN = "gba.naf.fqdn";
    static final String UA_PROTOCOL_ID = "gba.ua.protocolId";
    static final String USER_MAPPING = "gba.user.mapping";
    static final String IMPI_ATTRIBUTE = "gba.user.impiAttribute";
    static final String IMPU_ATTRIBUTE = "gba.user.impuAttribute";
    static final String CREATE_USERS = "gba.user.create";
    static final String CACHE_KEYS = "gba.cache.keys";
    static final String ACR = "gba.acr";

    static final String MAPPING_IMPI = "impi";
    static final String MAPPING_IMPU = "impu";
    /**
     * Default authentication context: the TS 29.109 Annex E context namespace with the GBA_ME mechanism
     * (GBAMobileMobile: key derived and used in the mobile). See docs/decisions/0004-acr-values.md.
     */
    static final String DEFAULT_ACR = "urn:3gpp:gba:ac:2006-10:GBAMobileMobile";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            // A text field: the admin console shows Keycloak's "Url" type as a link, which cannot be edited.
            .property().name(ZN_URL).label("Zn endpoint (BSF)").type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .helpText("URL of the BSF's Zn Web Services endpoint, e.g. https://bsf.example/realms/operator/gba-bsf/zn")
            .add()
            .property().name(ZN_CLIENT_ID).label("Zn client id").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("This NAF's identity at the BSF (a confidential client there)").add()
            .property().name(ZN_CLIENT_SECRET).label("Zn client secret").type(ProviderConfigProperty.PASSWORD)
            .secret(true).helpText("This NAF's secret at the BSF").add()
            .property().name(ZN_TIMEOUT_MS).label("Zn timeout (ms)").type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("3000").helpText("Upper bound on one Zn request; the login fails cleanly beyond it").add()
            .property().name(NAF_FQDN).label("NAF FQDN").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Host name devices use to reach this server; part of NAF_Id and of the Digest realm "
                    + "3GPP-bootstrapping@<FQDN>. Empty: the request's host name.").add()
            .property().name(UA_PROTOCOL_ID).label("Ua security protocol id").type(ProviderConfigProperty.LIST_TYPE)
            .options(UaSecurityProtocolId.HTTP_DIGEST.toString())
            .defaultValue(UaSecurityProtocolId.HTTP_DIGEST.toString())
            .helpText("TS 33.220 Annex H: 0100000002 is HTTP Digest per TS 24.109, the Ua this authenticator speaks")
            .add()
            .property().name(USER_MAPPING).label("Map subscriber by").type(ProviderConfigProperty.LIST_TYPE)
            .options(MAPPING_IMPI, MAPPING_IMPU).defaultValue(MAPPING_IMPI)
            .helpText("Find the realm user by the IMPI or by one of the IMPUs the BSF returns").add()
            .property().name(IMPI_ATTRIBUTE).label("IMPI user attribute").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("gba.impi").add()
            .property().name(IMPU_ATTRIBUTE).label("IMPU user attribute").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("gba.impu").helpText("Kept in step with the BSF's answer at every login").add()
            .property().name(CREATE_USERS).label("Create users on first login").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false").helpText("Off: only subscribers already linked to a realm user can log in").add()
            .property().name(CACHE_KEYS).label("Cache Ks_NAF").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true").helpText("Keep Ks_NAF per B-TID in the cluster cache until its expiry, so a "
                    + "second login does no Zn request").add()
            .property().name(ACR).label("acr / AuthnContextClassRef").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(DEFAULT_ACR).helpText("Authentication context given to relying parties after a GBA login")
            .add()
            .build();

    private final Map<String, String> values;
    private final String requestHost;

    GbaAuthenticatorConfig(AuthenticatorConfigModel model, String requestHost) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        this.requestHost = requestHost;
    }

    /**
     * The first setting that keeps this NAF from working, named by its label in the admin console, or empty. Keycloak
     * 26 has no hook to refuse an authenticator's settings on save, so each login checks them, and a NAF that
     * cannot work says why in an event instead of skipping GBA silently. Secrets are never quoted.
     */
    Optional<String> problem() {
        String url = get(ZN_URL, "");
        if (url.isBlank()) {
            return Optional.of("Zn endpoint (BSF) is not set");
        }
        try {
            URI zn = new URI(url);
            if (!("https".equals(zn.getScheme()) || "http".equals(zn.getScheme())) || zn.getHost() == null) {
                return Optional.of("Zn endpoint (BSF) is not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            return Optional.of("Zn endpoint (BSF) is not an http(s) URL");
        }
        if (get(ZN_CLIENT_ID, "").isBlank()) {
            return Optional.of("Zn client id is not set");
        }
        String timeout = get(ZN_TIMEOUT_MS, "3000");
        if (!timeout.matches("[0-9]{3,6}") || Long.parseLong(timeout) < 100 || Long.parseLong(timeout) > 60_000) {
            return Optional.of("Zn timeout (ms) must be a number of milliseconds from 100 to 60000");
        }
        if (!UaSecurityProtocolId.HTTP_DIGEST.toString().equals(get(UA_PROTOCOL_ID,
                UaSecurityProtocolId.HTTP_DIGEST.toString()))) {
            return Optional.of("Ua security protocol id must be " + UaSecurityProtocolId.HTTP_DIGEST
                    + " (HTTP Digest, TS 24.109)");
        }
        String fqdn = get(NAF_FQDN, "");
        if (!fqdn.isEmpty() && !fqdn.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                + "[A-Za-z0-9])?)*")) {
            return Optional.of("NAF FQDN is not a host name");
        }
        if (!List.of(MAPPING_IMPI, MAPPING_IMPU).contains(get(USER_MAPPING, MAPPING_IMPI))) {
            return Optional.of("Map subscriber by must be impi or impu");
        }
        for (String flag : List.of(CREATE_USERS, CACHE_KEYS)) {
            if (!List.of("true", "false").contains(get(flag, "false"))) {
                return Optional.of(flag + " must be true or false");
            }
        }
        try {
            nafId();
        } catch (IllegalArgumentException e) {
            return Optional.of("NAF FQDN or Ua security protocol id is not usable: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The Zn endpoint as configured, for messages. */
    String znUrlText() {
        return get(ZN_URL, "");
    }

    URI znUrl() {
        return URI.create(get(ZN_URL, ""));
    }

    String znClientId() {
        return get(ZN_CLIENT_ID, "");
    }

    String znClientSecret() {
        return get(ZN_CLIENT_SECRET, "");
    }

    /** The Zn timeout; only read once {@link #problem()} found none. */
    Duration znTimeout() {
        return Duration.ofMillis(Long.parseLong(get(ZN_TIMEOUT_MS, "3000")));
    }

    /** NAF_Id; only read once {@link #problem()} found none. */
    NafId nafId() {
        String fqdn = get(NAF_FQDN, "");
        return new NafId(fqdn.isBlank() ? requestHost : fqdn, UaSecurityProtocolId.of(get(UA_PROTOCOL_ID,
                UaSecurityProtocolId.HTTP_DIGEST.toString())));
    }

    boolean mapByImpu() {
        return MAPPING_IMPU.equals(get(USER_MAPPING, MAPPING_IMPI));
    }

    String impiAttribute() {
        return get(IMPI_ATTRIBUTE, "gba.impi");
    }

    String impuAttribute() {
        return get(IMPU_ATTRIBUTE, "gba.impu");
    }

    boolean createUsers() {
        return Boolean.parseBoolean(get(CREATE_USERS, "false"));
    }

    boolean cacheKeys() {
        return Boolean.parseBoolean(get(CACHE_KEYS, "true"));
    }

    String acr() {
        return get(ACR, DEFAULT_ACR);
    }

    private String get(String key, String defaultValue) {
        String v = values.get(key);
        return v == null || v.isBlank() ? defaultValue : v.strip();
    }
}
