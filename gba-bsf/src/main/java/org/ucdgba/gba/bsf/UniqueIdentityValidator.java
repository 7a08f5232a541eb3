package org.ucdgba.gba.bsf;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@value #ID} for the {@value BsfConfig#IMPI_ATTRIBUTE} and {@value BsfConfig#IMPU_ATTRIBUTE}
 * attributes: a value another user of the realm holds is refused, so that no write can cut a subscriber off. On the
 * admin REST API the refusal is a 409 naming the attribute and value (as Keycloak answers a taken user name);
 * elsewhere it is a form error with message key {@value #MESSAGE}. Add it to both attributes in the realm's user
 * profile (the demo realm does). Where the profile's user is the stored one (the user's own update, the Account
 * Console, the admin API) a value the user holds already is not looked up again: Keycloak validates the whole
 * profile at every login (its verify-profile action), and keeping a value changes nothing for another user.
 * Elsewhere (an identity provider's review page, a registration) every value is looked up.
 */
public final class UniqueIdentityValidator implements SimpleValidator {

    /** The validator id to name in the user profile. */
    public static final String ID = "gba-unique-identity";
    /** Message key of the form error. */
    public static final String MESSAGE = "gbaIdentityTaken";

    /** The contexts whose profile user is the stored user, not a proposal built from what someone sent. */
    private static final Set<UserProfileContext> STORED_USER = EnumSet.of(UserProfileContext.UPDATE_PROFILE,
            UserProfileContext.ACCOUNT, UserProfileContext.USER_API);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context,
                                      ValidatorConfig config) {
        AttributeContext attribute = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        KeycloakSession session = context.getSession();
        UserModel user = attribute.getUser();
        String name = attribute.getMetadata().getName();
        List<String> held = user == null || !STORED_USER.contains(attribute.getContext()) ? List.of()
                : user.getAttributeStream(name).toList();
        for (Object value : values(input)) {
            if (value == null || value.toString().isBlank() || held.contains(value.toString())) {
                continue;
            }
            String v = value.toString();
            if (SubscriberIdentities.heldByAnother(session, session.getContext().getRealm(),
                    user == null ? null : user.getId(), name, v)) {
                if (attribute.getContext() == UserProfileContext.USER_API) {
                    throw SubscriberIdentities.conflict(name, v);
                }
                context.addError(new ValidationError(ID, inputHint, MESSAGE, name));
            }
        }
        return context;
    }

    private static Collection<?> values(Object input) {
        return input instanceof Collection<?> c ? c : input == null ? List.of() : List.of(input);
    }
}
