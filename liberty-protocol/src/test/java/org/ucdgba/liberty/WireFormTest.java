package org.ucdgba.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ucdgba.liberty.binding.RedirectBinding;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.metadata.MetadataXml;

/**
 * The exact wire form of every message in both bindings, against golden files in src/test/resources/golden (see
 * the README there for the clause each follows). RSA PKCS#1 v1.5 signatures are deterministic, so the signed forms
 * are fixed too. Regenerate after a deliberate change with {@code -Dgolden.update=true}, and review the diff.
 */
class WireFormTest {

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
    }

    @Test
    void registerNameIdentifierRequest() throws Exception {
        assertGolden("rni-request.query", RedirectBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS,
                SignatureAlgorithm.RSA_SHA256));
        assertGolden("rni-request.soap.xml", SoapBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS,
                SignatureAlgorithm.RSA_SHA256));
    }

    @Test
    void registerNameIdentifierResponse() throws Exception {
        assertGolden("rni-response.query", RedirectBinding.encode(Fixtures.response(), Fixtures.MASTER_KEYS,
                SignatureAlgorithm.RSA_SHA256));
        assertGolden("rni-response.soap.xml", SoapBinding.encode(Fixtures.response(), Fixtures.MASTER_KEYS,
                SignatureAlgorithm.RSA_SHA256));
    }

    @Test
    void federationTerminationNotification() throws Exception {
        assertGolden("fedterm.query", RedirectBinding.encode(Fixtures.termination(), Fixtures.SLAVE_KEYS,
                SignatureAlgorithm.RSA_SHA256));
        assertGolden("fedterm.soap.xml", SoapBinding.encode(Fixtures.termination(), Fixtures.SLAVE_KEYS,
                SignatureAlgorithm.RSA_SHA256));
    }

    @Test
    void legacyRsaSha1Form() throws Exception {
        assertGolden("rni-request-rsa-sha1.query", RedirectBinding.encode(Fixtures.request(), Fixtures.SLAVE_KEYS,
                SignatureAlgorithm.RSA_SHA1));
    }

    @Test
    void metadata() throws Exception {
        assertGolden("slave-metadata.xml", MetadataXml.write(Fixtures.slaveMetadata()));
        assertGolden("master-metadata.xml", MetadataXml.write(Fixtures.masterMetadata()));
    }
}
