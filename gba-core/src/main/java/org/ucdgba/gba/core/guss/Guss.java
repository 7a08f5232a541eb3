package org.ucdgba.gba.core.guss;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.io.XmlLimits;
import org.ucdgba.gba.core.xml.XmlException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GBA User Security Settings, the XML document of TS 29.109 Annex A that the HSS gives the BSF on Zh and the BSF
 * passes, per NAF group, on Zn: the subscriber's IMPI, the BSF information (UICC type, key lifetime) and the list
 * of USSs. Written in the Release 9 namespace {@value #NAMESPACE}; read in that namespace or in none, as deployed
 * HSSs send both. Unknown elements (such as {@code Extension}) are ignored. Immutable.
 *
 * @param impi            the subscriber's private identity (attribute {@code id})
 * @param uiccType        "GBA" or "GBA_U", or null when not given
 * @param lifetimeSeconds the key lifetime the HSS asks for, or null
 * @param ussList         the user security settings
 */
public record Guss(String impi, String uiccType, Long lifetimeSeconds, List<Uss> ussList) {

    /** The Annex A namespace of Release 9 onwards. */
    public static final String NAMESPACE = "urn:3gpp:gba:GBAGUSSSchema-R9:2010-02";
    private static final int MAX_BYTES = 64 * 1024;
    private static final XmlLimits LIMITS = new XmlLimits(MAX_BYTES, 16);

    public Guss {
        Objects.requireNonNull(impi, "impi");
        if (lifetimeSeconds != null && lifetimeSeconds <= 0) {
            throw new IllegalArgumentException("GUSS lifeTime must be positive");
        }
        ussList = List.copyOf(ussList);
    }

    /** The USSs that apply to a NAF group: those of that group and those of no group. */
    public List<Uss> ussFor(String nafGroup) {
        return ussList.stream().filter(u -> u.nafGroup() == null || u.nafGroup().equals(nafGroup)).toList();
    }

    /** The distinct uids of the USSs that apply to a NAF group, in document order. */
    public List<String> uidsFor(String nafGroup) {
        LinkedHashSet<String> uids = new LinkedHashSet<>();
        ussFor(nafGroup).forEach(u -> uids.addAll(u.uids()));
        return List.copyOf(uids);
    }

    /** Reads a GUSS document; an {@link XmlException} says what is wrong. */
    public static Guss parse(String xml) {
        Element root = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8), LIMITS).getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"guss".equals(root.getLocalName()) || !(ns == null || NAMESPACE.equals(ns))) {
            throw new XmlException("not a GUSS document (TS 29.109 Annex A)");
        }
        String impi = root.getAttribute("id");
        if (impi.isEmpty()) {
            throw new XmlException("GUSS without id (IMPI)");
        }
        Element bsfInfo = child(root, "bsfInfo");
        String uiccType = bsfInfo == null ? null : text(bsfInfo, "uiccType");
        String lifetime = bsfInfo == null ? null : text(bsfInfo, "lifeTime");
        List<Uss> ussList = new ArrayList<>();
        Element list = child(root, "ussList");
        for (Element uss : list == null ? List.<Element>of() : children(list, "uss")) {
            Element uids = child(uss, "uids");
            Element flags = child(uss, "flags");
            try {
                ussList.add(new Uss(uss.getAttribute("id"), Integer.parseInt(uss.getAttribute("type")),
                        uss.hasAttribute("nafGroup") ? uss.getAttribute("nafGroup") : null,
                        uids == null ? List.of() : children(uids, "uid").stream()
                                .map(e -> e.getTextContent().strip()).toList(),
                        flags == null ? List.of() : children(flags, "flag").stream()
                                .map(e -> Integer.parseInt(e.getTextContent().strip())).toList()));
            } catch (IllegalArgumentException e) {
                throw new XmlException("unusable uss element: " + e.getMessage());
            }
        }
        try {
            return new Guss(impi, uiccType, lifetime == null ? null : Long.parseLong(lifetime), ussList);
        } catch (IllegalArgumentException e) {
            throw new XmlException("GUSS lifeTime is not a positive number of seconds");
        }
    }

    /** The document in the Release 9 namespace. */
    public String toXml() {
        Document doc = HardenedXml.newDocument();
        Element root = doc.createElementNS(NAMESPACE, "guss");
        root.setAttribute("id", impi);
        doc.appendChild(root);
        if (uiccType != null || lifetimeSeconds != null) {
            Element bsfInfo = add(root, "bsfInfo", null);
            if (uiccType != null) {
                add(bsfInfo, "uiccType", uiccType);
            }
            if (lifetimeSeconds != null) {
                add(bsfInfo, "lifeTime", Long.toString(lifetimeSeconds));
            }
        }
        Element list = add(root, "ussList", null);
        for (Uss u : ussList) {
            Element uss = add(list, "uss", null);
            uss.setAttribute("id", u.id());
            uss.setAttribute("type", Integer.toString(u.type()));
            if (u.nafGroup() != null) {
                uss.setAttribute("nafGroup", u.nafGroup());
            }
            Element uids = add(uss, "uids", null);
            u.uids().forEach(uid -> add(uids, "uid", uid));
            if (!u.flags().isEmpty()) {
                Element flags = add(uss, "flags", null);
                u.flags().forEach(f -> add(flags, "flag", Integer.toString(f)));
            }
        }
        return HardenedXml.serialize(doc, false);
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.size() > 1) {
            throw new XmlException("element " + localName + " repeated");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && Objects.equals(e.getNamespaceURI(), parent.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}
