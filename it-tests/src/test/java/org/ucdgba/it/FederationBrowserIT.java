package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.masterFederations;
import static org.ucdgba.it.Federation.masterProtocol;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ucdgba.it.Federation.Person;

/**
 * The federation flow clicked through in a real Chromium, in English and in German: a person who is not signed in
 * at the slave is offered the sign-in, signs in, names the master account on the slave's page, signs in at the
 * master, accepts the federation there, is back at the slave with the accounts linked, and ends the federation on
 * the page; and the master's page of a person's federations ends one. Each of the bundle's pages on the way is
 * kept as a screenshot and checked by axe-core.
 */
@ExtendWith(Federation.class)
class FederationBrowserIT {

    /** The bundle's own message in that language, as the page must show it. */
    private static String msg(String language, String key, Object... parameters) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = FederationBrowserIT.class.getClassLoader()
                .getResourceAsStream("theme-resources/messages/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new MessageFormat(messages.getProperty(key), Locale.forLanguageTag(language)).format(parameters);
    }

    private static void check(Browser browser, String name) throws IOException {
        browser.screenshot(name);
        assertEquals(List.of(), browser.seriousViolations(), name);
    }

    private static void signIn(Browser browser, Person person) {
        browser.type(By.id("username"), person.name());
        browser.type(By.id("password"), person.password());
        browser.click(By.id("kc-login"));
    }

    @Test
    void theMastersPageListsAndEndsAFederation() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        try (Browser browser = Browser.start("en", null)) {
            browser.open(masterProtocol() + "/page");
            browser.click(By.id("ucd-sign-in"));
            signIn(browser, pair.masterUser());
            browser.awaitUrl(Federation.master.realmUrl("ucd-master") + "/account");
            browser.open(masterProtocol() + "/page");
            browser.await(By.id("federations"));
            assertEquals(msg("en", "ucdFederationWith", pair.slaveUser().name(), "Slave UCD server"),
                    browser.find(By.cssSelector("#federations .ucd-federation")).getText().strip());
            check(browser, "federation-master-page-en");

            browser.click(By.cssSelector("#federations form.end button"));
            browser.await(By.cssSelector("#result[data-result=terminated]"));
            assertEquals(msg("en", "ucdFederationEnded"), browser.find(By.id("result")).getText().strip());
            check(browser, "federation-master-ended-en");
            Federation.assertUnfederated(pair);
            browser.click(By.id("ucd-back"));
            browser.await(By.id("ucd-federation-none"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void aPersonFederatesAndEndsTheFederationInTheBrowser(String language) throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        try (Browser browser = Browser.start(language, null)) {
            browser.open(slaveApi() + "/");
            browser.await(By.id("ucd-sign-in"));
            assertTrue(browser.html().contains("lang=\"" + language + "\""), browser.html());
            assertEquals(msg(language, "ucdSignInFirst"), browser.find(By.id("result")).getText().strip());
            check(browser, "federation-sign-in-first-" + language);

            browser.click(By.id("ucd-sign-in"));
            signIn(browser, sam);
            browser.awaitUrl(slave.realmUrl("ucd-slave") + "/account");
            browser.open(slaveApi() + "/");
            browser.await(By.id("federate"));
            assertEquals(msg(language, "ucdFederationPageTitle"), browser.find(By.id("kc-page-title")).getText()
                    .strip());
            check(browser, "federation-page-" + language);

            new Select(browser.find(By.id("master"))).selectByValue("master-one");
            browser.type(By.id("masterAccount"), bob.name());
            browser.click(By.cssSelector("#federate button[type=submit]"));
            signIn(browser, bob);
            browser.await(By.id("ucd-federation-accept"));
            assertTrue(browser.html().contains("lang=\"" + language + "\""), "the master speaks " + language);
            check(browser, "federation-consent-" + language);

            browser.click(By.id("ucd-federation-accept"));
            browser.await(By.cssSelector("#result[data-result=linked]"));
            check(browser, "federation-linked-" + language);
            assertEquals(bob.name(), slaveLinks(sam).get(0).get("masterAccount").asText());
            assertEquals(1, masterFederations(bob).size());

            browser.click(By.id("ucd-back"));
            browser.await(By.id("federations"));
            assertTrue(browser.find(By.id("federations")).getText().contains(bob.name()));
            browser.click(By.cssSelector("#federations form.end button"));
            browser.await(By.cssSelector("#result[data-result=terminated]"));
            assertEquals(msg(language, "ucdFederationEnded"), browser.find(By.id("result")).getText().strip());
            check(browser, "federation-ended-" + language);
            Federation.assertUnfederated(new Federation.Pair(sam, bob));
        }
    }
}
