package org.ucdgba.liberty.metadata;

import static org.ucdgba.liberty.xml.Elements.append;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ucdgba.liberty.Liberty;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.xml.Elements;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads and writes ID-FF 1.2 metadata (urn:liberty:metadata:2003-08): one EntityDescriptor with one SPDescriptor
 * or IDPDescriptor. Writing follows the schema's element order; reading takes the elements this library uses by
 * name, as deployed implementations do not all keep the order, and refuses repeated single-valued elements and
 * missing or unusable signing keys. Stateless and thread-safe.
 */
public final class MetadataXml {

    private static final String PROTOCOL_SUPPORT = "urn:liberty:iff:2003-08";

    private MetadataXml() {
    }

    /** The metadata document of a provider. */
    public static String write(ProviderMetadata m) {
        Document doc = HardenedXml.newDocument();
        Element entity = doc.createElementNS(Liberty.MD, "md:EntityDescriptor");
        doc.appendChild(entity);
        entity.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Liberty.DS);
        entity.setAttributeNS(null, "providerID", m.providerId());
        Element d = append(entity, Liberty.MD, m.role() == ProviderMetadata.Role.SP ? "md:SPDescriptor"
                : "md:IDPDescriptor", null);
        d.setAttributeNS(null, "protocolSupportEnumeration", PROTOCOL_SUPPORT);
        Element key = append(d, Liberty.MD, "md:KeyDescriptor", null);
        key.setAttributeNS(null, "use", "signing");
        Element x509 = append(append(key, Liberty.DS, "ds:KeyInfo", null), Liberty.DS, "ds:X509Data", null);
        try {
            append(x509, Liberty.DS, "ds:X509Certificate",
                    Base64.getEncoder().encodeToString(m.signingCertificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        optional(d, "md:SoapEndpoint", m.soapEndpoint());
        optional(d, "md:FederationTerminationServiceURL", m.federationTerminationUrl());
        optional(d, "md:FederationTerminationServiceReturnURL", m.federationTerminationReturnUrl());
        m.federationTerminationProfiles().forEach(p ->
                append(d, Liberty.MD, "md:FederationTerminationNotificationProtocolProfile", p));
        m.registerNameIdentifierProfiles().forEach(p ->
                append(d, Liberty.MD, "md:RegisterNameIdentifierProtocolProfile", p));
        optional(d, "md:RegisterNameIdentifierServiceURL", m.registerNameIdentifierUrl());
        optional(d, "md:RegisterNameIdentifierServiceReturnURL", m.registerNameIdentifierReturnUrl());
        if (m.role() == ProviderMetadata.Role.SP && m.assertionConsumerServiceUrl() != null) {
            Element acs = append(d, Liberty.MD, "md:AssertionConsumerServiceURL", m.assertionConsumerServiceUrl());
            acs.setAttributeNS(null, "id", "1");
            acs.setAttributeNS(null, "isDefault", "true");
            append(d, Liberty.MD, "md:AuthnRequestsSigned", "true");
        }
        if (m.role() == ProviderMetadata.Role.IDP && m.singleSignOnServiceUrl() != null) {
            append(d, Liberty.MD, "md:SingleSignOnServiceURL", m.singleSignOnServiceUrl());
        }
        return HardenedXml.serialize(doc, false);
    }

    /** Reads a metadata document. */
    public static ProviderMetadata read(byte[] xml) throws LibertyException {
        Element entity = LibertyXml.parse(xml).getDocumentElement();
        if (!Elements.is(entity, Liberty.MD, "EntityDescriptor")) {
            throw new LibertyException(Reason.MALFORMED, "not ID-FF 1.2 metadata (md:EntityDescriptor)");
        }
        String providerId = entity.getAttributeNS(null, "providerID");
        if (providerId.isBlank()) {
            throw new LibertyException(Reason.MALFORMED, "EntityDescriptor lacks providerID");
        }
        List<Element> sp = children(entity, "SPDescriptor");
        List<Element> idp = children(entity, "IDPDescriptor");
        if (sp.size() + idp.size() != 1) {
            throw new LibertyException(Reason.MALFORMED, "metadata must hold exactly one SPDescriptor or "
                    + "IDPDescriptor");
        }
        ProviderMetadata.Role role = sp.isEmpty() ? ProviderMetadata.Role.IDP : ProviderMetadata.Role.SP;
        Element d = sp.isEmpty() ? idp.get(0) : sp.get(0);
        if (!d.getAttributeNS(null, "protocolSupportEnumeration").contains(PROTOCOL_SUPPORT)) {
            throw new LibertyException(Reason.MALFORMED, "the descriptor does not support " + PROTOCOL_SUPPORT);
        }
        return new ProviderMetadata(providerId, role, signingCertificate(d), single(d, "SoapEndpoint"),
                single(d, "FederationTerminationServiceURL"), single(d, "FederationTerminationServiceReturnURL"),
                texts(d, "FederationTerminationNotificationProtocolProfile"),
                texts(d, "RegisterNameIdentifierProtocolProfile"), single(d, "RegisterNameIdentifierServiceURL"),
                single(d, "RegisterNameIdentifierServiceReturnURL"), single(d, "AssertionConsumerServiceURL"),
                single(d, "SingleSignOnServiceURL"));
    }

    private static X509Certificate signingCertificate(Element descriptor) throws LibertyException {
        X509Certificate found = null;
        for (Element key : children(descriptor, "KeyDescriptor")) {
            String use = key.getAttributeNS(null, "use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            var certs = key.getElementsByTagNameNS(Liberty.DS, "X509Certificate");
            if (certs.getLength() != 1 || found != null) {
                throw new LibertyException(Reason.MALFORMED, "metadata must carry exactly one signing certificate");
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(certs.item(0).getTextContent());
                found = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new LibertyException(Reason.MALFORMED, "unusable signing certificate in metadata");
            }
        }
        if (found == null) {
            throw new LibertyException(Reason.NOT_CONFIGURED, "metadata carries no signing certificate");
        }
        return found;
    }

    /** A single-valued element; those named ...URL or SoapEndpoint must be absolute http(s) URLs. */
    private static String single(Element parent, String name) throws LibertyException {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw new LibertyException(Reason.MALFORMED, name + " repeated in metadata");
        }
        String value = found.isEmpty() ? null : Elements.text(found.get(0));
        if (value != null && (name.endsWith("URL") || name.equals("SoapEndpoint"))) {
            try {
                URI uri = new URI(value);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(value, "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new LibertyException(Reason.MALFORMED, name + " in metadata is not an absolute http(s) URL");
            }
        }
        return value;
    }

    private static List<String> texts(Element parent, String name) throws LibertyException {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, name)) {
            out.add(Elements.text(e));
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Elements.is(e, Liberty.MD, name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static void optional(Element parent, String name, String text) {
        if (text != null) {
            append(parent, Liberty.MD, name, text);
        }
    }
}
