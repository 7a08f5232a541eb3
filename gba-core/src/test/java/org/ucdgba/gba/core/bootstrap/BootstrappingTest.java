package org.ucdgba.gba.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.io.RefusedInput;

class BootstrappingTest {

    @Test
    void btidIsBase64RandAtBsfDomain() {
        byte[] rand = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
        BTid btid = BTid.of(rand, "bsf.operator.example");
        assertEquals("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.operator.example", btid.value());
        assertArrayEquals(rand, btid.rand());
        assertEquals("bsf.operator.example", btid.bsfDomain());
        assertThrows(IllegalArgumentException.class, () -> new BTid("not-a-btid"));
        assertThrows(IllegalArgumentException.class, () -> new BTid("AAAA@bsf"));
        assertThrows(IllegalArgumentException.class, () -> new BTid("I1U8vpY3qJ0hiuZNrke/NQ==@"));
    }

    @Test
    void bootstrappingInfoOfTs24109AnnexC() {
        String trace = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BootstrappingInfo xmlns=\"uri:3gpp-gba\">\n"
                + "  <btid>fve4iTWb1rTb297CzVSrpw==@bsf.ims.mnc045.mcc123.pub.3gppnetwork.org</btid>\n"
                + "  <lifetime>2020-10-28T23:36:26Z</lifetime>\n"
                + "  <Extension><currenttime>2020-10-28T22:36:26Z</currenttime></Extension>\n</BootstrappingInfo>";
        BootstrappingInfo info = BootstrappingInfo.parse(trace);
        assertEquals("fve4iTWb1rTb297CzVSrpw==@bsf.ims.mnc045.mcc123.pub.3gppnetwork.org", info.btid().value());
        assertEquals(Instant.parse("2020-10-28T23:36:26Z"), info.lifetime());
        assertEquals(info, BootstrappingInfo.parse(info.toXml()));
        assertThrows(RefusedInput.class, () -> BootstrappingInfo.parse("<BootstrappingInfo xmlns=\"urn:x\"/>"));
        assertThrows(RefusedInput.class, () -> BootstrappingInfo.parse(
                "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>x</btid></BootstrappingInfo>"));
    }
}
