package org.ucdgba.gba.core.zn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.io.RefusedInput;
import org.ucdgba.io.XmlLimits;
import org.ucdgba.gba.core.xml.XmlException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP 1.1 messages of the Zn Web Services binding (TS 29.109 clause 5.3, Annex D): the operation
 * {@code requestBootstrappingInfo} with request {@code btid}, {@code nafid} (base64 of NAF_Id), {@code gbaUAware},
 * and a response with {@code impi}, {@code meKeyMaterial}, {@code uiccKeyMaterial} (base64),
 * {@code bootstrappingInfoCreationTime}, {@code keyExpiryTime} and the USS user identities; failures are SOAP faults
 * whose {@code faultstring} starts with the {@link ZnException.Reason}. Writing and reading live here together so
 * that the BSF and the NAF cannot drift apart. Stateless and thread-safe.
 */
public final class ZnSoap {

    /** The SOAP 1.1 envelope namespace. */
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The namespace of the Zn messages. See docs/decisions for why this one. */
    public static final String NS = "http://www.3gpp.org/GBAService";
    /** The SOAPAction of the operation. */
    public static final String SOAP_ACTION = NS + "/requestBootstrappingInfo";
    /** The content type of SOAP 1.1. */
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** The SOAP 1.2 media type, also taken on receipt from NAFs that label SOAP 1.1 envelopes with it. */
    public static final String SOAP12_MEDIA_TYPE = "application/soap+xml";
    private static final int MAX_BYTES = 64 * 1024;
    private static final XmlLimits LIMITS = new XmlLimits(MAX_BYTES, 16);

    private ZnSoap() {
    }

    /** The request envelope. */
    public static String writeRequest(ZnRequest request) {
        Document doc = HardenedXml.newDocument();
        Element op = body(doc, "requestBootstrappingInfoRequest");
        add(op, "btid", request.btid().value());
        add(op, "nafid", Base64.getEncoder().encodeToString(request.nafId().octets()));
        add(op, "gbaUAware", Boolean.toString(request.gbaUAware()));
        return HardenedXml.serialize(doc, false);
    }

    /** Reads a request envelope; {@link XmlException} names what is wrong. */
    public static ZnRequest readRequest(byte[] xml) {
        Element op = operation(xml, "requestBootstrappingInfoRequest");
        try {
            BTid btid = new BTid(required(op, "btid"));
            byte[] nafId = Base64.getDecoder().decode(required(op, "nafid"));
            if (nafId.length <= 5) {
                throw new XmlException("nafid too short");
            }
            String fqdn = new String(nafId, 0, nafId.length - 5, StandardCharsets.UTF_8);
            byte[] protocol = new byte[5];
            System.arraycopy(nafId, nafId.length - 5, protocol, 0, 5);
            String aware = HardenedXml.childText(op, NS, "gbaUAware");
            return new ZnRequest(btid,
                    new NafId(fqdn, UaSecurityProtocolId.of(Hex.encode(protocol))),
                    aware != null && Boolean.parseBoolean(aware));
        } catch (IllegalArgumentException e) {
            throw new XmlException("unusable Zn request: " + e.getMessage());
        }
    }

    /** The response envelope. */
    public static String writeAnswer(ZnAnswer answer) {
        Document doc = HardenedXml.newDocument();
        Element op = body(doc, "requestBootstrappingInfoResponse");
        add(op, "impi", answer.impi());
        add(op, "meKeyMaterial", Base64.getEncoder().encodeToString(answer.meKeyMaterial()));
        if (answer.uiccKeyMaterial() != null) {
            add(op, "uiccKeyMaterial", Base64.getEncoder().encodeToString(answer.uiccKeyMaterial()));
        }
        add(op, "bootstrappingInfoCreationTime", answer.creationTime().truncatedTo(ChronoUnit.SECONDS).toString());
        add(op, "keyExpiryTime", answer.keyExpiryTime().truncatedTo(ChronoUnit.SECONDS).toString());
        Element uss = add(add(op, "ussList", null), "uss", null);
        Element uids = add(uss, "uids", null);
        answer.impus().forEach(impu -> add(uids, "uid", impu));
        return HardenedXml.serialize(doc, false);
    }

