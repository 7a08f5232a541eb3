#!/usr/bin/python3
"""An ID-FF 1.2 peer made of Lasso (Entr'ouvert's library, Debian package python3-lasso), for LassoIT.

It plays one provider, a service provider (a Slave UCD server) or an identity provider (a Master UCD server),
for one principal, over real HTTP on 127.0.0.1. Lasso does all the ID-FF work: building, signing, sending,
verifying and validating every message; this file only carries messages between Lasso and HTTP and keeps the
principal's Lasso identity (its federation) between requests.

Protocol endpoints (named in its metadata, for the partner):
  GET  /metadata         its ID-FF metadata (an EntityDescriptor of its own making)
  GET  /rni              a RegisterNameIdentifierRequest by HTTP-Redirect; answered by redirect
  GET  /rni-return       the partner's RegisterNameIdentifierResponse by HTTP-Redirect
  GET  /fedterm          a FederationTerminationNotification by HTTP-Redirect; back to the partner's return URL
  GET  /fedterm-return   where the partner sends the user agent after our notification
  POST /soap             a RegisterNameIdentifierRequest or FederationTerminationNotification by SOAP
Control endpoints (for the test only):
  POST /control/partner            body: the partner's metadata (Keycloak's); sigalg=rsa-sha1|rsa-sha256
  POST /control/federation?remote=&local=   the principal's federation, as Lasso expects it to exist
  GET  /control/state              JSON: the federation and what was received
  GET  /control/rni?method=redirect|soap[&tamper=1]      starts a name registration (our new name)
  GET  /control/fedterm?method=redirect|soap[&tamper=1][&named=own]  starts a federation termination, naming
                                   the federation by the partner's identifier (as Lasso does) or by its own

Workarounds for stock Lasso 2.8.1, each needed and why:
  1. Lasso cannot read lib:IDPProvidedNameIdentifier, lib:SPProvidedNameIdentifier and
     lib:OldProvidedNameIdentifier from XML (no GObject type of those names; "expected ...:NameIdentifier"), so
     a SOAP RegisterNameIdentifierRequest would fail to parse. They are registered with Lasso's registry as
     saml:NameIdentifier (lasso_registry_default_add_direct_mapping, through ctypes: not in the Python binding).
  2. Lasso, like ID-FF itself, registers a name only for a federation that exists, while the UCD seed makes a
     federation with a RegisterNameIdentifierRequest. The test creates the principal's federation first
     (/control/federation), as an operator pairing Lasso with a UCD server would after the master's login.
  3. Lasso's ID-FF profiles sign XML messages (the SOAP binding) with RSA-SHA1 whatever the server's
     signatureMethod, which only the query signature of HTTP-Redirect follows. A partner that takes RSA-SHA256
     only must set each message's signMethod, as this peer does (sign()); with stock Lasso, register it as
     rsa-sha1.
"""

import ctypes
import faulthandler
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import traceback
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.etree import ElementTree

import lasso

PROFILES = "http://projectliberty.org/profiles/"


def register_provided_name_identifiers():
    """Workaround 1: lib:*ProvidedNameIdentifier read as saml:NameIdentifier."""
    lib = ctypes.CDLL("liblasso.so.3")
    lib.lasso_registry_default_add_direct_mapping.argtypes = [ctypes.c_char_p] * 4
    for name in ("IDPProvidedNameIdentifier", "SPProvidedNameIdentifier", "OldProvidedNameIdentifier"):
        lib.lasso_registry_default_add_direct_mapping(lasso.LIB_HREF.encode(), name.encode(),
                                                      lasso.LASSO_HREF.encode(), b"LassoSamlNameIdentifier")


