package org.ucdgba.gba.core.xml;

/** A document refused by {@link SafeXml} or by a message reader: too big, a DTD, malformed, or not the message. */
public class XmlException extends RuntimeException {

    /** A refusal described for an operator. */
    public XmlException(String message) {
        super(message);
    }
}
