package org.ucdgba.liberty;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.profile.NameRegistration;

/**
 * Property-based fuzzing of every parser (jqwik): random bytes, and valid messages with random mutations, never
 * cause anything but a typed {@link LibertyException}.
 */
class ParserFuzzTest {

    private static final NameRegistration AT_MASTER = new NameRegistration(Fixtures.master(SignaturePolicy.modern()));
    private static final String SOAP = Fixtures.resource("/golden/rni-request.soap.xml");
    private static final String QUERY = Fixtures.resource("/golden/rni-request.query");
    private static final String METADATA = Fixtures.resource("/golden/slave-metadata.xml");

    @Provide
    Arbitrary<String> mutatedSoap() {
        return mutations(SOAP);
    }

    @Provide
    Arbitrary<String> mutatedQuery() {
        return mutations(QUERY);
    }

    @Provide
    Arbitrary<String> mutatedMetadata() {
        return mutations(METADATA);
    }

    /** A valid document with one slice replaced by random text (markup characters included). */
    private static Arbitrary<String> mutations(String valid) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length() - 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 40);
        Arbitrary<String> insert = Arbitraries.strings().withChars("<>&;\"'=%/:#x1 -_\u00e9\u0000!").ofMaxLength(12);
        return net.jqwik.api.Combinators.combine(at, length, insert).as((a, l, s) ->
                valid.substring(0, a) + s + valid.substring(Math.min(valid.length(), a + l)));
    }

    @Property(tries = 300)

    void soapReaderOnlyThrowsTypedErrors(@ForAll("mutatedSoap") String envelope) {
        try {
            AT_MASTER.processRequestSoap(envelope.getBytes(StandardCharsets.UTF_8));
        } catch (LibertyException expected) {
            // the only acceptable failure
        }
    }

    @Property(tries = 300)

    void redirectReaderOnlyThrowsTypedErrors(@ForAll("mutatedQuery") String query) {
        try {
            AT_MASTER.processRequestRedirect(query);
        } catch (LibertyException expected) {
            // the only acceptable failure
        }
    }

    @Property(tries = 300)

    void metadataReaderOnlyThrowsTypedErrors(@ForAll("mutatedMetadata") String metadata) {
        try {
            MetadataXml.read(metadata.getBytes(StandardCharsets.UTF_8));
        } catch (LibertyException expected) {
            // the only acceptable failure
        }
    }

    @Property(tries = 300)

    void randomBytesOnlyThrowTypedErrors(@ForAll byte[] bytes) {
        try {
            AT_MASTER.processRequestSoap(bytes);
        } catch (LibertyException expected) {
            // the only acceptable failure
        }
        try {
            QueryString.parse(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (LibertyException expected) {
            // the only acceptable failure
        }
    }
}