def metadata(role, provider_id, base, certificate_pem):
    """ID-FF 1.2 metadata listing every name registration and termination profile, as Lasso's own examples do."""
    cert = "".join(line for line in certificate_pem.splitlines() if "-----" not in line)
    descriptor = "SPDescriptor" if role == "sp" else "IDPDescriptor"
    out = ['<md:EntityDescriptor xmlns:md="urn:liberty:metadata:2003-08" '
           'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" providerID="%s">' % provider_id,
           '<md:%s protocolSupportEnumeration="urn:liberty:iff:2003-08">' % descriptor,
           '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s'
           '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' % cert,
           '<md:SoapEndpoint>%s/soap</md:SoapEndpoint>' % base,
           '<md:FederationTerminationServiceURL>%s/fedterm</md:FederationTerminationServiceURL>' % base,
           '<md:FederationTerminationServiceReturnURL>%s/fedterm-return'
           '</md:FederationTerminationServiceReturnURL>' % base]
    for p in ("fedterm-sp-soap", "fedterm-sp-http", "fedterm-idp-soap", "fedterm-idp-http"):
        out.append('<md:FederationTerminationNotificationProtocolProfile>%s%s'
                   '</md:FederationTerminationNotificationProtocolProfile>' % (PROFILES, p))
    for p in ("rni-sp-soap", "rni-sp-http", "rni-idp-soap", "rni-idp-http"):
        out.append('<md:RegisterNameIdentifierProtocolProfile>%s%s'
                   '</md:RegisterNameIdentifierProtocolProfile>' % (PROFILES, p))
    out += ['<md:RegisterNameIdentifierServiceURL>%s/rni</md:RegisterNameIdentifierServiceURL>' % base,
            '<md:RegisterNameIdentifierServiceReturnURL>%s/rni-return'
            '</md:RegisterNameIdentifierServiceReturnURL>' % base]
    if role == "sp":
        out += ['<md:AssertionConsumerServiceURL id="1" isDefault="true">%s/acs'
                '</md:AssertionConsumerServiceURL>' % base,
                '<md:AuthnRequestsSigned>true</md:AuthnRequestsSigned>']
    else:
        out.append('<md:SingleSignOnServiceURL>%s/sso</md:SingleSignOnServiceURL>' % base)
    out.append('</md:%s></md:EntityDescriptor>' % descriptor)
    return "".join(out)


def sign(peer, message):
    """Workaround 3: the XML signature in the configured algorithm, as the query signature already is."""
    message.signMethod = (lasso.SIGNATURE_METHOD_RSA_SHA1 if peer.sigalg == "rsa-sha1"
                          else lasso.SIGNATURE_METHOD_RSA_SHA256)


class Peer:
    """The provider and its one principal."""

    def __init__(self, role, base, workdir):
        self.role = role
        self.base = base
        self.lock = threading.Lock()
        key, cert = os.path.join(workdir, "key.pem"), os.path.join(workdir, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "30", "-subj", "/CN=lasso-peer"], check=True, capture_output=True)
        with open(key) as k, open(cert) as c:
            self.key, self.cert = k.read(), c.read()
        self.metadata = metadata(role, base, base, self.cert)
        self.partner_metadata = None
        self.sigalg = "rsa-sha256"
        self.identity = None
        self.pending_rni = None
        self.received = []

    def server(self):
        s = lasso.Server.newFromBuffers(self.metadata, self.key, None, self.cert)
        s.signatureMethod = (lasso.SIGNATURE_METHOD_RSA_SHA1 if self.sigalg == "rsa-sha1"
                             else lasso.SIGNATURE_METHOD_RSA_SHA256)
        if self.partner_metadata:
            s.addProviderFromBuffer(lasso.PROVIDER_ROLE_IDP if self.role == "sp" else lasso.PROVIDER_ROLE_SP,
                                    self.partner_metadata)
        return s

    def partner_id(self):
        """The partner's ProviderID, read from its metadata."""
        return ElementTree.fromstring(self.partner_metadata).get("providerID")

    def set_federation(self, remote, local):
        """Workaround 2: the principal's federation with the partner, before any name registration, written as
        Lasso's own identity dump (the peer keeps only dumps between requests, no Lasso object)."""
        partner = self.partner_id()
        names = ""
        if local:
            names += "<lasso:LocalNameIdentifier>%s</lasso:LocalNameIdentifier>" % name_xml(local, self.base)
        if remote:
            names += "<lasso:RemoteNameIdentifier>%s</lasso:RemoteNameIdentifier>" % name_xml(remote, partner)
        self.identity = ('<Identity xmlns="http://www.entrouvert.org/namespaces/lasso/0.0" Version="2">'
                         '<lasso:Federation xmlns:lasso="http://www.entrouvert.org/namespaces/lasso/0.0" '
                         'xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" RemoteProviderID="%s" '
                         'FederationDumpVersion="2">%s</lasso:Federation></Identity>' % (escape(partner), names))

    def federation(self):
        """The principal's federation, read from its identity dump."""
        if not self.identity:
            return None
        ns = {"lasso": lasso.LASSO_HREF, "saml": "urn:oasis:names:tc:SAML:1.0:assertion"}
        federation = ElementTree.fromstring(self.identity).find("lasso:Federation", ns)
        if federation is None:
            return None

        def name(which):
            n = federation.find("lasso:%s/saml:NameIdentifier" % which, ns)
            return n.text if n is not None else None
        return {"local": name("LocalNameIdentifier"), "remote": name("RemoteNameIdentifier")}

    def keep(self, profile):
        """The principal's identity after a profile changed it."""
        if profile.isIdentityDirty:
            self.identity = profile.identity.dump() if profile.identity else None

    def record(self, what, **details):
        self.received.append(dict(what=what, **details))


