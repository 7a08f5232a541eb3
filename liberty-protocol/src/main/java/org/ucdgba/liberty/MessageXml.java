package org.ucdgba.liberty;

import static org.ucdgba.liberty.xml.Elements.append;
import static org.ucdgba.liberty.xml.Elements.attribute;
import static org.ucdgba.liberty.xml.Elements.optionalAttribute;
import static org.ucdgba.liberty.xml.Elements.text;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.xml.Elements;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XML form of the messages (Protocols and Schema clauses 3.4 and 3.6, on SAML 1.1's RequestAbstractType and
 * ResponseAbstractType): writing in schema order with the conventional prefixes, and strict reading, where a
 * missing, repeated or misplaced element is refused. An enveloped ds:Signature is skipped here: signatures are
 * the business of {@link XmlSignatures}. Stateless and thread-safe.
 */
public final class MessageXml {

    /** The ID attribute of requests. */
    public static final String REQUEST_ID = "RequestID";
    /** The ID attribute of responses. */
    public static final String RESPONSE_ID = "ResponseID";

    private MessageXml() {
    }

    /** The message as a new document whose root is the message element. */
    public static Document write(LibertyMessage message) {
        Document doc = HardenedXml.newDocument();
        Element root;
        if (message instanceof RegisterNameIdentifierRequest r) {
            root = request(doc, "lib:RegisterNameIdentifierRequest", r.requestId(), r.issueInstant());
            append(root, Liberty.LIB, "lib:ProviderID", r.providerId());
            nameIdentifier(root, Liberty.LIB, "lib:IDPProvidedNameIdentifier", r.idpProvided());
            if (r.spProvided() != null) {
                nameIdentifier(root, Liberty.LIB, "lib:SPProvidedNameIdentifier", r.spProvided());
            }
            nameIdentifier(root, Liberty.LIB, "lib:OldProvidedNameIdentifier", r.oldProvided());
            if (r.relayState() != null) {
                append(root, Liberty.LIB, "lib:RelayState", r.relayState());
            }
        } else if (message instanceof RegisterNameIdentifierResponse r) {
            root = doc.createElementNS(Liberty.LIB, "lib:RegisterNameIdentifierResponse");
            doc.appendChild(root);
            declarePrefixes(root);
            root.setAttributeNS(null, RESPONSE_ID, r.responseId());
            if (r.inResponseTo() != null) {
                root.setAttributeNS(null, "InResponseTo", r.inResponseTo());
            }
            versions(root, r.issueInstant());
            if (r.recipient() != null) {
                root.setAttributeNS(null, "Recipient", r.recipient());
            }
            append(root, Liberty.LIB, "lib:ProviderID", r.providerId());
            status(root, r.status());
            if (r.relayState() != null) {
                append(root, Liberty.LIB, "lib:RelayState", r.relayState());
            }
        } else {
            FederationTerminationNotification n = (FederationTerminationNotification) message;
            root = request(doc, "lib:FederationTerminationNotification", n.requestId(), n.issueInstant());
            append(root, Liberty.LIB, "lib:ProviderID", n.providerId());
            nameIdentifier(root, Liberty.SAML, "saml:NameIdentifier", n.nameIdentifier());
        }
        root.setIdAttributeNS(null, message instanceof RegisterNameIdentifierResponse ? RESPONSE_ID : REQUEST_ID,
                true);
        return doc;
    }

    /** Reads a message from its element (the document root, or the child of a SOAP Body). */
    public static LibertyMessage read(Element root) throws LibertyException {
        if (!Liberty.LIB.equals(root.getNamespaceURI())) {
            throw new LibertyException(Reason.MALFORMED, "not an ID-FF 1.2 message: " + root.getNodeName());
        }
        return switch (root.getLocalName()) {
            case "RegisterNameIdentifierRequest" -> readRegisterRequest(root);
            case "RegisterNameIdentifierResponse" -> readRegisterResponse(root);
            case "FederationTerminationNotification" -> readTermination(root);
            default -> throw new LibertyException(Reason.MALFORMED, "unsupported ID-FF message " + root.getLocalName());
        };
    }

    /** The name of the ID attribute of a message element. */
    public static String idAttribute(Element root) {
        return root.getLocalName().endsWith("Response") ? RESPONSE_ID : REQUEST_ID;
    }

    private static RegisterNameIdentifierRequest readRegisterRequest(Element root) throws LibertyException {
        String id = versionsAndId(root, REQUEST_ID);
        Elements c = requestChildren(root);
        String providerId = text(c.required(Liberty.LIB, "ProviderID"));
        NameIdentifier idp = nameIdentifier(c.required(Liberty.LIB, "IDPProvidedNameIdentifier"));
        Element sp = c.optional(Liberty.LIB, "SPProvidedNameIdentifier");
        NameIdentifier old = nameIdentifier(c.required(Liberty.LIB, "OldProvidedNameIdentifier"));
        Element relay = c.optional(Liberty.LIB, "RelayState");
        c.end();
        return new RegisterNameIdentifierRequest(id, instant(root), providerId, idp,
                sp == null ? null : nameIdentifier(sp), old, relay == null ? null : text(relay));
    }

