package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;

/** Every profile, both directions, both bindings, signed and verified: rni-*-http/soap and fedterm-*-http/soap. */
class ProfilesTest {

    private final Exchange slave = Fixtures.slave(SignaturePolicy.modern());
    private final Exchange master = Fixtures.master(SignaturePolicy.modern());

    @Test
    void rniSpHttp() throws Exception {
        NameRegistration atSlave = new NameRegistration(slave);
        NameRegistration atMaster = new NameRegistration(master);
        RegisterNameIdentifierRequest sent = atSlave.initRequest(Fixtures.MASTER, Profile.RNI_SP_HTTP,
                new NameIdentifier("alice", Fixtures.MASTER, null),
                NameIdentifier.federated("slave-alias", Fixtures.SLAVE), new NameIdentifier("alice", Fixtures.MASTER,
                        null), "state-1");
        URI toMaster = atSlave.buildRequestRedirect(Fixtures.MASTER, sent);
        assertTrue(toMaster.toString().startsWith("https://master.ucd.example/liberty/rni?RequestID="));

        var received = atMaster.processRequestRedirect(toMaster.getRawQuery());
        assertEquals(sent, received.message());
        assertEquals(Fixtures.SLAVE, received.partner().providerId());

        URI back = atMaster.buildResponseRedirect(atMaster.buildResponse(received.message(), Status.success()));
        assertTrue(back.toString().startsWith("https://slave.ucd.example/liberty/rni-return?ResponseID="));
        RegisterNameIdentifierResponse response = atSlave.processResponseRedirect(back.getRawQuery(), sent.requestId(),
                Fixtures.MASTER);
        assertTrue(response.status().isSuccess());
        assertEquals("state-1", response.relayState());
    }

    @Test
    void rniSpSoap() throws Exception {
        NameRegistration atSlave = new NameRegistration(slave);
        NameRegistration atMaster = new NameRegistration(master);
        RegisterNameIdentifierRequest sent = atSlave.initRequest(Fixtures.MASTER, Profile.RNI_SP_SOAP,
                new NameIdentifier("alice", Fixtures.MASTER, null), null, new NameIdentifier("alice", Fixtures.MASTER,
                        null), null);
        String envelope = atSlave.buildRequestSoap(Fixtures.MASTER, sent);
        var received = atMaster.processRequestSoap(envelope.getBytes(StandardCharsets.UTF_8));
        assertEquals(sent, received.message());
        String answer = atMaster.buildResponseSoap(atMaster.buildResponse(received.message(),
                new Status(Status.REQUESTER, Status.FEDERATION_DOES_NOT_EXIST)));
        RegisterNameIdentifierResponse response = atSlave.processResponseSoap(
                answer.getBytes(StandardCharsets.UTF_8), sent.requestId(), Fixtures.MASTER);
        assertEquals(new Status(Status.REQUESTER, Status.FEDERATION_DOES_NOT_EXIST), response.status());
        assertNull(response.relayState());
    }

    @Test
    void rniIdpHttpAndSoap() throws Exception {
        NameRegistration atSlave = new NameRegistration(slave);
        NameRegistration atMaster = new NameRegistration(master);
        for (Profile profile : new Profile[] {Profile.RNI_IDP_HTTP, Profile.RNI_IDP_SOAP}) {
            RegisterNameIdentifierRequest sent = atMaster.initRequest(Fixtures.SLAVE, profile,
                    NameIdentifier.federated("new-master-alias", Fixtures.MASTER), null,
                    NameIdentifier.federated("old-master-alias", Fixtures.MASTER), null);
            RegisterNameIdentifierRequest got = profile.isSoap()
                    ? atSlave.processRequestSoap(atMaster.buildRequestSoap(Fixtures.SLAVE, sent)
                    .getBytes(StandardCharsets.UTF_8)).message()
                    : atSlave.processRequestRedirect(atMaster.buildRequestRedirect(Fixtures.SLAVE, sent)
                    .getRawQuery()).message();
            assertEquals(sent, got);
            RegisterNameIdentifierResponse response = atSlave.buildResponse(got, Status.success());
            RegisterNameIdentifierResponse back = profile.isSoap()
                    ? atMaster.processResponseSoap(atSlave.buildResponseSoap(response)
                    .getBytes(StandardCharsets.UTF_8), sent.requestId(), Fixtures.SLAVE)
                    : atMaster.processResponseRedirect(atSlave.buildResponseRedirect(response).getRawQuery(), sent.requestId(),
                    Fixtures.SLAVE);
            assertEquals(response, back);
        }
    }

