package org.ucdgba.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language of the bundle's messages has every key of English, with the same placeholders, and each message
 * is a pattern Keycloak's MessageFormat renders as written (an apostrophe is doubled, or MessageFormat eats it).
 */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Properties messages(String language) throws IOException {
        String name = "/theme-resources/messages/messages_" + language + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties p = new Properties();
            // Keycloak reads theme messages as UTF-8.
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    static Set<String> placeholders(String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr"})
    void everyKeyOfEnglishWithItsPlaceholdersAndNoLoneApostrophe(String language) throws IOException {
        Properties english = messages("en");
        Properties translated = messages(language);
        assertEquals(english.stringPropertyNames(), translated.stringPropertyNames(), language);
        for (String key : english.stringPropertyNames()) {
            String message = translated.getProperty(key);
            assertFalse(message.isBlank(), key);
            assertEquals(placeholders(english.getProperty(key)), placeholders(message), language + " " + key);
            assertFalse(LONE_APOSTROPHE.matcher(message).find(), language + " " + key + ": " + message);
            String rendered = new MessageFormat(message, Locale.forLanguageTag(language))
                    .format(new Object[] {"A", "B", "C"});
            assertFalse(rendered.contains("{"), language + " " + key + ": " + rendered);
        }
    }
}
