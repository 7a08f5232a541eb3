package org.ucdgba.liberty.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * This provider's signing key and its certificate (the one published in its metadata), loaded from PEM files with
 * BouncyCastle or from a PKCS#12/JKS key store. Immutable; the private key never leaves through {@link #toString}.
 *
 * @param privateKey  the RSA or EC private key
 * @param certificate the matching X.509 certificate
 */
public record ProviderKeys(PrivateKey privateKey, X509Certificate certificate) {

    public ProviderKeys {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("private key and certificate are of different algorithms");
        }
    }

    /** Reads a PEM private key (PKCS#8, or traditional RSA/EC) and a PEM certificate. */
    public static ProviderKeys fromPem(String privateKeyPem, String certificatePem) throws IOException {
        return new ProviderKeys(privateKey(new StringReader(privateKeyPem)), certificate(certificatePem));
    }

    /** Reads the PEM files at these paths. */
    public static ProviderKeys fromPemFiles(Path privateKeyPem, Path certificatePem) throws IOException {
        return fromPem(Files.readString(privateKeyPem), Files.readString(certificatePem));
    }

    /** Reads the key entry {@code alias} of a PKCS#12 or JKS key store. */
    public static ProviderKeys fromKeyStore(Path keyStore, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(keyStore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, password);
        }
        if (!(ks.getKey(alias, password) instanceof PrivateKey key)
                || !(ks.getCertificate(alias) instanceof X509Certificate cert)) {
            throw new GeneralSecurityException("no private key entry with certificate named " + alias);
        }
        return new ProviderKeys(key, cert);
    }

    /** Reads one PEM certificate (a partner's, for example). */
    public static X509Certificate certificate(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (!(o instanceof X509CertificateHolder holder)) {
                throw new IOException("no PEM certificate");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException e) {
            throw new IOException("unusable certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Reader pem) throws IOException {
        try (PEMParser parser = new PEMParser(pem)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("no unencrypted PEM private key");
        }
    }

    @Override
    public String toString() {
        return "ProviderKeys[" + certificate.getSubjectX500Principal() + "]";
    }
}
