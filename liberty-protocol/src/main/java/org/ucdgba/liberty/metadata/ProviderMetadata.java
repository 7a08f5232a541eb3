package org.ucdgba.liberty.metadata;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a partner publishes in its Liberty ID-FF 1.2 metadata (Metadata Description and Discovery specification,
 * namespace {@code urn:liberty:metadata:2003-08}) and this library uses: its ProviderID and role, its signing
 * certificate, its SOAP endpoint, and the URLs and protocol profiles of name registration and federation
 * termination. URLs are only ever taken from here, never from a message.
 *
 * @param providerId                 EntityDescriptor/@providerID
 * @param role                       SPDescriptor or IDPDescriptor
 * @param signingCertificate         KeyDescriptor use="signing" (or without use)
 * @param soapEndpoint               SoapEndpoint, or null
 * @param federationTerminationUrl   FederationTerminationServiceURL, or null
 * @param federationTerminationReturnUrl FederationTerminationServiceReturnURL, or null
 * @param federationTerminationProfiles  FederationTerminationNotificationProtocolProfile values
 * @param registerNameIdentifierProfiles RegisterNameIdentifierProtocolProfile values
 * @param registerNameIdentifierUrl      RegisterNameIdentifierServiceURL, or null
 * @param registerNameIdentifierReturnUrl RegisterNameIdentifierServiceReturnURL, or null
 * @param assertionConsumerServiceUrl    AssertionConsumerServiceURL of an SP, or null
 * @param singleSignOnServiceUrl         SingleSignOnServiceURL of an IdP, or null
 */
public record ProviderMetadata(String providerId, Role role, X509Certificate signingCertificate, String soapEndpoint,
                               String federationTerminationUrl, String federationTerminationReturnUrl,
                               List<String> federationTerminationProfiles,
                               List<String> registerNameIdentifierProfiles, String registerNameIdentifierUrl,
                               String registerNameIdentifierReturnUrl, String assertionConsumerServiceUrl,
                               String singleSignOnServiceUrl) {

    /** The descriptor a provider publishes. */
    public enum Role {
        /** SPDescriptor: in the UCD seed, the Slave. */
        SP,
        /** IDPDescriptor: in the UCD seed, the Master. */
        IDP
    }

    public ProviderMetadata {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        federationTerminationProfiles = List.copyOf(federationTerminationProfiles);
        registerNameIdentifierProfiles = List.copyOf(registerNameIdentifierProfiles);
    }

    /** Whether the partner lists this protocol profile for name registration or federation termination. */
    public boolean supports(Profile profile) {
        return registerNameIdentifierProfiles.contains(profile.uri())
                || federationTerminationProfiles.contains(profile.uri());
    }
}
