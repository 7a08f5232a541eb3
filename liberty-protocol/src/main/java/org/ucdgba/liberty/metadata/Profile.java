package org.ucdgba.liberty.metadata;

/**
 * The protocol profiles of name registration and federation termination (Bindings and Profiles clauses 3.4 and
 * 3.5): who initiates (IdP or SP) and the binding (HTTP-Redirect or SOAP).
 */
public enum Profile {
    /** Name registration initiated by the SP, HTTP-Redirect. */
    RNI_SP_HTTP("http://projectliberty.org/profiles/rni-sp-http"),
    /** Name registration initiated by the SP, SOAP. */
    RNI_SP_SOAP("http://projectliberty.org/profiles/rni-sp-soap"),
    /** Name registration initiated by the IdP, HTTP-Redirect. */
    RNI_IDP_HTTP("http://projectliberty.org/profiles/rni-idp-http"),
    /** Name registration initiated by the IdP, SOAP. */
    RNI_IDP_SOAP("http://projectliberty.org/profiles/rni-idp-soap"),
    /** Federation termination notified by the SP, HTTP-Redirect. */
    FEDTERM_SP_HTTP("http://projectliberty.org/profiles/fedterm-sp-http"),
    /** Federation termination notified by the SP, SOAP. */
    FEDTERM_SP_SOAP("http://projectliberty.org/profiles/fedterm-sp-soap"),
    /** Federation termination notified by the IdP, HTTP-Redirect. */
    FEDTERM_IDP_HTTP("http://projectliberty.org/profiles/fedterm-idp-http"),
    /** Federation termination notified by the IdP, SOAP. */
    FEDTERM_IDP_SOAP("http://projectliberty.org/profiles/fedterm-idp-soap");

    private final String uri;

    Profile(String uri) {
        this.uri = uri;
    }

    /** The profile URI as metadata lists it. */
    public String uri() {
        return uri;
    }

    /** Whether the profile uses SOAP. */
    public boolean isSoap() {
        return uri.endsWith("-soap");
    }
}
