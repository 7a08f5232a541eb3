package org.ucdgba.liberty.binding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;

/**
 * URL encoding of ID-FF messages (Bindings and Profiles clause 3.1.2): name=value pairs joined by '&amp;', every
 * value percent-encoded except the RFC 3986 unreserved characters, so that the signed text is the same whichever
 * side builds it; decoding accepts '+' for space. Parameters are parsed by name; a repeated name is refused.
 */
public final class QueryString {

    private static final int MAX_LENGTH = 16 * 1024;
    private static final int MAX_PARAMETERS = 64;

    private QueryString() {
    }

    /** Percent-encodes a value: everything but ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 clause 2.3). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes a percent-encoded value ('+' as space); malformed escapes are refused. */
    public static String decode(String value) throws LibertyException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new LibertyException(Reason.MALFORMED, "truncated percent escape in query");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new LibertyException(Reason.MALFORMED, "bad percent escape in query");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                throw new LibertyException(Reason.MALFORMED, "unencoded non-ASCII character in query");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The parameters of a raw query, decoded, in order of appearance. */
    public static Map<String, String> parse(String rawQuery) throws LibertyException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new LibertyException(Reason.MALFORMED, "empty query");
        }
        if (rawQuery.length() > MAX_LENGTH) {
            throw new LibertyException(Reason.HOSTILE_XML, "query longer than " + MAX_LENGTH + " characters");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new LibertyException(Reason.MALFORMED, "query parameter " + name + " repeated");
            }
            if (params.size() > MAX_PARAMETERS) {
                throw new LibertyException(Reason.MALFORMED, "too many query parameters");
            }
        }
        return params;
    }

    /** Builds name=value pairs in the given order, leaving out null values. */
    public static String build(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(encode(name)).append('=').append(encode(value));
            }
        });
        return out.toString();
    }
}
