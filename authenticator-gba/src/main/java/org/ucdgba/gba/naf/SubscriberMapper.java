package org.ucdgba.gba.naf;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Maps a subscriber the BSF vouched for (IMPI and IMPUs) to a realm user, by the IMPI attribute or by one of the
 * IMPUs, optionally creating the user on first login; keeps the user's IMPU attribute in step with the BSF. A user
 * an earlier login with the same key mapped is taken by id while it still holds the identity the search would try
 * first; it is not searched for a second holder, which the realm's {@code gba-unique-identity} validator rules out
 * (a realm without it gets, for a key's lifetime, the user it mapped first instead of a refusal).
 */
final class SubscriberMapper {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GbaAuthenticatorConfig config;

    SubscriberMapper(KeycloakSession session, RealmModel realm, GbaAuthenticatorConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    /**
     * The realm user linked to the subscriber, if any; nothing is created or changed. {@code rememberedUserId} is
     * the user an earlier login with the same key was mapped to, or null.
     */
    Optional<UserModel> find(String impi, List<String> impus, String rememberedUserId) {
        if (rememberedUserId != null) {
            UserModel remembered = session.users().getUserById(realm, rememberedUserId);
            if (remembered != null && holds(remembered, impi, impus)) {
                return Optional.of(remembered);
            }
        }
        return config.mapByImpu()
                ? impus.stream().map(impu -> unique(config.impuAttribute(), impu)).flatMap(Optional::stream)
                        .findFirst()
                : unique(config.impiAttribute(), impi);
    }

    /**
     * The user {@link #find} found, or one created on first login when allowed, its IMPUs brought in step with
     * the BSF's.
     */
    Optional<UserModel> map(Optional<UserModel> found, String impi, List<String> impus) {
        Optional<UserModel> user = found;
        if (user.isEmpty() && config.createUsers()) {
            user = create(impi);
        }
        user.ifPresent(u -> {
            if (!impus.isEmpty() && !impus.equals(u.getAttributeStream(config.impuAttribute()).toList())) {
                u.setAttribute(config.impuAttribute(), impus);
            }
        });
        return user;
    }

    /**
     * Whether the search would begin with {@code user}: it holds the IMPI, or, mapping by IMPU, the BSF's first
     * IMPU (the one the search tries first).
     */
    private boolean holds(UserModel user, String impi, List<String> impus) {
        if (config.mapByImpu()) {
            return !impus.isEmpty() && user.getAttributeStream(config.impuAttribute()).anyMatch(impus.get(0)::equals);
        }
        return user.getAttributeStream(config.impiAttribute()).anyMatch(impi::equals);
    }

    private Optional<UserModel> unique(String attribute, String value) {
        List<UserModel> found = session.users().searchForUserByUserAttributeStream(realm, attribute, value)
                .limit(2).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * A new user named after the IMPI; none when that user name is taken by an account not linked to this IMPI,
     * which is never taken over.
     */
    private Optional<UserModel> create(String impi) {
        String username = impi.toLowerCase(Locale.ROOT);
        if (session.users().getUserByUsername(realm, username) != null) {
            return Optional.empty();
        }
        UserModel user = session.users().addUser(realm, username);
        user.setEnabled(true);
        user.setSingleAttribute(config.impiAttribute(), impi);
        return Optional.of(user);
    }
}
