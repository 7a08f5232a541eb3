package org.ucdgba.gba.core.aka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqnTest {

    @Test
    void resynchronisationNeverStepsBackBelowIssuedSqns() {
        Sqn he = Sqn.of(500, 3);
        assertEquals(he, Sqn.afterResynchronisation(he, Sqn.of(480, 7)));
    }

    @Test
    void resynchronisationFollowsAUsimThatIsAhead() {
        Sqn ms = Sqn.of(900, 1);
        assertEquals(ms, Sqn.afterResynchronisation(Sqn.of(500, 3), ms));
    }

    @Test
    void resynchronisationResetsAnHeTooFarAheadForTheUsim() {
        Sqn ms = Sqn.of(10, 2);
        assertEquals(ms, Sqn.afterResynchronisation(Sqn.of(10 + SqnWindow.DELTA + 1, 0), ms));
    }

    /**
     * TS 33.102 Annex C.3.2: with IND cycling, a USIM accepts the vectors of one HE used out of order as long as
     * no two of them that share an IND are swapped, i.e. reordering within {@link Sqn#IND_VALUES} consecutive SQNs.
     */
    @Test
    void usimArrayAcceptsVectorsUsedOutOfOrderWithinOneIndCycle() {
        List<Sqn> issued = new ArrayList<>();
        Sqn sqn = new Sqn(0);
        for (int i = 0; i < 320; i++) {
            sqn = sqn.next();
            issued.add(sqn);
        }
        Random random = new Random(7);
        for (int block = 0; block < issued.size(); block += Sqn.IND_VALUES) {
            Collections.shuffle(issued.subList(block, block + Sqn.IND_VALUES), random);
        }
        SqnWindow usim = new SqnWindow();
        for (Sqn s : issued) {
            assertTrue(usim.isFresh(s), s.toString());
            usim.accept(s);
        }
        assertFalse(usim.isFresh(issued.get(0)), "a used SQN is never fresh again");
    }
}
