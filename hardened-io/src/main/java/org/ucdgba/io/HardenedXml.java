package org.ucdgba.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the bundle reads XML from the network: the JDK's own namespace-aware DOM parser (never one found on
 * the class path) with DOCTYPE, external entities and XInclude refused and secure processing on, the size checked
 * before parsing and the nesting depth bounded while parsing (the JDK's {@code maxElementDepth}) and again,
 * without recursion, before the document is handed out. Every refusal is a {@link RefusedInput} with its reason.
 * Thread-safe. Building a JDK parser or serialiser costs far more than a small message (about 0.2 ms), so each
 * thread keeps the ones it has built ({@link XmlTools}) and resets them after every use: they hold no document, no
 * data of the bundle and no setting a caller could change.
 */
public final class HardenedXml {

    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private HardenedXml() {
    }

    /** Parses a document within the limits. */
    public static Document parse(byte[] xml, XmlLimits limits) {
        if (xml.length > limits.maxBytes()) {
            throw new RefusedInput(RefusedInput.Reason.TOO_LARGE,
                    "XML document larger than " + limits.maxBytes() + " octets");
        }
        Document doc;
        DocumentBuilder builder = XmlTools.current().parser(limits.maxDepth());
        try {
            builder.setErrorHandler(STRICT);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw refusal(String.valueOf(e.getMessage()), limits);
        } catch (IOException e) {
            throw new RefusedInput(RefusedInput.Reason.MALFORMED, "unreadable XML");
        } finally {
            builder.reset();
        }
        if (depth(doc.getDocumentElement(), limits.maxDepth()) > limits.maxDepth()) {
            throw new RefusedInput(RefusedInput.Reason.TOO_DEEP, "elements nested deeper than " + limits.maxDepth());
        }
        return doc;
    }

    /** A new, empty, namespace-aware document for building messages. */
    public static Document newDocument() {
        return XmlTools.current().builder().newDocument();
    }

    /** The node as UTF-8 text without reformatting, with an XML declaration unless {@code fragment}. */
    public static String serialize(Node node, boolean fragment) {
        Transformer t = XmlTools.current().serializer();
        try {
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, fragment ? "yes" : "no");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        } finally {
            t.reset();
        }
    }

    /**
     * The only child element with this namespace and local name, or null; {@link RefusedInput} (malformed) when
     * it is repeated.
     */
    public static Element child(Element parent, String namespace, String localName) {
        Element found = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                if (found != null) {
                    throw new RefusedInput(RefusedInput.Reason.MALFORMED, "element " + localName + " repeated");
                }
                found = e;
            }
        }
        return found;
    }

    /** The stripped text of the only such child element, or null when there is none. */
    public static String childText(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        return child == null ? null : child.getTextContent().strip();
    }

    private static RefusedInput refusal(String message, XmlLimits limits) {
        if (message.contains("JAXP00081") || message.contains("maxElementDepth")) {
            return new RefusedInput(RefusedInput.Reason.TOO_DEEP, "elements nested deeper than " + limits.maxDepth());
        }
        if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("ntit")
                || message.contains("JAXP000")) {
            return new RefusedInput(RefusedInput.Reason.FORBIDDEN_MARKUP, "DOCTYPE, entities and XInclude are refused");
        }
        return new RefusedInput(RefusedInput.Reason.MALFORMED, "not well-formed XML");
    }

    /** The depth of the deepest element, walked in document order without recursion, stopping past {@code stop}. */
    private static int depth(Element root, int stop) {
        int depth = 1;
        int max = 1;
        Node n = root;
        while (true) {
            Node child = firstElementChild(n);
            if (child != null) {
                depth++;
                if (depth > stop) {
                    return depth;
                }
                max = Math.max(max, depth);
                n = child;
                continue;
            }
            while (n != root && nextElementSibling(n) == null) {
                n = n.getParentNode();
                depth--;
            }
            if (n == root) {
                return max;
            }
            n = nextElementSibling(n);
        }
    }

    private static Node firstElementChild(Node n) {
        Node c = n.getFirstChild();
        while (c != null && c.getNodeType() != Node.ELEMENT_NODE) {
            c = c.getNextSibling();
        }
        return c;
    }

    private static Node nextElementSibling(Node n) {
        Node s = n.getNextSibling();
        while (s != null && s.getNodeType() != Node.ELEMENT_NODE) {
            s = s.getNextSibling();
        }
        return s;
    }

    /** The hardened parser factory; {@code maxDepth} bounds nesting while parsing, 0 for building documents. */
    static DocumentBuilderFactory factory(int maxDepth) throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        if (maxDepth > 0) {
            f.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(maxDepth));
        }
        return f;
    }
}
