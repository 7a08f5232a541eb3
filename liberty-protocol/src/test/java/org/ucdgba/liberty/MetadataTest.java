package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.Self;

class MetadataTest {

    private static byte[] golden(String name) {
        return Fixtures.resource("/golden/" + name).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeAndReadBack() throws Exception {
        assertEquals(Fixtures.slaveMetadata(), MetadataXml.read(MetadataXml.write(Fixtures.slaveMetadata())
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(Fixtures.masterMetadata(), MetadataXml.read(golden("master-metadata.xml")));
    }

    /** A partner known only from its metadata file serves for every message of both profiles, both bindings. */
    @Test
    void partnersDefinedOnlyByTheirMetadataFiles() throws Exception {
        ProviderMetadata master = MetadataXml.read(golden("master-metadata.xml"));
        ProviderMetadata slave = MetadataXml.read(golden("slave-metadata.xml"));
        Exchange atSlave = new Exchange(new Self(Fixtures.SLAVE, Fixtures.SLAVE_KEYS),
                Fixtures.partners(new Partner(master, SignaturePolicy.modern())), Fixtures.memoryReplayGuard(),
                Fixtures.CLOCK, Fixtures.SKEW);
        Exchange atMaster = new Exchange(new Self(Fixtures.MASTER, Fixtures.MASTER_KEYS),
                Fixtures.partners(new Partner(slave, SignaturePolicy.modern())), Fixtures.memoryReplayGuard(),
                Fixtures.CLOCK, Fixtures.SKEW);
        NameRegistration slaveRni = new NameRegistration(atSlave);
        NameRegistration masterRni = new NameRegistration(atMaster);
        NameIdentifier alice = new NameIdentifier("alice", Fixtures.MASTER, null);
        for (Profile p : new Profile[] {Profile.RNI_SP_HTTP, Profile.RNI_SP_SOAP}) {
            RegisterNameIdentifierRequest sent = slaveRni.initRequest(Fixtures.MASTER, p, alice,
                    NameIdentifier.federated("s", Fixtures.SLAVE), alice, null);
            RegisterNameIdentifierRequest got = p.isSoap()
                    ? masterRni.processRequestSoap(bytes(slaveRni.buildRequestSoap(Fixtures.MASTER, sent))).message()
                    : masterRni.processRequestRedirect(slaveRni.buildRequestRedirect(Fixtures.MASTER, sent)
                    .getRawQuery()).message();
            RegisterNameIdentifierResponse response = masterRni.buildResponse(got, Status.success());
            assertTrue((p.isSoap()
                    ? slaveRni.processResponseSoap(bytes(masterRni.buildResponseSoap(response)), sent.requestId(),
                    Fixtures.MASTER)
                    : slaveRni.processResponseRedirect(masterRni.buildResponseRedirect(response).getRawQuery(), sent.requestId(),
                    Fixtures.MASTER)).status().isSuccess());
        }
        FederationTermination slaveTerm = new FederationTermination(atSlave);
        FederationTermination masterTerm = new FederationTermination(atMaster);
        NameIdentifier federated = NameIdentifier.federated("s", Fixtures.SLAVE);
        var byHttp = slaveTerm.initNotification(Fixtures.MASTER, Profile.FEDTERM_SP_HTTP, federated, null);
        assertEquals(byHttp, masterTerm.processRedirect(slaveTerm.buildRedirect(Fixtures.MASTER, byHttp)
                .getRawQuery()).message());
        var bySoap = masterTerm.initNotification(Fixtures.SLAVE, Profile.FEDTERM_IDP_SOAP, federated, null);
        assertEquals(bySoap, slaveTerm.processSoap(bytes(masterTerm.buildSoap(Fixtures.SLAVE, bySoap))).message());
    }

    @Test
    void aProfileThePartnerDoesNotListIsRefused() {
        NameRegistration atSlave = new NameRegistration(Fixtures.slave(SignaturePolicy.modern()));
        LibertyException e = assertThrows(LibertyException.class, () -> atSlave.initRequest(Fixtures.MASTER,
                Profile.RNI_IDP_HTTP, new NameIdentifier("a", null, null), null, new NameIdentifier("a", null, null),
                null));
        assertEquals(Reason.NOT_CONFIGURED, e.reason());
    }

    @Test
    void unusableMetadataIsRefused() {
        assertThrows(LibertyException.class, () -> MetadataXml.read(bytes("<md:EntityDescriptor xmlns:md=\""
                + Liberty.MD + "\" providerID=\"p\"/>")));
        assertThrows(LibertyException.class, () -> MetadataXml.read(bytes("<md:EntityDescriptor xmlns:md=\""
                + Liberty.MD + "\" providerID=\"p\"><md:SPDescriptor protocolSupportEnumeration=\""
                + "urn:liberty:iff:2003-08\"/></md:EntityDescriptor>")));
        assertThrows(LibertyException.class, () -> MetadataXml.read(bytes("<EntityDescriptor/>")));
        String badUrl = Fixtures.resource("/golden/slave-metadata.xml").replace(
                "https://slave.ucd.example/liberty/soap", "javascript:alert(1)");
        assertEquals(Reason.MALFORMED, assertThrows(LibertyException.class,
                () -> MetadataXml.read(bytes(badUrl))).reason());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
