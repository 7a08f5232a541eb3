package org.ucdgba.federation.slave;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.ucdgba.federation.admin.PartnerConfig;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.Partners;

/** The masters of a slave realm: its enabled identity providers of type {@value MasterIdentityProvider#ID}. */
public final class IdpPartners implements Partners {

    private static final Logger LOG = Logger.getLogger(IdpPartners.class);
    private final KeycloakSession session;

    /** The masters of the session's realm. */
    public IdpPartners(KeycloakSession session) {
        this.session = session;
    }

    /** The identity providers that are masters. */
    public Stream<IdentityProviderModel> masters() {
        return session.identityProviders().getAllStream()
                .filter(m -> MasterIdentityProvider.ID.equals(m.getProviderId()) && m.isEnabled());
    }

    /** A master as people know it: its display name, else its alias. */
    public String displayName(String alias) {
        IdentityProviderModel model = alias == null ? null : session.identityProviders().getByAlias(alias);
        return model == null || model.getDisplayName() == null || model.getDisplayName().isBlank() ? alias
                : model.getDisplayName();
    }

    /** A master by its alias in this realm, with its partner configuration. */
    public Optional<Master> byAlias(String alias) {
        return masters().filter(m -> m.getAlias().equals(alias)).findFirst().flatMap(this::master);
    }

    @Override
    public Optional<Partner> byProviderId(String providerId) {
        return masterByProviderId(providerId).map(Master::partner);
    }

    /** The master of a ProviderID, with its alias. */
    public Optional<Master> masterByProviderId(String providerId) {
        return masters().map(this::master).flatMap(Optional::stream)
                .filter(m -> m.partner().providerId().equals(providerId)).findFirst();
    }

    private Optional<Master> master(IdentityProviderModel model) {
        Map<String, String> config = model.getConfig() == null ? Map.of() : model.getConfig();
        try {
            return Optional.of(new Master(model, new Partner(MasterIdentityProvider.metadata(config).metadata(),
                    PartnerConfig.policy(config.get(MasterIdentityProvider.configKey(PartnerConfig.SIG_ALG))))));
        } catch (IllegalArgumentException e) {
            LOG.warnf("master %s is not usable: %s", model.getAlias(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A master: its identity provider model and its partner configuration. */
    public record Master(IdentityProviderModel model, Partner partner) {
    }
}
