package org.ucdgba.liberty.xml;

import org.ucdgba.io.HardenedXml;
import org.ucdgba.io.RefusedInput;
import org.ucdgba.io.XmlLimits;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.w3c.dom.Document;

/**
 * How this library reads XML: the bundle's {@link HardenedXml} with the limits of ID-FF messages and metadata, its
 * refusals turned into {@link LibertyException}s (a hostile document is {@link Reason#HOSTILE_XML}, a broken one
 * {@link Reason#MALFORMED}). Stateless and thread-safe.
 */
public final class LibertyXml {

    /** ID-FF messages and metadata are a few kilobytes; a SOAP-wrapped signed message is about eight levels deep. */
    public static final XmlLimits LIMITS = new XmlLimits(128 * 1024, 32);

    private LibertyXml() {
    }

    /** Parses a document within {@link #LIMITS}. */
    public static Document parse(byte[] xml) throws LibertyException {
        try {
            return HardenedXml.parse(xml, LIMITS);
        } catch (RefusedInput e) {
            throw refusal(e);
        }
    }

    /** The library's reason for a refused input. */
    public static LibertyException refusal(RefusedInput e) {
        return new LibertyException(e.reason() == RefusedInput.Reason.MALFORMED
                || e.reason() == RefusedInput.Reason.UNREADABLE ? Reason.MALFORMED : Reason.HOSTILE_XML,
                e.getMessage());
    }
}
