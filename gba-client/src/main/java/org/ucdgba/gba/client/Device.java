package org.ucdgba.gba.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * A simulated GBA device: a software ISIM, its saved state, a BSF to bootstrap with, and a cookie-keeping HTTP
 * client, so that {@link #login} behaves like a phone's browser with GBA support.
 */
public final class Device {

    private final SoftwareIsim isim;
    private final DeviceState state;
    private final URI bsf;
    private final UbClient ub;
    private final UaClient ua;

    /** A device bootstrapping at {@code bsf}, using Ua protocol {@code uaProtocol} towards NAFs. */
    public Device(SoftwareIsim isim, DeviceState state, URI bsf, UaSecurityProtocolId uaProtocol, Duration timeout) {
        this(isim, state, bsf, uaProtocol, http(new BrowserCookies(), timeout), timeout);
    }

    /**
     * The same device on the caller's HTTP client, so that several devices, or one device's logins in turn, share
     * its connections as a phone's browser does. {@code http} must not follow redirects (the device reads each
     * one) and should keep cookies, as {@link #http} builds it.
     */
    public Device(SoftwareIsim isim, DeviceState state, URI bsf, UaSecurityProtocolId uaProtocol, HttpClient http,
                  Duration timeout) {
        this.isim = isim;
        this.state = state;
        this.bsf = bsf;
        this.ub = new UbClient(http, timeout);
        this.ua = new UaClient(http, timeout, uaProtocol);
    }

    /** A device's HTTP client: HTTP/1.1 without an h2c upgrade, {@code cookies} kept, no redirect followed. */
    public static HttpClient http(BrowserCookies cookies, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** Runs Ub now and keeps the result; the ISIM's SQN state is saved whatever the outcome. */
    public Bootstrap bootstrap() throws GbaClientException {
        Bootstrap result = null;
        try {
            result = ub.bootstrap(bsf, isim);
            return result;
        } finally {
            persist(result);
        }
    }

    /** The kept bootstrap if still valid, else a new one. */
    public Bootstrap currentBootstrap() throws GbaClientException {
        Optional<Bootstrap> kept = state.bootstrap(isim.impi());
        return kept.isPresent() ? kept.get() : bootstrap();
    }

    /** Logs in through a relying party's authorization URL, stopping at the first redirect {@code stop} accepts. */
    public UaClient.Result login(URI start, Predicate<URI> stop) throws GbaClientException {
        return ua.login(start, stop, renew -> renew ? bootstrap() : currentBootstrap());
    }

    /** The same, with the person answering pages on the way (a confirmation, for example). */
    public UaClient.Result login(URI start, Predicate<URI> stop, UaClient.PageHandler person)
            throws GbaClientException {
        return ua.login(start, stop, renew -> renew ? bootstrap() : currentBootstrap(), person);
    }

    private void persist(Bootstrap result) {
        try {
            state.update(isim.highestAcceptedSqn(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the device state", e);
        }
    }
}
