package org.ucdgba.gba.client;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cookie jar that, like browsers, treats http://localhost and loopback addresses as secure contexts (W3C Secure
 * Contexts, "potentially trustworthy origin"), so that the {@code Secure} session cookies Keycloak sets reach a
 * device simulated on the same machine. Every other origin is handled by the JDK's {@link CookieManager}.
 */
public final class BrowserCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(asSecure(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        jar.put(asSecure(uri), responseHeaders);
    }

    /** Forgets every cookie, as a browser does when its private window is closed; connections stay open. */
    public void clear() {
        jar.getCookieStore().removeAll();
    }

    private static URI asSecure(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || !isLoopback(uri.getHost())) {
            return uri;
        }
        try {
            return new URI("https", uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
                || h.equals("::1");
    }
}
