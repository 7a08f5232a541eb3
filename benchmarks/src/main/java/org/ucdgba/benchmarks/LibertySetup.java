package org.ucdgba.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.profile.Self;

/** The two partners, their keys and metadata, and a request, as liberty-protocol's test fixtures make them. */
final class LibertySetup {
    static final String SLAVE = "https://slave.ucd.example/liberty";
    static final String MASTER = "https://master.ucd.example/liberty";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);   // keeps IssueInstant inside the skew forever
    static final Duration SKEW = Duration.ofMinutes(3);

    /** A fresh RSA-2048 key and a self-signed certificate (BouncyCastle bcpkix), as a partner registers them. */
    static ProviderKeys keys(String cn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + cn);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(NOW.minusSeconds(3600)), Date.from(NOW.plusSeconds(86400 * 365)),
                name, kp.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        return new ProviderKeys(kp.getPrivate(), cert);
    }

    /** Fixtures.masterMetadata(keys): the master (IdP) as the slave's partner. */
    static ProviderMetadata masterMetadata(X509Certificate cert) {
        return new ProviderMetadata(MASTER, ProviderMetadata.Role.IDP, cert,
                "https://master.ucd.example/liberty/soap", "https://master.ucd.example/liberty/fedterm",
                "https://master.ucd.example/liberty/fedterm-return",
                List.of(Profile.FEDTERM_SP_HTTP.uri(), Profile.FEDTERM_SP_SOAP.uri()),
                List.of(Profile.RNI_SP_HTTP.uri(), Profile.RNI_SP_SOAP.uri()),
                "https://master.ucd.example/liberty/rni", "https://master.ucd.example/liberty/rni-return",
                null, "https://master.ucd.example/liberty/sso");
    }

    /** Fixtures.slaveMetadata(): the slave (SP) as the master's partner. */
    static ProviderMetadata slaveMetadata(X509Certificate cert) {
        return new ProviderMetadata(SLAVE, ProviderMetadata.Role.SP, cert,
                "https://slave.ucd.example/liberty/soap", "https://slave.ucd.example/liberty/fedterm",
                "https://slave.ucd.example/liberty/fedterm-return",
                List.of(Profile.FEDTERM_IDP_HTTP.uri(), Profile.FEDTERM_IDP_SOAP.uri()),
                List.of(Profile.RNI_IDP_HTTP.uri(), Profile.RNI_IDP_SOAP.uri()),
                "https://slave.ucd.example/liberty/rni", "https://slave.ucd.example/liberty/rni-return",
                "https://slave.ucd.example/liberty/acs", null);
    }

    /**
     * An Exchange with one partner. The replay guard always says "first use": Fixtures.memoryReplayGuard()
     * would refuse the second verification of the same message with Reason.REPLAYED.
     */
    static Exchange exchange(String selfId, ProviderKeys selfKeys, ProviderMetadata partner) {
        return new Exchange(new Self(selfId, selfKeys),
                id -> id.equals(partner.providerId())
                        ? Optional.of(new Partner(partner, SignaturePolicy.modern())) : Optional.empty(),
                (providerId, messageId, keepUntil) -> true, CLOCK, SKEW);
    }

    /** Fixtures.request(): fixed RequestID and IssueInstant (the golden files' message). */
    static RegisterNameIdentifierRequest request() {
        return new RegisterNameIdentifierRequest("_1d0b5c7a9e2f4b6a8c0d1e2f3a4b5c6d7e8f9a0b", NOW, SLAVE,
                new NameIdentifier("alice", MASTER, null),
                NameIdentifier.federated("5f3a9c1e-slave-alias-of-alice", SLAVE),
                new NameIdentifier("alice", MASTER, null), "ucd-federation-7");
    }

    private LibertySetup() {
    }
}