    @Test
    void federationTerminationBothWaysBothBindings() throws Exception {
        FederationTermination atSlave = new FederationTermination(slave);
        FederationTermination atMaster = new FederationTermination(master);
        NameIdentifier name = NameIdentifier.federated("slave-alias", Fixtures.SLAVE);

        FederationTerminationNotification bySlave = atSlave.initNotification(Fixtures.MASTER, Profile.FEDTERM_SP_HTTP,
                name, "after-unlink");
        URI toMaster = atSlave.buildRedirect(Fixtures.MASTER, bySlave);
        var received = atMaster.processRedirect(toMaster.getRawQuery());
        assertEquals(bySlave, received.message());
        assertEquals(URI.create("https://slave.ucd.example/liberty/fedterm-return?RelayState=after-unlink"),
                atMaster.returnUrl(received));

        FederationTerminationNotification bySlaveSoap = atSlave.initNotification(Fixtures.MASTER,
                Profile.FEDTERM_SP_SOAP, name, null);
        assertEquals(bySlaveSoap, atMaster.processSoap(atSlave.buildSoap(Fixtures.MASTER, bySlaveSoap)
                .getBytes(StandardCharsets.UTF_8)).message());

        FederationTerminationNotification byMaster = atMaster.initNotification(Fixtures.SLAVE,
                Profile.FEDTERM_IDP_SOAP, name, null);
        assertEquals(byMaster, atSlave.processSoap(atMaster.buildSoap(Fixtures.SLAVE, byMaster)
                .getBytes(StandardCharsets.UTF_8)).message());
        FederationTerminationNotification byMasterHttp = atMaster.initNotification(Fixtures.SLAVE,
                Profile.FEDTERM_IDP_HTTP, name, null);
        assertEquals(byMasterHttp, atSlave.processRedirect(atMaster.buildRedirect(Fixtures.SLAVE, byMasterHttp)
                .getRawQuery()).message());
    }

    @Test
    void ecKeysAndLegacySha1WhenAgreed() throws Exception {
        Exchange ecMaster = Fixtures.master(Fixtures.MASTER_EC_KEYS, SignaturePolicy.modern());
        Exchange slaveOfEc = new Exchange(slave.self(), Fixtures.partners(new org.ucdgba.liberty.profile.Partner(
                Fixtures.masterMetadata(Fixtures.MASTER_EC_KEYS), SignaturePolicy.modern())),
                Fixtures.memoryReplayGuard(), Fixtures.CLOCK, Fixtures.SKEW);
        NameRegistration atEcMaster = new NameRegistration(ecMaster);
        RegisterNameIdentifierRequest sent = atEcMaster.initRequest(Fixtures.SLAVE, Profile.RNI_IDP_HTTP,
                NameIdentifier.federated("a", Fixtures.MASTER), null, NameIdentifier.federated("b", Fixtures.MASTER),
                null);
        URI redirect = atEcMaster.buildRequestRedirect(Fixtures.SLAVE, sent);
        assertTrue(redirect.getRawQuery().contains("SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23ecdsa-sha256"));
        assertEquals(sent, new NameRegistration(slaveOfEc).processRequestRedirect(redirect.getRawQuery()).message());
        RegisterNameIdentifierRequest bySoap = atEcMaster.initRequest(Fixtures.SLAVE, Profile.RNI_IDP_SOAP,
                NameIdentifier.federated("a", Fixtures.MASTER), null, NameIdentifier.federated("b", Fixtures.MASTER),
                null);
        String soap = atEcMaster.buildRequestSoap(Fixtures.SLAVE, bySoap);
        assertTrue(soap.contains("xmldsig-more#ecdsa-sha256"));
        assertEquals(bySoap, new NameRegistration(slaveOfEc).processRequestSoap(soap.getBytes(StandardCharsets.UTF_8))
                .message());

        // A partner that asked for RSA-SHA1 gets it, both ways.
        Exchange legacySlave = Fixtures.slave(SignaturePolicy.legacyRsaSha1());
        Exchange legacyMaster = Fixtures.master(SignaturePolicy.legacyRsaSha1());
        RegisterNameIdentifierRequest old = new NameRegistration(legacySlave).initRequest(Fixtures.MASTER,
                Profile.RNI_SP_SOAP, NameIdentifier.federated("a", Fixtures.MASTER), null,
                NameIdentifier.federated("a", Fixtures.MASTER), null);
        String legacy = new NameRegistration(legacySlave).buildRequestSoap(Fixtures.MASTER, old);
        assertTrue(legacy.contains("xmldsig#rsa-sha1"));
        assertEquals(old, new NameRegistration(legacyMaster).processRequestSoap(
                legacy.getBytes(StandardCharsets.UTF_8)).message());
    }
}
