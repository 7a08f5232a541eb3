package org.ucdgba.gba.core.digest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The directives of a Digest {@code WWW-Authenticate}, {@code Authorization} or {@code Authentication-Info} header
 * (RFC 7616 clauses 3.3 to 3.5, with the auth-param syntax of RFC 7235 clause 2.1): parsing into an ordered map
 * with lower-case names, and formatting back with quoting where the RFC asks for it. Immutable.
 */
public final class DigestHeader {

    /** The authentication scheme. */
    public static final String SCHEME = "Digest";
    /** Directives sent as tokens in Authorization and Authentication-Info (RFC 7616 clauses 3.4 and 3.5). */
    private static final Set<String> UNQUOTED = Set.of("algorithm", "qop", "nc", "stale", "userhash", "charset");
    /** In a challenge qop is a quoted list (RFC 7616 clause 3.3). */
    private static final Set<String> UNQUOTED_IN_CHALLENGE = Set.of("algorithm", "stale", "userhash", "charset");
    private static final int MAX_LENGTH = 8192;

    private final Map<String, String> directives;

    private DigestHeader(Map<String, String> directives) {
        this.directives = Collections.unmodifiableMap(directives);
    }

    /** A header built from directives in the given order. */
    public static DigestHeader of(Map<String, String> directives) {
        Map<String, String> copy = new LinkedHashMap<>();
        directives.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        return new DigestHeader(copy);
    }

    /**
     * Parses a header value. With {@code withScheme} the value must begin with "Digest " (challenge and
     * credentials); {@code Authentication-Info} carries directives only.
     */
    public static DigestHeader parse(String value, boolean withScheme) {
        if (value == null) {
            throw new DigestException("no Digest header");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DigestException("Digest header too long");
        }
        String rest = value.strip();
        if (withScheme) {
            if (rest.length() < SCHEME.length() || !rest.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                    || (rest.length() > SCHEME.length() && !Character.isWhitespace(rest.charAt(SCHEME.length())))) {
                throw new DigestException("not a Digest header");
            }
            rest = rest.substring(SCHEME.length());
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = rest.length();
        while (i < n) {
            while (i < n && (rest.charAt(i) == ',' || Character.isWhitespace(rest.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && rest.charAt(i) != '=' && rest.charAt(i) != ',' && !Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            String name = rest.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            if (name.isEmpty() || i >= n || rest.charAt(i) != '=') {
                throw new DigestException("malformed Digest directive near position " + nameStart);
            }
            i++;
            while (i < n && Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            StringBuilder v = new StringBuilder();
            if (i < n && rest.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = rest.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(rest.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) {
                    throw new DigestException("unterminated quoted string in Digest directive " + name);
                }
            } else {
                while (i < n && rest.charAt(i) != ',' && !Character.isWhitespace(rest.charAt(i))) {
                    v.append(rest.charAt(i++));
                }
            }
            if (out.putIfAbsent(name, v.toString()) != null) {
                throw new DigestException("Digest directive repeated: " + name);
            }
        }
        return new DigestHeader(out);
    }

    /** A directive's value, or null. */
    public String get(String name) {
        return directives.get(name.toLowerCase(Locale.ROOT));
    }

    /** A directive's value; a {@link DigestException} names it when it is absent. */
    public String require(String name) {
        String v = get(name);
        if (v == null) {
            throw new DigestException("Digest directive missing: " + name);
        }
        return v;
    }

    /** All directives in order, names in lower case. */
    public Map<String, String> directives() {
        return directives;
    }

    /** The {@code WWW-Authenticate} value: scheme and directives, qop quoted. */
    public String formatChallenge() {
        return SCHEME + " " + formatDirectives(UNQUOTED_IN_CHALLENGE);
    }

    /** The {@code Authorization} value: scheme and directives, qop and nc as tokens. */
    public String format() {
        return SCHEME + " " + formatDirectives(UNQUOTED);
    }

    /** The directives alone, for {@code Authentication-Info}. */
    public String formatDirectives() {
        return formatDirectives(UNQUOTED);
    }

    private String formatDirectives(Set<String> unquoted) {
        StringBuilder b = new StringBuilder();
        directives.forEach((name, value) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(name).append('=');
            if (unquoted.contains(name)) {
                b.append(value);
            } else {
                b.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
