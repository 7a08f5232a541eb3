package org.ucdgba.benchmarks.load;

/**
 * The Keycloak realm under load: its URL, the relying party every login ends at (a confidential client with PKCE,
 * whose callback is never fetched) and the administrator who prepares it.
 *
 * @param baseUrl Keycloak's URL, on loopback
 * @param realm the realm (the demo operator realm: BSF, NAF and relying party)
 * @param client the relying party's client id
 * @param clientSecret its secret
 * @param callback its redirect URI
 * @param admin the administrator of Keycloak's master realm
 * @param adminPassword that administrator's password
 */
public record Target(String baseUrl, String realm, String client, String clientSecret, String callback,
                     String admin, String adminPassword) {

    /** The demo realm's relying party and Keycloak's bootstrap administrator. */
    public static Target demo(String baseUrl) {
        return new Target(baseUrl, "operator", "demo-rp", "demo-rp-secret", "https://rp.example/callback", "admin",
                "admin");
    }

    String realmUrl() {
        return baseUrl + "/realms/" + realm;
    }
}
