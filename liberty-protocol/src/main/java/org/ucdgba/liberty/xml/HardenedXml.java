package org.ucdgba.liberty.xml;

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
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way this library reads XML: a namespace-aware DOM parser with DOCTYPE, external entities and XInclude
 * refused and secure processing on, behind a size limit checked before parsing and a depth limit checked before
 * the document is used. A hostile document ends in {@link Reason#HOSTILE_XML}, a broken one in
 * {@link Reason#MALFORMED}. Stateless and thread-safe.
 */
public final class HardenedXml {

    /** Largest document accepted: ID-FF messages and metadata are a few kilobytes. */
    public static final int MAX_BYTES = 128 * 1024;
    /** Deepest element nesting accepted; a SOAP-wrapped signed message is about eight levels deep. */
    public static final int MAX_DEPTH = 32;

    private static final ErrorHandler SILENT = new ErrorHandler() {
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
    public static Document parse(byte[] xml) throws LibertyException {
        if (xml.length > MAX_BYTES) {
            throw new LibertyException(Reason.HOSTILE_XML, "document larger than " + MAX_BYTES + " octets");
        }
        Document doc;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            Reason reason = m.contains("DOCTYPE") || m.contains("ENTITY") || m.contains("entit")
                    ? Reason.HOSTILE_XML : Reason.MALFORMED;
            throw new LibertyException(reason, "not acceptable XML: " + m);
        } catch (IOException e) {
            throw new LibertyException(Reason.MALFORMED, "unreadable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        if (depth(doc.getDocumentElement(), 1) > MAX_DEPTH) {
            throw new LibertyException(Reason.HOSTILE_XML, "elements nested deeper than " + MAX_DEPTH);
        }
        return doc;
    }

    /** A new, empty, namespace-aware document. */
    public static Document newDocument() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as UTF-8 text without reformatting, with an XML declaration unless {@code fragment}. */
    public static String serialize(Node node, boolean fragment) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, fragment ? "yes" : "no");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int depth(Element e, int level) {
        int max = level;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                max = Math.max(max, depth(child, level + 1));
                if (max > MAX_DEPTH) {
                    return max;
                }
            }
        }
        return max;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
