package org.ucdgba.liberty.xml;

import java.util.ArrayList;
import java.util.List;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Strict reading and plain writing of child elements, for message and metadata codecs: the children of an element
 * are read in schema order, so an element out of place, repeated or unknown is refused rather than skipped.
 */
public final class Elements {

    private final List<Element> children;
    private final String parent;
    private int next;

    private Elements(String parent, List<Element> children) {
        this.parent = parent;
        this.children = children;
    }

    /** A reader over the element children of {@code parent}; text between them is refused. */
    public static Elements of(Element parent) throws LibertyException {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                throw new LibertyException(Reason.MALFORMED, "text where " + parent.getLocalName() + " has elements");
            }
        }
        return new Elements(parent.getLocalName(), children);
    }

    /** The next child if it has this name, else null (an optional element that is absent). */
    public Element optional(String namespace, String localName) {
        if (next < children.size() && is(children.get(next), namespace, localName)) {
            return children.get(next++);
        }
        return null;
    }

    /** The next child, which must have this name. */
    public Element required(String namespace, String localName) throws LibertyException {
        Element e = optional(namespace, localName);
        if (e == null) {
            throw new LibertyException(Reason.MALFORMED, parent + " lacks " + localName + " at its place");
        }
        return e;
    }

    /** All the following children with this name (zero or more). */
    public List<Element> repeated(String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e = optional(namespace, localName); e != null; e = optional(namespace, localName)) {
            out.add(e);
        }
        return out;
    }

    /** Asserts that no child is left. */
    public void end() throws LibertyException {
        if (next < children.size()) {
            throw new LibertyException(Reason.MALFORMED, "unexpected " + children.get(next).getLocalName() + " in "
                    + parent);
        }
    }

    /** Whether an element has this namespace and local name. */
    public static boolean is(Element e, String namespace, String localName) {
        return localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI());
    }

    /** The text of a simple element, which must not be empty and must not contain elements. */
    public static String text(Element e) throws LibertyException {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                throw new LibertyException(Reason.MALFORMED, e.getLocalName() + " must hold text only");
            }
        }
        String t = e.getTextContent().strip();
        if (t.isEmpty()) {
            throw new LibertyException(Reason.MALFORMED, e.getLocalName() + " is empty");
        }
        return t;
    }

    /** A required attribute. */
    public static String attribute(Element e, String name) throws LibertyException {
        if (!e.hasAttributeNS(null, name)) {
            throw new LibertyException(Reason.MALFORMED, e.getLocalName() + " lacks attribute " + name);
        }
        return e.getAttributeNS(null, name);
    }

    /** An optional attribute, or null. */
    public static String optionalAttribute(Element e, String name) {
        return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
    }

    /** Appends a child element with a prefix and optional text. */
    public static Element append(Element parent, String namespace, String qualifiedName, String text) {
        Document doc = parent.getOwnerDocument();
        Element e = doc.createElementNS(namespace, qualifiedName);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
