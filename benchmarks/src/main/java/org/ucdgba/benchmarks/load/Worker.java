package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.ucdgba.gba.client.BrowserCookies;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.GbaClientException;
import org.ucdgba.gba.client.UaClient;

/**
 * One client thread's state: a browser (signed in once, for cookie SSO), one SIM card of its own (so that workers
 * never wait on one another's SQN row), that card's device state with a B-TID the NAF has cached, and B-TIDs
 * bootstrapped ahead for fresh-key logins on cards of its own (a card keeps its latest bootstrap only). A password
 * login and a GBA login each start without a cookie of an earlier login, as a first visit does; every client keeps
 * its connections alive, as browsers do, so that no operation pays for TCP set-up and the others not.
 */
final class Worker {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Target target;
    private final BenchRealm.Card card;
    private final List<BenchRealm.Card> freshCards;
    private final Browser browser;
    private final Browser passwordBrowser;
    private final BrowserCookies deviceCookies = new BrowserCookies();
    private final HttpClient deviceHttp = Device.http(deviceCookies, TIMEOUT);
    private final DeviceState cached;
    private final Deque<Fresh> fresh = new ArrayDeque<>();

    /** A card bootstrapped ahead and its device's state, holding a B-TID the NAF has not seen. */
    private record Fresh(BenchRealm.Card card, DeviceState state) {
    }

    Worker(Target target, BenchRealm.Card card, List<BenchRealm.Card> freshCards) throws IOException {
        this.target = target;
        this.card = card;
        this.freshCards = List.copyOf(freshCards);
        this.browser = new Browser(target);
        this.passwordBrowser = new Browser(target);
        this.cached = DeviceState.load(null);
    }

    /** Signs the browser in and warms the NAF's cache with this card's B-TID; not measured. */
    void prepare() throws Exception {
        browser.passwordLogin(BenchRealm.USER, BenchRealm.PASSWORD);
        device(card, cached).bootstrap();
        gbaLogin(card, cached);
    }

    /**
     * Bootstraps {@code count} B-TIDs ahead for fresh-key logins, each on a card of its own (the BSF keeps a card's
     * latest bootstrap only); B-TIDs left from an earlier phase are dropped. Not measured.
     */
    void bootstrapAhead(int count) throws Exception {
        fresh.clear();
        for (BenchRealm.Card c : freshCards.subList(0, Math.min(count, freshCards.size()))) {
            DeviceState s = DeviceState.load(null);
            device(c, s).bootstrap();
            fresh.add(new Fresh(c, s));
        }
    }

    /**
     * Whether this worker can run {@code op} once more: a fresh-key login needs a B-TID bootstrapped ahead, and a
     * worker that runs faster than the others in a phase may use up its own.
     */
    boolean canRun(Operation op) {
        return op != Operation.GBA_FRESH || !fresh.isEmpty();
    }

    /** Runs one operation; an exception when it did not end with tokens. */
    void run(Operation op) throws Exception {
        switch (op) {
            case PASSWORD -> {
                passwordBrowser.forgetCookies();
                passwordBrowser.passwordLogin(BenchRealm.USER, BenchRealm.PASSWORD);
            }
            case COOKIE_SSO -> browser.cookieLogin();
            case GBA_CACHED -> gbaLogin(card, cached);
            case GBA_FRESH -> {
                Fresh f = fresh.poll();
                if (f == null) {
                    throw new IllegalStateException("no B-TID bootstrapped ahead");
                }
                gbaLogin(f.card(), f.state());
            }
            case BOOTSTRAP -> device(card, DeviceState.load(null)).bootstrap();
            case CLIENT_CREDENTIALS -> browser.clientCredentials(BenchRealm.CC_CLIENT, BenchRealm.CC_SECRET);
        }
    }

    private void gbaLogin(BenchRealm.Card c, DeviceState state) throws Exception {
        Browser.Authorization a = browser.authorization();
        deviceCookies.clear();
        UaClient.Result result = device(c, state).login(a.uri(), u -> u.toString().startsWith(target.callback()));
        if (!result.nafAuthenticated()) {
            throw new GbaClientException("the NAF was not authenticated");
        }
        browser.redeem(result.finalRedirect(), a.verifier());
    }

    private Device device(BenchRealm.Card c, DeviceState state) {
        return c.device(state, URI.create(target.realmUrl() + "/gba-bsf"), deviceHttp, TIMEOUT);
    }
}