    private static RegisterNameIdentifierResponse readRegisterResponse(Element root) throws LibertyException {
        String id = versionsAndId(root, RESPONSE_ID);
        Elements c = Elements.of(root);
        c.optional(Liberty.DS, "Signature");
        c.repeated(Liberty.LIB, "Extension");
        String providerId = text(c.required(Liberty.LIB, "ProviderID"));
        Status status = status(c.required(Liberty.SAMLP, "Status"));
        Element relay = c.optional(Liberty.LIB, "RelayState");
        c.end();
        return new RegisterNameIdentifierResponse(id, optionalAttribute(root, "InResponseTo"), instant(root),
                optionalAttribute(root, "Recipient"), providerId, status, relay == null ? null : text(relay));
    }

    private static FederationTerminationNotification readTermination(Element root) throws LibertyException {
        String id = versionsAndId(root, REQUEST_ID);
        Elements c = requestChildren(root);
        String providerId = text(c.required(Liberty.LIB, "ProviderID"));
        NameIdentifier name = nameIdentifier(c.required(Liberty.SAML, "NameIdentifier"));
        c.end();
        return new FederationTerminationNotification(id, instant(root), providerId, name, null);
    }

    /**
     * The children of a request, past what precedes ProviderID: samlp:RespondWith* and ds:Signature? of SAML 1.1's
     * RequestAbstractType, then lib:Extension* (skipped; signatures are checked by {@link XmlSignatures}).
     */
    private static Elements requestChildren(Element root) throws LibertyException {
        Elements c = Elements.of(root);
        c.repeated(Liberty.SAMLP, "RespondWith");
        c.optional(Liberty.DS, "Signature");
        c.repeated(Liberty.LIB, "Extension");
        return c;
    }

    private static Element request(Document doc, String name, String id, Instant issueInstant) {
        Element root = doc.createElementNS(Liberty.LIB, name);
        doc.appendChild(root);
        declarePrefixes(root);
        root.setAttributeNS(null, REQUEST_ID, id);
        versions(root, issueInstant);
        return root;
    }

    private static void declarePrefixes(Element root) {
        String xmlns = "http://www.w3.org/2000/xmlns/";
        root.setAttributeNS(xmlns, "xmlns:lib", Liberty.LIB);
        root.setAttributeNS(xmlns, "xmlns:saml", Liberty.SAML);
        root.setAttributeNS(xmlns, "xmlns:samlp", Liberty.SAMLP);
    }

    private static void versions(Element root, Instant issueInstant) {
        root.setAttributeNS(null, "MajorVersion", Liberty.MAJOR_VERSION);
        root.setAttributeNS(null, "MinorVersion", Liberty.MINOR_VERSION);
        root.setAttributeNS(null, "IssueInstant", issueInstant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String versionsAndId(Element root, String idAttribute) throws LibertyException {
        if (!Liberty.MAJOR_VERSION.equals(attribute(root, "MajorVersion"))
                || !Liberty.MINOR_VERSION.equals(attribute(root, "MinorVersion"))) {
            throw new LibertyException(Reason.MALFORMED, "not an ID-FF 1.2 message (MajorVersion 1, MinorVersion 2)");
        }
        String id = attribute(root, idAttribute);
        if (id.isBlank()) {
            throw new LibertyException(Reason.MALFORMED, idAttribute + " is empty");
        }
        return id;
    }

    private static Instant instant(Element root) throws LibertyException {
        try {
            return Instant.parse(attribute(root, "IssueInstant"));
        } catch (DateTimeParseException e) {
            throw new LibertyException(Reason.MALFORMED, "IssueInstant is not a UTC dateTime");
        }
    }

    private static void nameIdentifier(Element parent, String namespace, String name, NameIdentifier id) {
        Element e = append(parent, namespace, name, id.value());
        if (id.nameQualifier() != null) {
            e.setAttributeNS(null, "NameQualifier", id.nameQualifier());
        }
        if (id.format() != null) {
            e.setAttributeNS(null, "Format", id.format());
        }
    }

    private static NameIdentifier nameIdentifier(Element e) throws LibertyException {
        return new NameIdentifier(text(e), optionalAttribute(e, "NameQualifier"), optionalAttribute(e, "Format"));
    }

    /** samlp:Status with nested samlp:StatusCode elements whose Value is a QName (SAML 1.1 clause 3.4.3). */
    private static void status(Element parent, Status status) {
        Element s = append(parent, Liberty.SAMLP, "samlp:Status", null);
        Element top = append(s, Liberty.SAMLP, "samlp:StatusCode", null);
        top.setAttributeNS(null, "Value", qname(status.code()));
        if (status.secondLevel() != null) {
            append(top, Liberty.SAMLP, "samlp:StatusCode", null).setAttributeNS(null, "Value",
                    qname(status.secondLevel()));
        }
    }

    private static Status status(Element e) throws LibertyException {
        List<QName> codes = new ArrayList<>();
        Element code = Elements.of(e).required(Liberty.SAMLP, "StatusCode");
        while (code != null && codes.size() < 3) {
            codes.add(resolve(code, attribute(code, "Value")));
            code = Elements.of(code).optional(Liberty.SAMLP, "StatusCode");
        }
        return new Status(codes.get(0), codes.size() > 1 ? codes.get(1) : null);
    }

    private static String qname(QName q) {
        return q.getPrefix() + ":" + q.getLocalPart();
    }

    private static QName resolve(Element context, String value) throws LibertyException {
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        String ns = context.lookupNamespaceURI(prefix);
        if (ns == null) {
            throw new LibertyException(Reason.MALFORMED, "status code " + value + " has an undeclared prefix");
        }
        return new QName(ns, value.substring(colon + 1), prefix == null ? "" : prefix);
    }
}
