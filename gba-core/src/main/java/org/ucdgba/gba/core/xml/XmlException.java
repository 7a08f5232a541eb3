package org.ucdgba.gba.core.xml;

import org.ucdgba.io.RefusedInput;

/**
 * A well-formed document that is not the message a reader expects, or lacks what it needs. Documents refused by
 * the parser itself (too big, too deep, a DTD, not XML) arrive as the {@link RefusedInput} this extends, so one
 * {@code catch (RefusedInput e)} covers both.
 */
public class XmlException extends RefusedInput {

    /** A refusal described for an operator. */
    public XmlException(String message) {
        super(Reason.MALFORMED, message);
    }
}
