package org.ucdgba.federation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * The ID-FF metadata of the two UCD roles, the same for this bundle's own realms and for partners registered by
 * hand. A Master is an IDPDescriptor taking RegisterNameIdentifier by HTTP-Redirect (rni-sp-http: new
 * federations) and by SOAP (rni-sp-soap: a slave account's new name), and terminations from slaves; a Slave is an
 * SPDescriptor taking terminations from masters by SOAP (fedterm-idp-soap). Each protocol profile is listed only
 * when the URL it needs is known.
 */
final class UcdDescriptors {

    private UcdDescriptors() {
    }

    /** A Master UCD server: RegisterNameIdentifierServiceURL, SoapEndpoint and FederationTerminationServiceURL. */
    static ProviderMetadata master(String providerId, X509Certificate certificate, String soapEndpoint,
                                   String registerNameIdentifierUrl, String federationTerminationUrl) {
        List<String> termination = new ArrayList<>();
        if (federationTerminationUrl != null) {
            termination.add(Profile.FEDTERM_SP_HTTP.uri());
        }
        if (soapEndpoint != null) {
            termination.add(Profile.FEDTERM_SP_SOAP.uri());
        }
        List<String> registration = new ArrayList<>();
        if (registerNameIdentifierUrl != null) {
            registration.add(Profile.RNI_SP_HTTP.uri());
        }
        if (soapEndpoint != null) {
            registration.add(Profile.RNI_SP_SOAP.uri());
        }
        return new ProviderMetadata(providerId, ProviderMetadata.Role.IDP, certificate, soapEndpoint,
                federationTerminationUrl, null, termination, registration, registerNameIdentifierUrl, null, null, null);
    }

    /** A Slave UCD server: SoapEndpoint and the RegisterNameIdentifierServiceReturnURL the master answers at. */
    static ProviderMetadata slave(String providerId, X509Certificate certificate, String soapEndpoint,
                                  String registerNameIdentifierReturnUrl, String federationTerminationReturnUrl) {
        return new ProviderMetadata(providerId, ProviderMetadata.Role.SP, certificate, soapEndpoint, null,
                federationTerminationReturnUrl, soapEndpoint == null ? List.of()
                : List.of(Profile.FEDTERM_IDP_SOAP.uri()), List.of(), null, registerNameIdentifierReturnUrl, null,
                null);
    }
}
