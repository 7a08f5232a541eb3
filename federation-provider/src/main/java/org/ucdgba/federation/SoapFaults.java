package org.ucdgba.federation;

import jakarta.ws.rs.core.Response;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.binding.SoapBinding;

/**
 * SOAP 1.1 faults for refused ID-FF SOAP requests: soap-env:Client with the refusal's reason code only (the
 * details go to the event, not to an unauthenticated caller). SOAP 1.1 clause 6.2 puts faults on HTTP 500; the
 * fault says it is the sender's fault.
 */
final class SoapFaults {

    private SoapFaults() {
    }

    static Response fault(LibertyException e) {
        String body = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap-env:Body><soap-env:Fault><faultcode>soap-env:Client</faultcode><faultstring>"
                + e.reason() + "</faultstring></soap-env:Fault></soap-env:Body></soap-env:Envelope>";
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(SoapBinding.CONTENT_TYPE).entity(body)
                .build();
    }
}
