package org.ucdgba.federation;

import java.io.InputStream;
import org.ucdgba.io.BoundedBody;
import org.ucdgba.io.RefusedInput;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.xml.LibertyXml;

/** Request bodies of the SOAP endpoints, read only up to the largest document the XML parser accepts. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static byte[] read(InputStream body) throws LibertyException {
        try {
            return BoundedBody.read(body, LibertyXml.LIMITS.maxBytes());
        } catch (RefusedInput e) {
            throw LibertyXml.refusal(e);
        }
    }
}
