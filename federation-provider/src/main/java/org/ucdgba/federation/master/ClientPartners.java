package org.ucdgba.federation.master;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.ucdgba.federation.admin.PartnerConfig;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.Partners;

/**
 * The slaves of a master realm: clients of protocol {@value MasterProtocol#ID} whose client id is the slave's
 * ProviderID, with the slave's ID-FF metadata in attribute {@value #METADATA} and, for a legacy slave,
 * {@value #SIG_ALG} = {@code rsa-sha1}.
 */
public final class ClientPartners implements Partners {

    /** Client attribute: the slave's metadata document. */
    public static final String METADATA = "liberty.metadata";
    /** Client attribute: "rsa-sha1" for a partner that asked for RSA-SHA1. */
    public static final String SIG_ALG = "liberty.sigalg";

    private static final Logger LOG = Logger.getLogger(ClientPartners.class);
    private final RealmModel realm;

    /** The slaves of a realm. */
    public ClientPartners(RealmModel realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Partner> byProviderId(String providerId) {
        ClientModel client = realm.getClientByClientId(providerId);
        if (client == null || !client.isEnabled() || !MasterProtocol.ID.equals(client.getProtocol())
                || client.getAttribute(METADATA) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Partner(MetadataXml.read(client.getAttribute(METADATA)
                    .getBytes(StandardCharsets.UTF_8)), PartnerConfig.policy(client.getAttribute(SIG_ALG))));
        } catch (LibertyException e) {
            LOG.warnf("client %s of realm %s has unusable Liberty metadata: %s", providerId, realm.getName(),
                    e.getMessage());
            return Optional.empty();
        }
    }

}
