package org.ucdgba.federation;

import java.io.IOException;
import java.io.InputStream;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.xml.HardenedXml;

/** Request bodies of the SOAP endpoints, read only up to the largest document the XML parser accepts. */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] read(InputStream body) throws LibertyException {
        try (InputStream in = body) {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(HardenedXml.MAX_BYTES + 1);
            if (bytes.length > HardenedXml.MAX_BYTES) {
                throw new LibertyException(LibertyException.Reason.HOSTILE_XML, "request body too large");
            }
            return bytes;
        } catch (IOException e) {
            throw new LibertyException(LibertyException.Reason.MALFORMED, "unreadable request body");
        }
    }
}
