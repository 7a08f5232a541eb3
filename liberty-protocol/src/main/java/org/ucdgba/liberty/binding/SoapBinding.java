package org.ucdgba.liberty.binding;

import java.security.cert.X509Certificate;
import org.ucdgba.liberty.Liberty;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.MessageXml;
import org.ucdgba.liberty.XmlSignatures;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.xml.Elements;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP profile's message form (Bindings and Profiles clause 3.2): the signed message is the one child of a
 * SOAP 1.1 Body. Reading refuses SOAP headers that must be understood, a Body with anything but one element, and
 * checks the enveloped signature before the message is read. Stateless and thread-safe.
 */
public final class SoapBinding {

    /** Content type of SOAP 1.1 requests and responses. */
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** The SOAP 1.2 media type, also taken on receipt from peers that label SOAP 1.1 envelopes with it. */
    public static final String SOAP12_MEDIA_TYPE = "application/soap+xml";

    private SoapBinding() {
    }

    /** The SOAP envelope of a message, signed with {@code keys}. */
    public static String encode(LibertyMessage message, ProviderKeys keys, SignatureAlgorithm algorithm)
            throws LibertyException {
        Document signed = MessageXml.write(message);
        XmlSignatures.sign(signed, keys, algorithm);
        Document soap = HardenedXml.newDocument();
        Element envelope = soap.createElementNS(Liberty.SOAP_ENV, "soap-env:Envelope");
        soap.appendChild(envelope);
        Element body = Elements.append(envelope, Liberty.SOAP_ENV, "soap-env:Body", null);
        body.appendChild(soap.importNode(signed.getDocumentElement(), true));
        return HardenedXml.serialize(soap, false);
    }

    /** Verifies and reads the message of a SOAP envelope from a partner. */
    public static LibertyMessage decode(byte[] envelope, X509Certificate partner, SignaturePolicy policy)
            throws LibertyException {
        return parse(envelope).verifyAndRead(partner, policy);
    }

    /** Parses an envelope once, so that its sender can be looked up before its signature is checked. */
    public static Incoming parse(byte[] envelope) throws LibertyException {
        return new Incoming(messageElement(envelope));
    }

    /** A parsed, not yet verified, SOAP message. */
    public static final class Incoming {

        private final Element message;

        private Incoming(Element message) {
            this.message = message;
        }

        /**
         * The ProviderID of the message, to find the partner whose key verifies it. Nothing else of the unverified
         * message is read.
         */
        public String sender() throws LibertyException {
            for (Node n = message.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && Elements.is(e, Liberty.LIB, "ProviderID")) {
                    return Elements.text(e);
                }
            }
            throw new LibertyException(Reason.MALFORMED, message.getLocalName() + " lacks ProviderID");
        }

        /** Verifies the signature with the partner's certificate under its policy, then reads the message. */
        public LibertyMessage verifyAndRead(X509Certificate partner, SignaturePolicy policy)
                throws LibertyException {
            XmlSignatures.verify(message, partner, policy);
            return MessageXml.read(message);
        }
    }

    private static Element messageElement(byte[] envelope) throws LibertyException {
        Element root = LibertyXml.parse(envelope).getDocumentElement();
        if (!Elements.is(root, Liberty.SOAP_ENV, "Envelope")) {
            throw new LibertyException(Reason.MALFORMED, "not a SOAP 1.1 envelope");
        }
        Elements parts = Elements.of(root);
        Element header = parts.optional(Liberty.SOAP_ENV, "Header");
        Element body = parts.required(Liberty.SOAP_ENV, "Body");
        parts.end();
        if (header != null) {
            for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element h && "1".equals(h.getAttributeNS(Liberty.SOAP_ENV, "mustUnderstand"))) {
                    throw new LibertyException(Reason.MALFORMED, "SOAP header " + h.getLocalName()
                            + " must be understood but is not supported");
                }
            }
        }
        Elements.of(body);
        Element message = null;
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (message != null) {
                    throw new LibertyException(Reason.MALFORMED, "the SOAP Body holds more than one element");
                }
                message = e;
            }
        }
        if (message == null) {
            throw new LibertyException(Reason.MALFORMED, "the SOAP Body is empty");
        }
        return message;
    }
}
