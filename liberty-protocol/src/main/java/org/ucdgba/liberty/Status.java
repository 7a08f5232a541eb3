package org.ucdgba.liberty;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * A samlp:Status of an ID-FF response (Protocols and Schema clause 3.1.2.2): the top-level SAML 1.x code and an
 * optional second-level code, for example {@code lib:FederationDoesNotExist} under {@code samlp:Requester}.
 *
 * @param code       the top-level code
 * @param secondLevel the second-level code, or null
 */
public record Status(QName code, QName secondLevel) {

    /** samlp:Success. */
    public static final QName SUCCESS = new QName(Liberty.SAMLP, "Success", "samlp");
    /** samlp:Requester: the request was refused because of what the requester sent. */
    public static final QName REQUESTER = new QName(Liberty.SAMLP, "Requester", "samlp");
    /** samlp:Responder: the responder could not process the request. */
    public static final QName RESPONDER = new QName(Liberty.SAMLP, "Responder", "samlp");
    /** samlp:VersionMismatch. */
    public static final QName VERSION_MISMATCH = new QName(Liberty.SAMLP, "VersionMismatch", "samlp");
    /** lib:FederationDoesNotExist: no federation for the name identifier. */
    public static final QName FEDERATION_DOES_NOT_EXIST = new QName(Liberty.LIB, "FederationDoesNotExist", "lib");
    /** lib:UnknownPrincipal: the principal is not known to the responder. */
    public static final QName UNKNOWN_PRINCIPAL = new QName(Liberty.LIB, "UnknownPrincipal", "lib");
    /** samlp:RequestDenied: the responder refuses (e.g. the user cancelled or the wrong account logged in). */
    public static final QName REQUEST_DENIED = new QName(Liberty.SAMLP, "RequestDenied", "samlp");

    public Status {
        Objects.requireNonNull(code, "code");
    }

    /** samlp:Success without second level. */
    public static Status success() {
        return new Status(SUCCESS, null);
    }

    /** Whether the top-level code is samlp:Success. */
    public boolean isSuccess() {
        return SUCCESS.equals(code);
    }
}
