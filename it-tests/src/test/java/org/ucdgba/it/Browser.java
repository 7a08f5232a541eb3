package org.ucdgba.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.ReadinessState;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, installed by .ci/run), with a fresh
 * profile, a language, a User-Agent, and no network beyond loopback. Keeps a screenshot of each page it is asked
 * to under {@code target/screenshots/} and runs axe-core on it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    private final ExecutorService answers = Executors.newSingleThreadExecutor();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser asking for pages in {@code language} (e.g. "en", "de"); {@code userAgent} null for Chromium's. */
    static Browser start(String language, String userAgent) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run does it)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=" + language,
                // Loopback only: every other host name is unresolvable.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        if (userAgent != null) {
            options.addArguments("--user-agent=" + userAgent);
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // WebDriver BiDi, to answer HTTP authentication prompts as a person does.
        options.setCapability("webSocketUrl", true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /**
     * From now on, the person cancels every HTTP authentication prompt (a Digest challenge their device does not
     * answer), and so sees the 401's page, as on a phone whose GBA client failed.
     */
    void cancelAuthenticationPrompts() {
        Network network = new Network(driver);
        network.addIntercept(new AddInterceptParameters(InterceptPhase.AUTH_REQUIRED));
        // Answered off the BiDi connection's own thread, which must stay free to read the answer.
        network.onAuthRequired(prompt -> answers.execute(() -> network.cancelAuth(prompt.getRequest()
                .getRequestId())));
    }

    /**
     * Opens a page. Navigation goes through WebDriver BiDi without waiting for the load, so that an authentication
     * prompt on the way can be answered meanwhile; the caller waits for what it expects on the page.
     */
    void open(String url) {
        new BrowsingContext(driver, driver.getWindowHandle()).navigate(url, ReadinessState.NONE);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The form field whose label reads {@code label} (its {@code for} names the field). */
    WebElement labelled(String label) {
        WebElement l = find(By.xpath("//label[normalize-space()='" + label + "' or .//*[normalize-space()='"
                + label + "']]"));
        return find(By.id(l.getAttribute("for")));
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until an element is in the page (after a click that loads one), shown or not. */
    void await(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the browser is at a URL starting with {@code prefix}. */
    void awaitUrl(String prefix) {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String html() {
        return driver.getPageSource();
    }

    /** Keeps a screenshot of the page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** axe-core's serious and critical violations on the page, one line each (rule, help, elements). */
    List<String> seriousViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));");
        String text = String.valueOf(result);
        if (text.startsWith("axe failed")) {
            throw new IllegalStateException(text);
        }
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(text)) {
            if (BLOCKING_IMPACTS.contains(violation.path("impact").asText())) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(violation.path("id").asText() + ": " + violation.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        answers.shutdownNow();
        driver.quit();
        KeycloakServer.deleteTree(profile);
    }
}
