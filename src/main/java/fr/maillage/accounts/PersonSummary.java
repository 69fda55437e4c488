package fr.maillage.accounts;

import java.time.Instant;
import java.util.Locale;

/** What other modules may know of a person. They keep only the id and look the rest up here. */
public record PersonSummary(long id, String email, String displayName, Locale locale, Role role,
                            boolean emailVerified, Instant createdAt, Instant lastLoginAt) {

    public boolean isStaff() {
        return role.includes(Role.STAFF);
    }
}
