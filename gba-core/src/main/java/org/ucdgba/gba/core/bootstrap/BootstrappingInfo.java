package org.ucdgba.gba.core.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.io.XmlLimits;
import org.ucdgba.gba.core.xml.XmlException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The body of the BSF's 200 OK on Ub, media type {@value #MEDIA_TYPE} (TS 24.109 Annex C): the B-TID and the key
 * lifetime, an xs:dateTime in UTC at which the bootstrapped key expires.
 *
 * @param btid     the bootstrapping transaction identifier
 * @param lifetime the expiry time of Ks
 */
public record BootstrappingInfo(BTid btid, Instant lifetime) {

    /** The media type registered for this document. */
    public static final String MEDIA_TYPE = "application/vnd.3gpp.bsf+xml";
    /** The namespace of TS 24.109 Annex C (note: "uri:", not "urn:"). */
    public static final String NAMESPACE = "uri:3gpp-gba";
    private static final int MAX_BYTES = 16 * 1024;
    private static final XmlLimits LIMITS = new XmlLimits(MAX_BYTES, 8);

    /** The XML document, lifetime truncated to seconds. */
    public String toXml() {
        Document doc = HardenedXml.newDocument();
        Element root = doc.createElementNS(NAMESPACE, "BootstrappingInfo");
        doc.appendChild(root);
        Element b = doc.createElementNS(NAMESPACE, "btid");
        b.setTextContent(btid.value());
        root.appendChild(b);
        Element l = doc.createElementNS(NAMESPACE, "lifetime");
        l.setTextContent(lifetime.truncatedTo(ChronoUnit.SECONDS).toString());
        root.appendChild(l);
        return HardenedXml.serialize(doc, false);
    }

    /** Reads the document; unknown elements are ignored as Annex C asks, a missing btid or lifetime is refused. */
    public static BootstrappingInfo parse(byte[] xml) {
        Element root = HardenedXml.parse(xml, LIMITS).getDocumentElement();
        if (!"BootstrappingInfo".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new XmlException("not a BootstrappingInfo document");
        }
        String btid = HardenedXml.childText(root, NAMESPACE, "btid");
        String lifetime = HardenedXml.childText(root, NAMESPACE, "lifetime");
        if (btid == null || lifetime == null) {
            throw new XmlException("BootstrappingInfo lacks btid or lifetime");
        }
        try {
            return new BootstrappingInfo(new BTid(btid), Instant.parse(lifetime));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new XmlException("BootstrappingInfo has an unusable btid or lifetime");
        }
    }

    /** Convenience for text bodies. */
    public static BootstrappingInfo parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