def name_identifier(value, qualifier):
    n = lasso.SamlNameIdentifier()
    n.content = value
    n.nameQualifier = qualifier
    n.format = lasso.LIB_NAME_IDENTIFIER_FORMAT_FEDERATED
    return n


def name_xml(value, qualifier):
    return ('<saml:NameIdentifier NameQualifier="%s" Format="%s">%s</saml:NameIdentifier>'
            % (escape(qualifier), lasso.LIB_NAME_IDENTIFIER_FORMAT_FEDERATED, escape(value)))


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def tampered_soap(body):
    """A signed SOAP message with one character of a name identifier's value changed."""
    m = re.search(r"NameIdentifier[^>]*>([^<])", body)
    i = m.start(1)
    return body[:i] + ("X" if body[i] != "X" else "Y") + body[i + 1:]


def post_soap(url, body):
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": ""})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


class Handler(BaseHTTPRequestHandler):
    peer = None

    def log_message(self, fmt, *args):
        sys.stderr.write("lasso-peer: " + fmt % args + "\n")

    def reply(self, status, body="", content_type="text/plain; charset=utf-8", location=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        # http.server closes each connection after its answer; said so, clients do not send on it again.
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def query(self):
        return urllib.parse.urlsplit(self.path).query

    def params(self):
        return dict(urllib.parse.parse_qsl(self.query()))

    def do_GET(self):
        route = urllib.parse.urlsplit(self.path).path
        with self.peer.lock:
            try:
                handler = {
                    "/metadata": lambda: self.reply(200, self.peer.metadata, "application/xml"),
                    "/control/state": self.state,
                    "/control/rni": self.start_rni,
                    "/control/fedterm": self.start_fedterm,
                    "/rni": self.rni,
                    "/rni-return": self.rni_return,
                    "/fedterm": self.fedterm,
                    "/fedterm-return": lambda: self.reply(200, "fedterm-return"),
                }.get(route)
                if handler is None:
                    self.reply(404, "no such endpoint")
                else:
                    handler()
            except lasso.Error as e:
                self.peer.record("refused", route=route, error=type(e).__name__)
                self.reply(400, "refused by Lasso: %s" % type(e).__name__)
            except Exception:
                traceback.print_exc()
                self.reply(500, "peer error")

    def do_POST(self):
        route = urllib.parse.urlsplit(self.path).path
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        with self.peer.lock:
            try:
                if route == "/control/partner":
                    self.peer.partner_metadata = body
                    self.peer.sigalg = self.params().get("sigalg", "rsa-sha256")
                    self.peer.server()
                    self.reply(204)
                elif route == "/control/federation":
                    p = self.params()
                    self.peer.set_federation(p.get("remote"), p.get("local"))
                    self.reply(204)
                elif route == "/soap":
                    self.soap(body)
                else:
                    self.reply(404, "no such endpoint")
            except lasso.Error as e:
                self.peer.record("refused", route=route, error=type(e).__name__)
                self.reply(500, "refused by Lasso: %s" % type(e).__name__)
            except Exception:
                traceback.print_exc()
                self.reply(500, "peer error")

    def state(self):
        self.reply(200, json.dumps({"federation": self.peer.federation(), "received": self.peer.received}),
                   "application/json")

    def profile(self, kind):
        p = kind(self.peer.server())
        if self.peer.identity:
            p.setIdentityFromDump(self.peer.identity)
        return p

    def start_rni(self):
        method = self.params().get("method")
        rni = self.profile(lasso.NameRegistration)
        rni.initRequest(self.peer.partner_id(),
                        lasso.HTTP_METHOD_SOAP if method == "soap" else lasso.HTTP_METHOD_REDIRECT)
        sign(self.peer, rni.request)
        rni.buildRequestMsg()
        mine = rni.request.spProvidedNameIdentifier if self.peer.role == "sp" \
            else rni.request.idpProvidedNameIdentifier
        if method != "soap":
            # Lasso answers a response with the request it sent: kept until the response comes back.
            self.peer.pending_rni = rni.dump()
            self.reply(200, json.dumps({"url": rni.msgUrl, "newName": mine.content}), "application/json")
            return
        body = tampered_soap(rni.msgBody) if self.params().get("tamper") else rni.msgBody
        status, answer = post_soap(rni.msgUrl, body)
        result = {"status": status, "newName": mine.content}
        if status == 200:
            rni.processResponseMsg(answer)
            self.peer.keep(rni)
            result["answer"] = rni.response.status.statusCode.value
        self.reply(200, json.dumps(result), "application/json")

    def start_fedterm(self):
        method = self.params().get("method")
        fedterm = self.profile(lasso.Defederation)
        fedterm.initNotification(self.peer.partner_id(),
                                 lasso.HTTP_METHOD_SOAP if method == "soap" else lasso.HTTP_METHOD_REDIRECT)
        if self.params().get("named") == "own":
            # As some deployed providers do (and this bundle's slave did): the name this side issued.
            own = self.peer.federation()["local"]
            fedterm.request.nameIdentifier = name_identifier(own, self.peer.base)
        sign(self.peer, fedterm.request)
        fedterm.buildNotificationMsg()
        named = fedterm.request.nameIdentifier.content
        if method != "soap":
            self.peer.keep(fedterm)
            self.reply(200, json.dumps({"url": fedterm.msgUrl, "named": named}), "application/json")
            return
        body = tampered_soap(fedterm.msgBody) if self.params().get("tamper") else fedterm.msgBody
        status, _ = post_soap(fedterm.msgUrl, body)
        if 200 <= status < 300:
            self.peer.keep(fedterm)
        self.reply(200, json.dumps({"status": status, "named": named}), "application/json")

    def rni(self):
        """A name registration by redirect: Lasso verifies, validates and answers by redirect."""
        rni = lasso.NameRegistration(self.peer.server())
        rni.processRequestMsg(self.query())
        if self.peer.identity:
            rni.setIdentityFromDump(self.peer.identity)
        rni.validateRequest()
        self.peer.keep(rni)
        self.peer.record("rni", binding="redirect", **names(rni.request))
        rni.buildResponseMsg()
        self.reply(303, "", location=rni.msgUrl)

    def rni_return(self):
        if not self.peer.pending_rni:
            self.reply(400, "no name registration is waiting for a response")
            return
        rni = lasso.NameRegistration.newFromDump(self.peer.server(), self.peer.pending_rni)
        self.peer.pending_rni = None
        if self.peer.identity:
            rni.setIdentityFromDump(self.peer.identity)
        rni.processResponseMsg(self.query())
        self.peer.keep(rni)
        status = rni.response.status.statusCode.value
        self.peer.record("rni-response", binding="redirect", status=status)
        self.reply(200, "rni-response " + status)

    def fedterm(self):
        fedterm = lasso.Defederation(self.peer.server())
        fedterm.processNotificationMsg(self.query())
        if self.peer.identity:
            fedterm.setIdentityFromDump(self.peer.identity)
        fedterm.validateNotification()
        self.peer.keep(fedterm)
        self.peer.record("fedterm", binding="redirect", named=fedterm.request.nameIdentifier.content)
        if fedterm.msgUrl:
            self.reply(303, "", location=fedterm.msgUrl)
        else:
            self.reply(200, "federation terminated")

    def soap(self, body):
        kind = lasso.getRequestTypeFromSoapMsg(body)
        if kind == lasso.REQUEST_TYPE_DEFEDERATION:
            fedterm = lasso.Defederation(self.peer.server())
            fedterm.processNotificationMsg(body)
            if self.peer.identity:
                fedterm.setIdentityFromDump(self.peer.identity)
            fedterm.validateNotification()
            self.peer.keep(fedterm)
            self.peer.record("fedterm", binding="soap", named=fedterm.request.nameIdentifier.content)
            self.reply(204)
        elif kind == lasso.REQUEST_TYPE_NAME_REGISTRATION:
            rni = lasso.NameRegistration(self.peer.server())
            rni.processRequestMsg(body)
            if self.peer.identity:
                rni.setIdentityFromDump(self.peer.identity)
            rni.validateRequest()
            self.peer.keep(rni)
            self.peer.record("rni", binding="soap", **names(rni.request))
            sign(self.peer, rni.response)
            rni.buildResponseMsg()
            self.reply(200, rni.msgBody, "text/xml; charset=utf-8")
        else:
            self.reply(400, "not a request this peer takes")


def names(request):
    def content(n):
        return n.content if n is not None else None
    return {"idp": content(request.idpProvidedNameIdentifier), "sp": content(request.spProvidedNameIdentifier),
            "old": content(request.oldProvidedNameIdentifier)}


def main():
    role, port = sys.argv[1], int(sys.argv[2])
    faulthandler.enable()
    lasso.init()
    register_provided_name_identifiers()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    base = "http://127.0.0.1:%d" % httpd.server_address[1]
    Handler.peer = Peer(role, base, tempfile.mkdtemp(prefix="lasso-peer-"))
    print("listening " + base, flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
