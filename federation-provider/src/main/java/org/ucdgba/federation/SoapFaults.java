package org.ucdgba.federation;

import jakarta.ws.rs.core.Response;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.binding.SoapBinding;

/**
 * SOAP 1.1 faults for refused ID-FF SOAP requests: the fault code of {@link FederationError#MESSAGE_REFUSED} with
 * the refusal's reason code only (the details go to the event, not to an unauthenticated caller). SOAP 1.1
 * clause 6.2 puts faults on HTTP 500; the fault code says whose fault it is.
 */
public final class SoapFaults {

    private SoapFaults() {
    }

    /** The fault for a refused message. */
    public static Response fault(LibertyException e) {
        String body = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap-env:Body><soap-env:Fault><faultcode>" + FederationError.MESSAGE_REFUSED.soapFault()
                + "</faultcode><faultstring>" + e.reason() + "</faultstring></soap-env:Fault></soap-env:Body>"
                + "</soap-env:Envelope>";
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(SoapBinding.CONTENT_TYPE).entity(body)
                .build();
    }
}
