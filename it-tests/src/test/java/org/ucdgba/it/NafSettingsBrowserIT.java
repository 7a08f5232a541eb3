package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The NAF's settings in the admin console, in a real Chromium: the Zn endpoint is required, so emptying it is
 * refused on save ("Required field") and the stored settings do not change. (Keycloak 26 has no server-side hook
 * for an authenticator's settings; a NAF checks them at each login, {@code GbaRefusalsIT}.)
 */
class NafSettingsBrowserIT {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    @Test
    void anEmptyZnEndpointIsRefusedOnSave() throws Exception {
        String before = nafSettings();
        try (Browser browser = Browser.start("en", null)) {
            String console = keycloak.url() + "/admin/master/console/";
            browser.open(console + "#/operator/authentication");
            browser.type(By.id("username"), "admin");
            browser.type(By.id("password"), "admin");
            browser.click(By.id("kc-login"));
            browser.awaitUrl(console);
            browser.open(console + "#/operator/authentication");
            browser.click(By.xpath("//a[normalize-space()='gba browser']"));
            browser.click(By.xpath("//tr[.//*[@data-testid='GBA (SIM) login']]//button[@aria-label='Settings']"));
            WebElement zn = browser.labelled("Zn endpoint (BSF)");
            zn.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            browser.screenshot("admin-naf-settings");
            browser.click(By.xpath("//div[@role='dialog']//button[normalize-space()='Save']"));
            browser.await(By.xpath("//div[@role='dialog']//*[normalize-space()='Required field']"));
            browser.screenshot("admin-naf-settings-refused");
        }
        assertEquals(before, nafSettings(), "nothing was saved");
    }

    /** The NAF's settings as stored. */
    private static String nafSettings() throws Exception {
        for (JsonNode execution : keycloak.admin("operator/authentication/flows/gba%20browser/executions")) {
            if (execution.has("authenticationConfig")) {
                return keycloak.admin("operator/authentication/config/" + execution.get("authenticationConfig")
                        .asText()).toString();
            }
        }
        throw new AssertionError("no NAF settings");
    }
}
