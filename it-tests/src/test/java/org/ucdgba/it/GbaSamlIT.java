package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.UaClient;
import org.w3c.dom.Element;

/**
 * Use case 2 for a SAML service provider (OpenSAML as the SP): SP-initiated login by HTTP-Redirect, the device logs
 * in with GBA, and the SP validates the assertion's signature against the realm's key and finds the GBA
 * AuthnContextClassRef.
 */
class GbaSamlIT {

    static final String SP = "https://sp.example/saml";
    static final String ACS = "https://sp.example/saml/acs";
    static KeycloakServer keycloak;
    static BasicParserPool parsers;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
        InitializationService.initialize();
        parsers = new BasicParserPool();
        parsers.initialize();
    }

    @Test
    void subscriberLogsInToASamlSiteAndTheAssertionSaysGba() throws Exception {
        String requestId = "_" + UUID.randomUUID();
        URI start = URI.create(keycloak.realmUrl("operator") + "/protocol/saml?SAMLRequest="
                + URLEncoder.encode(deflate(authnRequest(requestId)), StandardCharsets.UTF_8) + "&RelayState=r1");
        UaClient.Result result = TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K)
                .login(start, u -> u.toString().startsWith(ACS));
        assertTrue(result.nafAuthenticated());

        Map<String, String> query = query(result.finalRedirect());
        assertEquals("r1", query.get("RelayState"));
        String xml = inflate(query.get("SAMLResponse"));
        Response response = unmarshal(xml);
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertEquals(requestId, response.getInResponseTo());
        Assertion assertion = response.getAssertions().get(0);

        // The SP trusts only the realm's signing certificate, obtained out of band (here: the admin API).
        assertNotNull(assertion.getSignature(), "the assertion is signed");
        new SAMLSignatureProfileValidator().validate(assertion.getSignature());
        SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(realmCertificate()));
        assertEquals("alice", assertion.getSubject().getNameID().getValue());
        assertEquals("urn:3gpp:gba:ac:2006-10:GBAMobileMobile",
                assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().getURI());

        // A changed assertion no longer verifies: the class reference is covered by the signature.
        String downgraded = xml.replace("urn:3gpp:gba:ac:2006-10:GBAMobileMobile",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Password");
        assertTrue(!downgraded.equals(xml));
        Response changed = unmarshal(downgraded);
        assertThrows(SignatureException.class, () -> SignatureValidator.validate(
                changed.getAssertions().get(0).getSignature(), new BasicX509Credential(realmCertificate())));
    }

    private static String authnRequest(String id) throws Exception {
        AuthnRequest request = (AuthnRequest) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(AuthnRequest.DEFAULT_ELEMENT_NAME).buildObject(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(Instant.now());
        request.setDestination(keycloak.realmUrl("operator") + "/protocol/saml");
        request.setAssertionConsumerServiceURL(ACS);
        request.setProtocolBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        Issuer issuer = (Issuer) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(Issuer.DEFAULT_ELEMENT_NAME).buildObject(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(SP);
        request.setIssuer(issuer);
        return serialize(XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(request)
                .marshall(request));
    }

    private static String serialize(Element dom) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dom), new StreamResult(out));
        return out.toString();
    }

    private static Response unmarshal(String xml) throws Exception {
        Element dom = parsers.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return (Response) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(dom)
                .unmarshall(dom);
    }

    private static X509Certificate realmCertificate() throws Exception {
        for (var key : keycloak.admin("operator/keys").get("keys")) {
            if ("RS256".equals(key.path("algorithm").asText()) && key.hasNonNull("certificate")) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(key.get("certificate").asText())));
            }
        }
        throw new IllegalStateException("no RS256 certificate in realm operator");
    }

    /** HTTP-Redirect binding encoding (SAML 2.0 Bindings clause 3.4.4.1): DEFLATE, then base64. */
    private static String deflate(String xml) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String inflate(String value) throws Exception {
        byte[] raw = Base64.getDecoder().decode(value);
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(raw),
                new java.util.zip.Inflater(true))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