    /** Reads a response envelope, or throws the {@link ZnException} its SOAP fault carries. */
    public static ZnAnswer readAnswer(byte[] xml) throws ZnException {
        try {
            Element body = body(xml);
            Element fault = HardenedXml.child(body, SOAP_NS, "Fault");
            if (fault != null) {
                throw fault(fault);
            }
            Element op = HardenedXml.child(body, NS, "requestBootstrappingInfoResponse");
            if (op == null) {
                throw new XmlException("not a requestBootstrappingInfoResponse");
            }
            String uicc = HardenedXml.childText(op, NS, "uiccKeyMaterial");
            List<String> impus = new ArrayList<>();
            Element ussList = HardenedXml.child(op, NS, "ussList");
            if (ussList != null) {
                for (Node n = ussList.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element uss && "uss".equals(uss.getLocalName())) {
                        Element uids = HardenedXml.child(uss, NS, "uids");
                        for (Node u = uids == null ? null : uids.getFirstChild(); u != null; u = u.getNextSibling()) {
                            if (u instanceof Element uid && "uid".equals(uid.getLocalName())) {
                                impus.add(uid.getTextContent().strip());
                            }
                        }
                    }
                }
            }
            byte[] me = Base64.getDecoder().decode(required(op, "meKeyMaterial"));
            if (me.length != 32) {
                throw new XmlException("meKeyMaterial is not 32 octets");
            }
            return new ZnAnswer(required(op, "impi"), me, uicc == null ? null : Base64.getDecoder().decode(uicc),
                    Instant.parse(required(op, "bootstrappingInfoCreationTime")),
                    Instant.parse(required(op, "keyExpiryTime")), impus);
        } catch (RefusedInput | IllegalArgumentException | DateTimeParseException e) {
            throw new ZnException(ZnException.Reason.PROTOCOL, "unusable Zn answer: " + e.getMessage());
        }
    }

    /** A SOAP fault: Client faults for the NAF's mistakes, Server faults for the BSF's. */
    public static String writeFault(ZnException.Reason reason, String message) {
        Document doc = HardenedXml.newDocument();
        Element envelope = doc.createElementNS(SOAP_NS, "soap:Envelope");
        doc.appendChild(envelope);
        Element body = doc.createElementNS(SOAP_NS, "soap:Body");
        envelope.appendChild(body);
        Element fault = doc.createElementNS(SOAP_NS, "soap:Fault");
        body.appendChild(fault);
        Element code = doc.createElementNS(null, "faultcode");
        code.setTextContent(reason == ZnException.Reason.UNAVAILABLE ? "soap:Server" : "soap:Client");
        fault.appendChild(code);
        Element string = doc.createElementNS(null, "faultstring");
        string.setTextContent(reason.name() + ": " + message);
        fault.appendChild(string);
        return HardenedXml.serialize(doc, false);
    }

    private static ZnException fault(Element fault) {
        String text = null;
        for (Node n = fault.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "faultstring".equals(e.getLocalName())) {
                text = e.getTextContent().strip();
            }
        }
        if (text == null) {
            return new ZnException(ZnException.Reason.PROTOCOL, "SOAP fault without faultstring");
        }
        for (ZnException.Reason r : ZnException.Reason.values()) {
            if (text.startsWith(r.name() + ":")) {
                return new ZnException(r, text.substring(r.name().length() + 1).strip());
            }
        }
        return new ZnException(ZnException.Reason.PROTOCOL, "BSF fault: " + text);
    }

    private static Element body(Document doc, String operation) {
        Element envelope = doc.createElementNS(SOAP_NS, "soap:Envelope");
        doc.appendChild(envelope);
        Element body = doc.createElementNS(SOAP_NS, "soap:Body");
        envelope.appendChild(body);
        Element op = doc.createElementNS(NS, "gba:" + operation);
        body.appendChild(op);
        return op;
    }

    private static Element body(byte[] xml) {
        Element envelope = HardenedXml.parse(xml, LIMITS).getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP_NS.equals(envelope.getNamespaceURI())) {
            throw new XmlException("not a SOAP 1.1 envelope");
        }
        Element body = HardenedXml.child(envelope, SOAP_NS, "Body");
        if (body == null) {
            throw new XmlException("SOAP envelope without Body");
        }
        return body;
    }

    private static Element operation(byte[] xml, String name) {
        Element op = HardenedXml.child(body(xml), NS, name);
        if (op == null) {
            throw new XmlException("SOAP body does not hold " + name);
        }
        return op;
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NS, "gba:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static String required(Element parent, String name) {
        String v = HardenedXml.childText(parent, NS, name);
        if (v == null || v.isEmpty()) {
            throw new XmlException("missing " + name);
        }
        return v;
    }
}
