package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ucdgba.liberty.binding.RedirectBinding;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;

class ProviderKeysTest {

    @Test
    void pkcs12KeyStoreGivesTheSameKeysAsPem(@TempDir Path dir) throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        ks.setKeyEntry("slave", Fixtures.SLAVE_KEYS.privateKey(), password,
                new Certificate[] {Fixtures.SLAVE_KEYS.certificate()});
        Path file = dir.resolve("slave.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        ProviderKeys loaded = ProviderKeys.fromKeyStore(file, password, "slave");
        assertEquals(Fixtures.SLAVE_KEYS.certificate(), loaded.certificate());
        // Same key, deterministic RSA signature: the same wire form as the PEM keys give.
        assertEquals(Fixtures.resource("/golden/rni-request.query"),
                RedirectBinding.encode(Fixtures.request(), loaded,
                        SignatureAlgorithm.RSA_SHA256));
    }

    @Test
    void mismatchedOrMissingPemIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProviderKeys.fromPem(
                Fixtures.resource("/keys/master-ec.key.pem"), Fixtures.resource("/keys/slave.cert.pem")));
        assertThrows(IOException.class, () -> ProviderKeys.fromPem("not pem", Fixtures.resource("/keys/slave.cert.pem")));
        assertThrows(IOException.class, () -> ProviderKeys.certificate("-----BEGIN NOTHING-----"));
    }
}
