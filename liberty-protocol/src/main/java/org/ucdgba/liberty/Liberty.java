package org.ucdgba.liberty;

/**
 * The names Liberty ID-FF 1.2 messages are built from: namespaces, versions and the protocol profile URIs of the
 * Bindings and Profiles specification (clauses 3.3 and 3.4).
 */
public final class Liberty {

    /** ID-FF 1.2 protocol namespace, prefix {@code lib}. */
    public static final String LIB = "urn:liberty:iff:2003-08";
    /** ID-FF 1.2 metadata namespace, prefix {@code md}. */
    public static final String MD = "urn:liberty:metadata:2003-08";
    /** SAML 1.x assertion namespace, prefix {@code saml}. */
    public static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    /** SAML 1.x protocol namespace, prefix {@code samlp}. */
    public static final String SAMLP = "urn:oasis:names:tc:SAML:1.0:protocol";
    /** XML Signature namespace, prefix {@code ds}. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** SOAP 1.1 envelope namespace. */
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    /** MajorVersion of every ID-FF message. */
    public static final String MAJOR_VERSION = "1";
    /** MinorVersion of ID-FF 1.2 messages. */
    public static final String MINOR_VERSION = "2";

    /** Name identifier format of a federation (Protocols and Schema 3.2.2.x). */
    public static final String FORMAT_FEDERATED = "urn:liberty:iff:nameid:federated";

    private Liberty() {
    }
}
