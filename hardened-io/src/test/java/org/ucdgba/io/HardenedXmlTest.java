package org.ucdgba.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HardenedXmlTest {

    private static final XmlLimits LIMITS = new XmlLimits(1024 * 1024, 32);

    private static RefusedInput.Reason refusal(String xml) {
        return assertThrows(RefusedInput.class,
                () -> HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8), LIMITS)).reason();
    }

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    @Test
    void depthAtTheLimitIsAccepted() {
        Document doc = HardenedXml.parse(nested(32).getBytes(StandardCharsets.UTF_8), LIMITS);
        assertEquals("a", doc.getDocumentElement().getLocalName());
    }

    @Test
    void oneLevelPastTheLimitIsRefused() {
        assertEquals(RefusedInput.Reason.TOO_DEEP, refusal(nested(33)));
    }

    /** Issue 12 finding 6: a 9000-deep document ended in StackOverflowError (HTTP 500) on Zn. */
    @Test
    void nineThousandLevelsAreRefusedWithoutExhaustingTheStack() {
        assertEquals(RefusedInput.Reason.TOO_DEEP, refusal(nested(9000)));
    }

    @Test
    void deepSiblingsAfterAShallowBranchAreCounted() {
        String xml = "<r><x/><y/>" + nested(31) + "<z>" + nested(31) + "</z></r>";
        assertEquals(RefusedInput.Reason.TOO_DEEP, refusal(xml));
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        assertEquals(RefusedInput.Reason.FORBIDDEN_MARKUP,
                refusal("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"));
        assertEquals(RefusedInput.Reason.FORBIDDEN_MARKUP, refusal("<!DOCTYPE a SYSTEM \"http://x/a.dtd\"><a/>"));
    }

    @Test
    void xincludeIsNotProcessed() {
        Document doc = HardenedXml.parse(("<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></a>").getBytes(StandardCharsets.UTF_8),
                LIMITS);
        assertEquals("", doc.getDocumentElement().getTextContent());
    }

    @Test
    void sizeIsCheckedBeforeParsing() {
        RefusedInput r = assertThrows(RefusedInput.class,
                () -> HardenedXml.parse(new byte[65], new XmlLimits(64, 4)));
        assertEquals(RefusedInput.Reason.TOO_LARGE, r.reason());
    }

    @Test
    void brokenXmlIsMalformed() {
        assertEquals(RefusedInput.Reason.MALFORMED, refusal("<a><b></a>"));
        assertEquals(RefusedInput.Reason.MALFORMED, refusal(""));
    }

    @Test
    void repeatedChildIsMalformed() {
        Document doc = HardenedXml.parse("<a xmlns=\"urn:x\"><b/><b/></a>".getBytes(StandardCharsets.UTF_8), LIMITS);
        assertEquals(RefusedInput.Reason.MALFORMED, assertThrows(RefusedInput.class,
                () -> HardenedXml.child(doc.getDocumentElement(), "urn:x", "b")).reason());
    }
}
