package org.ucdgba.io;

import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;

/**
 * One thread's JDK XML parsers (one per depth bound, in practice two: the protocol and the metadata limits), its
 * document builder and its serialiser, built once with {@link HardenedXml}'s settings and reused; the caller
 * resets each after use. They hold no document between uses, so what a thread keeps is a few parser buffers
 * (tens of kilobytes a thread), for the thread's life.
 */
final class XmlTools {

    private static final ThreadLocal<XmlTools> PER_THREAD = ThreadLocal.withInitial(XmlTools::new);

    private final Map<Integer, DocumentBuilder> parsers = new HashMap<>(4);
    private DocumentBuilder builder;
    private Transformer serializer;

    private XmlTools() {
    }

    static XmlTools current() {
        return PER_THREAD.get();
    }

    /** The hardened parser bounding nesting to {@code maxDepth}. */
    DocumentBuilder parser(int maxDepth) {
        return parsers.computeIfAbsent(maxDepth, XmlTools::newParser);
    }

    /** A hardened builder of new documents. */
    DocumentBuilder builder() {
        if (builder == null) {
            builder = newParser(0);
        }
        return builder;
    }

    /** An identity transformer with secure processing on. */
    Transformer serializer() {
        if (serializer == null) {
            try {
                TransformerFactory tf = TransformerFactory.newDefaultInstance();
                tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                serializer = tf.newTransformer();
            } catch (TransformerConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
        return serializer;
    }

    private static DocumentBuilder newParser(int maxDepth) {
        try {
            return HardenedXml.factory(maxDepth).newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
