package org.ucdgba.federation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * The ID-FF metadata of the two UCD roles, the same for this bundle's own realms and for partners registered by
 * hand. Each lists the protocol profiles it takes from its partner, each only when the URL it needs is known: a
 * Master (IDPDescriptor) takes what a slave starts (rni-sp-http: new federations; rni-sp-soap: a slave account's
 * new name; fedterm-sp-http and -soap), a Slave (SPDescriptor) what a master starts (rni-idp-http and -soap: a
 * master account's new name; fedterm-idp-http and -soap).
 */
public final class UcdDescriptors {

    private UcdDescriptors() {
    }

    /** A Master UCD server. */
    public static ProviderMetadata master(String providerId, X509Certificate certificate, Endpoints e) {
        return describe(providerId, ProviderMetadata.Role.IDP, certificate, e, Profile.FEDTERM_SP_HTTP,
                Profile.FEDTERM_SP_SOAP, Profile.RNI_SP_HTTP, Profile.RNI_SP_SOAP);
    }

    /** A Slave UCD server. */
    public static ProviderMetadata slave(String providerId, X509Certificate certificate, Endpoints e) {
        return describe(providerId, ProviderMetadata.Role.SP, certificate, e, Profile.FEDTERM_IDP_HTTP,
                Profile.FEDTERM_IDP_SOAP, Profile.RNI_IDP_HTTP, Profile.RNI_IDP_SOAP);
    }

    private static ProviderMetadata describe(String providerId, ProviderMetadata.Role role,
                                             X509Certificate certificate, Endpoints e, Profile fedtermHttp,
                                             Profile fedtermSoap, Profile rniHttp, Profile rniSoap) {
        List<String> termination = new ArrayList<>();
        if (e.fedterm() != null) {
            termination.add(fedtermHttp.uri());
        }
        if (e.soap() != null) {
            termination.add(fedtermSoap.uri());
        }
        List<String> registration = new ArrayList<>();
        if (e.rni() != null) {
            registration.add(rniHttp.uri());
        }
        if (e.soap() != null) {
            registration.add(rniSoap.uri());
        }
        return new ProviderMetadata(providerId, role, certificate, e.soap(), e.fedterm(), e.fedtermReturn(),
                termination, registration, e.rni(), e.rniReturn(), null, null);
    }

    /**
     * The URLs of a UCD server's ID-FF endpoints, null where it has none: SoapEndpoint,
     * FederationTerminationServiceURL and ...ReturnURL, RegisterNameIdentifierServiceURL and ...ReturnURL.
     */
    public record Endpoints(String soap, String fedterm, String fedtermReturn, String rni, String rniReturn) {

        /** The endpoints of this bundle's own realms, under one base URL. */
        public static Endpoints under(String base) {
            return new Endpoints(base + "/soap", base + "/fedterm", base + "/fedterm-return", base + "/rni",
                    base + "/rni-return");
        }
    }
}
