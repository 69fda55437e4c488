package fr.maillage.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in person: Spring Security's {@link UserDetails} and Maillage's
 * {@link CurrentPerson}. Authorities include every role implied by the person's role.
 */
public final class SignedInPerson implements UserDetails, CurrentPerson {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean emailVerified;
    private final String locale;
    /** A digest of the password hash at login: a later password change ends this session ({@link SessionCheckFilter}). */
    private final String credentialsStamp;
    private transient String passwordHash;

    SignedInPerson(Person person) {
        this.personId = person.id;
        this.email = person.email;
        this.displayName = person.displayName;
        this.role = person.role;
        this.emailVerified = person.emailVerified;
        this.locale = person.locale;
        this.passwordHash = person.passwordHash;
        this.credentialsStamp = credentialsStamp(person.passwordHash);
    }

    static String credentialsStamp(String passwordHash) {
        if (passwordHash == null) {
            return "";
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String credentialsStamp() {
        return credentialsStamp;
    }

    @Override
    public long personId() {
        return personId;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** Same as {@link #displayName()}, for templates ({@code ${#authentication.principal.displayName}}). */
    public String getDisplayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    boolean emailVerified() {
        return emailVerified;
    }

    @Override
    public boolean isStaff() {
        return role.includes(Role.STAFF);
    }

    @Override
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(Role.values()).stream().filter(role::includes)
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInPerson other && other.personId == personId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(personId);
    }

    @Override
    public String toString() {
        return "SignedInPerson[" + personId + "]";
    }
}
