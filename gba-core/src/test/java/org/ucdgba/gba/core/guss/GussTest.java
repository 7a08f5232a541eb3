package org.ucdgba.gba.core.guss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ucdgba.io.RefusedInput;

class GussTest {

    /** A GUSS in the Release 9 namespace, as a vendor's documentation shows one (with an Extension). */
    static final String R9 = """
            <guss id="358500004836551@home1.net" xmlns="urn:3gpp:gba:GBAGUSSSchema-R9:2010-02">
              <bsfInfo><lifeTime>86400</lifeTime></bsfInfo>
              <Extension><timestamp>2008-09-10T11:12:13Z</timestamp></Extension>
              <ussList>
                <uss id="0" type="0" nafGroup="A">
                  <uids><uid>tel:+358504836551</uid><uid>sip:user@home1.net</uid></uids>
                </uss>
                <uss id="1" type="1" nafGroup="B">
                  <uids><uid>sip:other@home1.net</uid></uids>
                  <flags><flag>1</flag></flags>
                </uss>
              </ussList>
            </guss>""";

    @Test
    void readsTheRelease9Form() {
        Guss guss = Guss.parse(R9);
        assertEquals("358500004836551@home1.net", guss.impi());
        assertEquals(86400L, guss.lifetimeSeconds());
        assertNull(guss.uiccType());
        assertEquals(List.of("tel:+358504836551", "sip:user@home1.net"), guss.uidsFor("A"));
        assertEquals(List.of("sip:other@home1.net"), guss.uidsFor("B"));
        assertEquals(List.of(1), guss.ussFor("B").get(0).flags());
        assertEquals(List.of(), guss.uidsFor("C"));
    }

    @Test
    void readsTheUnqualifiedFormSomeHssSend() {
        Guss guss = Guss.parse("<guss id=\"a@ims\"><bsfInfo><uiccType>GBA_U</uiccType><lifeTime>60</lifeTime>"
                + "</bsfInfo><ussList><uss id=\"1\" type=\"3\"><uids><uid>sip:a@x</uid></uids>"
                + "<flags><flag>1</flag><flag>2</flag></flags></uss></ussList></guss>");
        assertEquals("GBA_U", guss.uiccType());
        assertEquals(List.of("sip:a@x"), guss.uidsFor("any group"));
    }

    @Test
    void writesAndReadsBack() {
        Guss guss = new Guss("a@ims", "GBA", 3600L, List.of(
                new Uss("1", 0, null, List.of("sip:a@x", "tel:+1"), List.of()),
                new Uss("2", 1, "B", List.of("sip:b@x"), List.of(1, 2))));
        assertEquals(guss, Guss.parse(guss.toXml()));
    }

    @Test
    void refusesWhatIsNotAGuss() {
        assertThrows(RefusedInput.class, () -> Guss.parse("<guss xmlns=\"urn:other\" id=\"a\"/>"));
        assertThrows(RefusedInput.class, () -> Guss.parse("<guss/>"));
        assertThrows(RefusedInput.class, () -> Guss.parse("<guss id=\"a\"><ussList><uss id=\"1\" type=\"x\">"
                + "<uids><uid>u</uid></uids></uss></ussList></guss>"));
        assertThrows(RefusedInput.class, () -> Guss.parse("<guss id=\"a\"><ussList><uss id=\"1\" type=\"0\"/>"
                + "</ussList></guss>"));
        assertThrows(RefusedInput.class, () -> Guss.parse("<!DOCTYPE guss [<!ENTITY e \"x\">]><guss id=\"&e;\"/>"));
    }
}
