package fr.maillage.accounts;

/**
 * What a person may do. Each role includes the ones below it: ADMIN &gt; STAFF &gt; MEMBER.
 * Spring Security sees them as authorities {@code ROLE_MEMBER}, {@code ROLE_STAFF}, {@code ROLE_ADMIN}.
 */
public enum Role {
    MEMBER, STAFF, ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
