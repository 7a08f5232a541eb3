package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.binding.RedirectBinding;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.Self;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every refusal the issue lists, each with the reason it must give. */
class RejectionsTest {

    private final NameRegistration atMaster = new NameRegistration(Fixtures.master(SignaturePolicy.modern()));

    private static void refused(Reason reason, Executable action) {
        LibertyException e = assertThrows(LibertyException.class, action);
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private static String query() throws Exception {
        return RedirectBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS, SignatureAlgorithm.RSA_SHA256);
    }

    private static String soap() throws Exception {
        return SoapBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS, SignatureAlgorithm.RSA_SHA256);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "changed {0} in the query")
    @ValueSource(strings = {"RequestID", "IssueInstant", "IDPNameQualifier", "IDPProvidedNameIdentifier",
        "SPNameQualifier", "SPNameFormat", "SPProvidedNameIdentifier", "OldNameQualifier",
        "OldProvidedNameIdentifier", "RelayState", "SigAlg"})
    void aChangedByteInAnySignedQueryFieldIsRefused(String field) throws Exception {
        String q = query();
        int at = q.indexOf(field + "=") + field.length() + 1;
        char c = q.charAt(at);
        String changed = q.substring(0, at) + (c == 'a' ? 'b' : 'a') + q.substring(at + 1);
        LibertyException e = assertThrows(LibertyException.class, () -> atMaster.processRequestRedirect(changed));
        // A changed SigAlg names no accepted algorithm; any other change breaks the signature.
        assertEquals(field.equals("SigAlg") ? Reason.ALGORITHM_NOT_ALLOWED : Reason.SIGNATURE_INVALID, e.reason());
    }

    @ParameterizedTest(name = "changed {0} in the SOAP message")
    @ValueSource(strings = {"NameQualifier=\"https://master", ">alic", "RelayState>ucd", "IssueInstant=\"2026",
        "5f3a9c1e", "Format=\"urn", "RequestID=\"_1d0b"})
    void aChangedByteInAnySignedXmlFieldIsRefused(String marker) throws Exception {
        String s = soap();
        int at = s.indexOf(marker) + marker.length() - 1;
        String changed = s.substring(0, at) + (s.charAt(at) == 'x' ? 'y' : 'x') + s.substring(at + 1);
        LibertyException e = assertThrows(LibertyException.class, () -> atMaster.processRequestSoap(bytes(changed)));
        // A changed RequestID no longer matches the Reference; any other change breaks the digest.
        assertEquals(marker.startsWith("RequestID") ? Reason.SIGNATURE_MISPLACED : Reason.SIGNATURE_INVALID,
                e.reason(), e.getMessage());
    }

    @Test
    void aChangedProviderIdNamesNoPartner() throws Exception {
        String changed = soap().replace("ProviderID>https://slave", "ProviderID>https://slavx");
        refused(Reason.UNKNOWN_PROVIDER, () -> atMaster.processRequestSoap(bytes(changed)));
        String changedQuery = query().replace("ProviderID=https%3A%2F%2Fslave", "ProviderID=https%3A%2F%2Fslavx");
        refused(Reason.UNKNOWN_PROVIDER, () -> atMaster.processRequestRedirect(changedQuery));
    }

    @Test
    void aWrongKeyIsRefusedAndACarriedCertificateIsNeverTrusted() throws Exception {
        // The attacker signs as the Slave; its own certificate travels in KeyInfo.
        String forged = SoapBinding.encode(Fixtures.request(), Fixtures.ATTACKER_KEYS, SignatureAlgorithm.RSA_SHA256);
        refused(Reason.SIGNATURE_INVALID, () -> atMaster.processRequestSoap(bytes(forged)));
        String forgedQuery = RedirectBinding.encode(Fixtures.request(), Fixtures.ATTACKER_KEYS,
                SignatureAlgorithm.RSA_SHA256);
        refused(Reason.SIGNATURE_INVALID, () -> atMaster.processRequestRedirect(forgedQuery));
    }

    @Test
    void aMissingSignatureIsRefused() throws Exception {
        String unsignedQuery = query().substring(0, query().indexOf("&Signature="));
        refused(Reason.SIGNATURE_MISSING, () -> atMaster.processRequestRedirect(unsignedQuery));
        String unsignedQueryNoAlg = unsignedQuery.substring(0, unsignedQuery.indexOf("&SigAlg="));
        refused(Reason.SIGNATURE_MISSING, () -> atMaster.processRequestRedirect(unsignedQueryNoAlg));
        Document doc = MessageXml.write(Fixtures.request());
        String unsignedSoap = "<soap-env:Envelope xmlns:soap-env=\"" + Liberty.SOAP_ENV + "\"><soap-env:Body>"
                + HardenedXml.serialize(doc.getDocumentElement(), true) + "</soap-env:Body></soap-env:Envelope>";
        refused(Reason.SIGNATURE_MISSING, () -> atMaster.processRequestSoap(bytes(unsignedSoap)));
    }

    @Test
    void sha1IsRefusedUnlessThePartnerAskedForIt() throws Exception {
        String sha1Query = RedirectBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS, SignatureAlgorithm.RSA_SHA1);
        refused(Reason.ALGORITHM_NOT_ALLOWED, () -> atMaster.processRequestRedirect(sha1Query));
        String sha1Soap = SoapBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS, SignatureAlgorithm.RSA_SHA1);
        refused(Reason.ALGORITHM_NOT_ALLOWED, () -> atMaster.processRequestSoap(bytes(sha1Soap)));
    }

    @Test
    void twoSignaturesAreRefused() throws Exception {
        Document doc = LibertyXml.parse(bytes(soap()));
        Element message = (Element) doc.getElementsByTagNameNS(Liberty.LIB, "RegisterNameIdentifierRequest").item(0);
        Element signature = (Element) doc.getElementsByTagNameNS(Liberty.DS, "Signature").item(0);
        message.insertBefore(signature.cloneNode(true), signature);
        refused(Reason.SIGNATURE_MISPLACED, () -> atMaster.processRequestSoap(bytes(HardenedXml.serialize(doc,
                false))));
    }

    @Test
    void aWrappedSignedElementIsRefused() throws Exception {
        // Variant 1: the genuine signed request hides in an Extension of a forged request without a signature
        // of its own.
        Document genuine = LibertyXml.parse(bytes(soap()));
        Element signed = (Element) genuine.getElementsByTagNameNS(Liberty.LIB, "RegisterNameIdentifierRequest")
                .item(0);
        RegisterNameIdentifierRequest evil = new RegisterNameIdentifierRequest(Fixtures.request().requestId(),
                Fixtures.NOW, Fixtures.SLAVE, new NameIdentifier("mallory", Fixtures.MASTER, null), null,
                new NameIdentifier("alice", Fixtures.MASTER, null), null);
        Document forged = MessageXml.write(evil);
        Element extension = forged.createElementNS(Liberty.LIB, "lib:Extension");
        extension.appendChild(forged.importNode(signed, true));
        Element root = forged.getDocumentElement();
        root.insertBefore(extension, root.getFirstChild());
        refused(Reason.SIGNATURE_MISPLACED, () -> atMaster.processRequestSoap(bytes(envelope(forged))));

        // Variant 2: the forged request carries the genuine signature, which references the same RequestID.
        Document forged2 = MessageXml.write(evil);
        Element root2 = forged2.getDocumentElement();
        Element sig = (Element) signed.getElementsByTagNameNS(Liberty.DS, "Signature").item(0);
        root2.insertBefore(forged2.importNode(sig, true), root2.getFirstChild());
        refused(Reason.SIGNATURE_INVALID, () -> atMaster.processRequestSoap(bytes(envelope(forged2))));
    }

    private static String envelope(Document message) {
        return "<soap-env:Envelope xmlns:soap-env=\"" + Liberty.SOAP_ENV + "\"><soap-env:Body>"
                + HardenedXml.serialize(message.getDocumentElement(), true) + "</soap-env:Body></soap-env:Envelope>";
    }

    @Test
    void dtdsEntitiesAndOversizedOrDeepDocumentsAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap-env:Envelope xmlns:soap-env=\"" + Liberty.SOAP_ENV + "\"><soap-env:Body>&x;</soap-env:Body>"
                + "</soap-env:Envelope>";
        refused(Reason.HOSTILE_XML, () -> atMaster.processRequestSoap(bytes(xxe)));
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
                + "<l>&b;</l>";
        refused(Reason.HOSTILE_XML, () -> atMaster.processRequestSoap(bytes(billionLaughs)));
        String huge = soap().replace("ucd-federation-7", "x".repeat(LibertyXml.LIMITS.maxBytes()));
        refused(Reason.HOSTILE_XML, () -> atMaster.processRequestSoap(bytes(huge)));
        String deep = "<a>".repeat(LibertyXml.LIMITS.maxDepth() + 1) + "</a>".repeat(LibertyXml.LIMITS.maxDepth() + 1);
        refused(Reason.HOSTILE_XML, () -> atMaster.processRequestSoap(bytes(deep)));
        refused(Reason.HOSTILE_XML, () -> atMaster.processRequestRedirect("RequestID=" + "x".repeat(20000)));
    }

    @Test
    void aStaleIssueInstantIsRefused() throws Exception {
        NameRegistration later = new NameRegistration(new Exchange(new Self(Fixtures.MASTER, Fixtures.MASTER_KEYS),
                Fixtures.partners(new Partner(Fixtures.slaveMetadata(), SignaturePolicy.modern())),
                Fixtures.memoryReplayGuard(), Clock.fixed(Fixtures.NOW.plusSeconds(181), ZoneOffset.UTC),
                Fixtures.SKEW));
        refused(Reason.STALE, () -> later.processRequestRedirect(query()));
        NameRegistration earlier = new NameRegistration(new Exchange(new Self(Fixtures.MASTER, Fixtures.MASTER_KEYS),
                Fixtures.partners(new Partner(Fixtures.slaveMetadata(), SignaturePolicy.modern())),
                Fixtures.memoryReplayGuard(), Clock.fixed(Fixtures.NOW.minusSeconds(181), ZoneOffset.UTC),
                Fixtures.SKEW));
        refused(Reason.STALE, () -> earlier.processRequestSoap(bytes(soap())));
    }

    @Test
    void aReplayedRequestIdIsRefusedInEitherBinding() throws Exception {
        atMaster.processRequestRedirect(query());
        refused(Reason.REPLAYED, () -> atMaster.processRequestRedirect(query()));
        refused(Reason.REPLAYED, () -> atMaster.processRequestSoap(bytes(soap())));
    }

    @Test
    void aResponseForAnotherRequestIsRefused() throws Exception {
        NameRegistration atSlave = new NameRegistration(Fixtures.slave(SignaturePolicy.modern()));
        RegisterNameIdentifierRequest sent = atSlave.initRequest(Fixtures.MASTER, Profile.RNI_SP_HTTP,
                new NameIdentifier("alice", Fixtures.MASTER, null), null, new NameIdentifier("alice", Fixtures.MASTER,
                        null), null);
        String answerToOther = RedirectBinding.encode(Fixtures.response(), Fixtures.MASTER_KEYS,
                SignatureAlgorithm.RSA_SHA256);
        refused(Reason.IN_RESPONSE_TO_MISMATCH, () -> atSlave.processResponseRedirect(answerToOther, sent.requestId(),
                Fixtures.MASTER));
    }

    @Test
    void anUnknownProviderIdIsRefused() throws Exception {
        RegisterNameIdentifierRequest stranger = new RegisterNameIdentifierRequest("_s1", Fixtures.NOW,
                "https://stranger.example", new NameIdentifier("alice", Fixtures.MASTER, null), null,
                new NameIdentifier("alice", Fixtures.MASTER, null), null);
        refused(Reason.UNKNOWN_PROVIDER, () -> atMaster.processRequestRedirect(RedirectBinding.encode(stranger,
                Fixtures.ATTACKER_KEYS, SignatureAlgorithm.RSA_SHA256)));
        refused(Reason.UNKNOWN_PROVIDER, () -> atMaster.processRequestSoap(bytes(SoapBinding.encode(stranger,
                Fixtures.ATTACKER_KEYS, SignatureAlgorithm.RSA_SHA256))));
    }

    @Test
    void returnUrlsComeOnlyFromMetadata() throws Exception {
        // A RelayState or any parameter that looks like a URL never becomes a destination.
        NameRegistration atSlave = new NameRegistration(Fixtures.slave(SignaturePolicy.modern()));
        RegisterNameIdentifierRequest sent = atSlave.initRequest(Fixtures.MASTER, Profile.RNI_SP_HTTP,
                new NameIdentifier("alice", Fixtures.MASTER, null), null, new NameIdentifier("alice", Fixtures.MASTER,
                        null), "https://evil.example/steal");
        var received = atMaster.processRequestRedirect(atSlave.buildRequestRedirect(Fixtures.MASTER, sent)
                .getRawQuery());
        URI back = atMaster.buildResponseRedirect(atMaster.buildResponse(received.message(), Status.success()));
        assertEquals("slave.ucd.example", back.getHost());
        Map<String, String> params = QueryString.parse(back.getRawQuery());
        assertEquals("https://evil.example/steal", params.get("RelayState"));
    }
}
