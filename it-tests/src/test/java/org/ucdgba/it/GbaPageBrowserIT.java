package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The GBA page in a real Chromium whose User-Agent claims GBA but which cannot answer the challenge (a browser on
 * a GBA-capable phone without the operator's GBA client): the page in the subscriber's language, with one way on
 * (Keycloak's "Try Another Way"), which leads to the password form and a signed-in subscriber. Screenshots under
 * target/screenshots/, and axe-core finds no serious or critical violation on the page.
 */
class GbaPageBrowserIT {

    private static final String GBA_BROWSER = "Mozilla/5.0 (Linux; Android 14) Chrome/156 3gpp-gba";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    @ParameterizedTest
    @CsvSource({"en,Sign in with your SIM,Try Another Way",
            "de,Mit Ihrer SIM-Karte anmelden,Einen anderen Weg versuchen"})
    void theGbaPageOffersOneWayOnToThePasswordForm(String language, String title, String anotherWay)
            throws Exception {
        try (Browser browser = Browser.start(language, GBA_BROWSER)) {
            browser.cancelAuthenticationPrompts();
            browser.open(OidcSite.of(keycloak, "demo-rp", GbaLoginIT.RP_CALLBACK).request().toURI().toString());
            browser.await(By.id("gba-explanation"));
            assertTrue(browser.html().contains("lang=\"" + language + "\""), "the page speaks " + language);
            assertEquals(title, browser.find(By.id("kc-page-title")).getText().strip());
            assertTrue(browser.find(By.id("gba-explanation")).getText().contains(anotherWay),
                    "the explanation names the way on");
            List<WebElement> ways = browser.driver().findElements(By.xpath("//*[@id='try-another-way']"
                    + " | //*[@id='gba-another-way']"));
            assertEquals(1, ways.size(), "one way to another sign-in method");
            assertEquals(anotherWay, ways.get(0).getText().strip());
            browser.screenshot("gba-page-" + language);
            assertEquals(List.of(), browser.seriousViolations());

            browser.click(By.id("try-another-way"));
            browser.await(By.id("kc-select-credential-form"));
            browser.screenshot("gba-choose-another-way-" + language);
            assertEquals(List.of(), browser.seriousViolations());
            // Keycloak's list of sign-in methods: the one that is not the SIM's.
            browser.click(By.xpath("//li[not(.//h2[contains(., '" + title + "')])]//div[@role='button']"));
            browser.type(By.id("username"), "alice");
            browser.type(By.id("password"), "alice-password");
            browser.click(By.id("kc-login"));
            // The site (not reachable from this loopback-only browser) receives the authorization code.
            browser.awaitUrl(GbaLoginIT.RP_CALLBACK);
            assertTrue(browser.url().contains("code="), browser.url());
        }
    }
}
