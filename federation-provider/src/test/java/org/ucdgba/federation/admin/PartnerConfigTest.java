package org.ucdgba.federation.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.metadata.ProviderMetadata;

class PartnerConfigTest {

    static String pem() throws IOException {
        try (var in = PartnerConfigTest.class.getResourceAsStream("/keys/slave.cert.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> slaveByHand() throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put(PartnerConfig.PROVIDER_ID, "https://slave.example/realms/s/ucd-federation");
        s.put(PartnerConfig.REGISTER_NAME_IDENTIFIER_URL, "https://slave.example/realms/s/ucd-federation/idff/rni-return");
        s.put(PartnerConfig.SOAP_ENDPOINT, "https://slave.example/realms/s/ucd-federation/idff/soap");
        s.put(PartnerConfig.SIGNING_CERTIFICATE, pem());
        return s;
    }

    @Test
    void aSlaveByHandIsAnSpDescriptorTakingWhatAMasterSendsBySoap() throws Exception {
        PartnerConfig.Described d = PartnerConfig.metadata(ProviderMetadata.Role.SP, slaveByHand()::get);
        // What the document says once read back, as a master reads any slave's metadata.
        ProviderMetadata m = MetadataXml.read(d.document().getBytes(StandardCharsets.UTF_8));
        assertEquals(ProviderMetadata.Role.SP, m.role());
        assertEquals("https://slave.example/realms/s/ucd-federation", m.providerId());
        assertEquals("https://slave.example/realms/s/ucd-federation/idff/rni-return", m.registerNameIdentifierReturnUrl());
        assertEquals("https://slave.example/realms/s/ucd-federation/idff/soap", m.soapEndpoint());
        assertEquals(List.of(Profile.FEDTERM_IDP_SOAP.uri()), m.federationTerminationProfiles());
        assertEquals(List.of(Profile.RNI_IDP_SOAP.uri()), m.registerNameIdentifierProfiles());
        assertEquals("CN=slave.ucd.example", m.signingCertificate().getSubjectX500Principal().getName());
    }

    @Test
    void aMasterByHandTakesRegistrationsByRedirectAndTerminationsBySoap() throws Exception {
        Map<String, String> s = slaveByHand();
        s.put(PartnerConfig.REGISTER_NAME_IDENTIFIER_URL, "https://master.example/rni");
        ProviderMetadata m = PartnerConfig.metadata(ProviderMetadata.Role.IDP, s::get).metadata();
        assertEquals(ProviderMetadata.Role.IDP, m.role());
        assertEquals(List.of(Profile.RNI_SP_HTTP.uri(), Profile.RNI_SP_SOAP.uri()), m.registerNameIdentifierProfiles());
        assertEquals(List.of(Profile.FEDTERM_SP_SOAP.uri()), m.federationTerminationProfiles());
        assertEquals("https://master.example/rni", m.registerNameIdentifierUrl());
    }

    @Test
    void aBareBase64CertificateIsAccepted() throws Exception {
        Map<String, String> s = slaveByHand();
        s.put(PartnerConfig.SIGNING_CERTIFICATE, pem().replaceAll("-----[A-Z ]+-----", "").strip());
        assertEquals(PartnerConfig.metadata(ProviderMetadata.Role.SP, slaveByHand()::get).metadata()
                .signingCertificate(), PartnerConfig.metadata(ProviderMetadata.Role.SP, s::get).metadata()
                .signingCertificate());
    }

    @Test
    void aMetadataDocumentWinsOverSettingsAndMustDescribeTheRole() throws Exception {
        String slaveXml = MetadataXml.write(PartnerConfig.metadata(ProviderMetadata.Role.SP, slaveByHand()::get)
                .metadata());
        Map<String, String> s = Map.of(PartnerConfig.METADATA, slaveXml);
        assertEquals(slaveXml, PartnerConfig.metadata(ProviderMetadata.Role.SP, s::get).document());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnerConfig.metadata(ProviderMetadata.Role.IDP, s::get));
        assertTrue(e.getMessage().contains("a slave"), e.getMessage());
    }

    @Test
    void eachUnusableSettingIsNamed() throws Exception {
        Map<String, String> missing = slaveByHand();
        missing.remove(PartnerConfig.PROVIDER_ID);
        assertRefused(missing, PartnerConfig.PROVIDER_ID);
        Map<String, String> badUrl = slaveByHand();
        badUrl.put(PartnerConfig.SOAP_ENDPOINT, "ftp://slave.example/soap");
        assertRefused(badUrl, PartnerConfig.SOAP_ENDPOINT);
        Map<String, String> badCert = slaveByHand();
        badCert.put(PartnerConfig.SIGNING_CERTIFICATE, "MIIBnotacertificate");
        assertRefused(badCert, PartnerConfig.SIGNING_CERTIFICATE);
        Map<String, String> badXml = Map.of(PartnerConfig.METADATA, "<x/>");
        assertRefused(badXml, "metadata");
    }

    @Test
    void onlyTheTwoSignaturePoliciesAreNamed() {
        assertEquals("rsa-sha256", PartnerConfig.sigAlg(Map.<String, String>of()::get));
        assertEquals("rsa-sha1", PartnerConfig.sigAlg(Map.of(PartnerConfig.SIG_ALG, "rsa-sha1")::get));
        assertThrows(IllegalArgumentException.class,
                () -> PartnerConfig.sigAlg(Map.of(PartnerConfig.SIG_ALG, "md5")::get));
    }

    @Test
    void refusalsNameTheSettingAsThePageAndTheApiCallIt() {
        assertRefused(Map.of(PartnerConfig.PROVIDER_ID, "https://slave.example/", PartnerConfig.SIGNING_CERTIFICATE,
                "MIIBnotacertificate"), "Signing certificate (signingCertificate): not an X.509 certificate");
        assertEquals("SOAP endpoint (soapEndpoint)", PartnerConfig.named(PartnerConfig.SOAP_ENDPOINT));
    }

    static void assertRefused(Map<String, String> settings, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnerConfig.metadata(ProviderMetadata.Role.SP, settings::get));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
