package org.ucdgba.liberty;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.xml.Elements;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Enveloped XML signatures of ID-FF messages (Bindings and Profiles clause 3.1.3, on XML Signature): the
 * ds:Signature is a child of the message element at the place the schema gives it, its one Reference points to
 * the message's RequestID or ResponseID, with the enveloped-signature and exclusive canonicalisation transforms.
 *
 * <p>Verification trusts only the partner's configured key: a certificate carried in the message is compared with
 * the registered one and otherwise ignored. It accepts exactly one signature in the whole document, a direct child
 * of the message element, covering that element by its ID, so the element verified is the element processed (no
 * signature wrapping). Stateless and thread-safe (Apache Santuario with secure validation).
 */
public final class XmlSignatures {

    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    static {
        // Base64 without line breaks (and so without &#13; in documents), as Keycloak's own SAML code sets it.
        if (System.getProperty("org.apache.xml.security.ignoreLineBreaks") == null) {
            System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        }
        Init.init();
    }

    private XmlSignatures() {
    }

    /** Signs the message element of {@code doc} in place. */
    public static void sign(Document doc, ProviderKeys keys, SignatureAlgorithm algorithm) throws LibertyException {
        Element root = doc.getDocumentElement();
        String idName = MessageXml.idAttribute(root);
        root.setIdAttributeNS(null, idName, true);
        try {
            XMLSignature signature = new XMLSignature(doc, null, algorithm.uri(),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            root.insertBefore(signature.getElement(), signaturePlace(root));
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + root.getAttributeNS(null, idName), transforms, algorithm.digestUri());
            signature.addKeyInfo(keys.certificate());
            signature.sign(keys.privateKey());
        } catch (XMLSecurityException e) {
            throw new LibertyException(Reason.NOT_CONFIGURED, "cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the signature of {@code root} with the partner's certificate under its policy; returns the algorithm
     * used. Throws when the message is unsigned, signed more than once, signed elsewhere, or does not verify.
     */
    public static SignatureAlgorithm verify(Element root, X509Certificate partner, SignaturePolicy policy)
            throws LibertyException {
        NodeList all = root.getOwnerDocument().getElementsByTagNameNS(Liberty.DS, "Signature");
        if (all.getLength() == 0) {
            throw new LibertyException(Reason.SIGNATURE_MISSING, root.getLocalName() + " is not signed");
        }
        if (all.getLength() > 1) {
            throw new LibertyException(Reason.SIGNATURE_MISPLACED, "more than one ds:Signature in the document");
        }
        Element sigElement = (Element) all.item(0);
        if (sigElement.getParentNode() != root) {
            throw new LibertyException(Reason.SIGNATURE_MISPLACED, "the ds:Signature is not a child of the message");
        }
        String idName = MessageXml.idAttribute(root);
        String id = root.getAttributeNS(null, idName);
        if (id.isEmpty()) {
            throw new LibertyException(Reason.MALFORMED, root.getLocalName() + " lacks its " + idName);
        }
        root.setIdAttributeNS(null, idName, true);
        try {
            XMLSignature signature = new XMLSignature(sigElement, null, true);
            SignedInfo signedInfo = signature.getSignedInfo();
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromUri(signedInfo.getSignatureMethodURI());
            if (!policy.accepts(algorithm)) {
                throw new LibertyException(Reason.ALGORITHM_NOT_ALLOWED, "signature algorithm "
                        + signedInfo.getSignatureMethodURI() + " is not accepted from this partner");
            }
            if (signedInfo.getLength() != 1) {
                throw new LibertyException(Reason.SIGNATURE_MISPLACED, "the signature must have one Reference");
            }
            Reference reference = signedInfo.item(0);
            if (!("#" + id).equals(reference.getURI())) {
                throw new LibertyException(Reason.SIGNATURE_MISPLACED, "the signature does not reference the message "
                        + idName);
            }
            String digest = reference.getMessageDigestAlgorithm() == null ? null
                    : reference.getMessageDigestAlgorithm().getAlgorithmURI();
            boolean legacyDigest = policy.accepts(SignatureAlgorithm.RSA_SHA1)
                    && SignatureAlgorithm.RSA_SHA1.digestUri().equals(digest);
            if (!algorithm.digestUri().equals(digest) && !legacyDigest) {
                throw new LibertyException(Reason.ALGORITHM_NOT_ALLOWED, "digest algorithm " + digest
                        + " is not accepted");
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                Transform t = transforms.item(i);
                if (!ALLOWED_TRANSFORMS.contains(t.getURI())) {
                    throw new LibertyException(Reason.SIGNATURE_MISPLACED, "transform " + t.getURI() + " not allowed");
                }
            }
            checkCarriedCertificate(signature.getKeyInfo(), partner);
            PublicKey key = partner.getPublicKey();
            if (!signature.checkSignatureValue(key)) {
                throw new LibertyException(Reason.SIGNATURE_INVALID,
                        "the signature does not verify with the partner's registered key");
            }
            return algorithm;
        } catch (XMLSecurityException | DOMException | IllegalArgumentException e) {
            throw new LibertyException(Reason.SIGNATURE_INVALID, "the signature cannot be verified: "
                    + e.getMessage());
        }
    }

    /** A certificate in KeyInfo is never trusted; if present it must be the registered one. */
    private static void checkCarriedCertificate(KeyInfo keyInfo, X509Certificate registered)
            throws XMLSecurityException, LibertyException {
        if (keyInfo == null || !keyInfo.containsX509Data()) {
            return;
        }
        X509Certificate carried = keyInfo.getX509Certificate();
        if (carried != null && !carried.equals(registered)) {
            throw new LibertyException(Reason.SIGNATURE_INVALID,
                    "the certificate in the message is not the partner's registered certificate");
        }
    }

    /**
     * Where ds:Signature goes: after any samlp:RespondWith of a request, first in a response
     * (RequestAbstractType and ResponseAbstractType of SAML 1.1).
     */
    private static Node signaturePlace(Element root) {
        Node n = root.getFirstChild();
        while (n != null && (!(n instanceof Element e) || Elements.is(e, Liberty.SAMLP, "RespondWith"))) {
            n = n.getNextSibling();
        }
        return n;
    }
}
