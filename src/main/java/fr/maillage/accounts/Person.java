package fr.maillage.accounts;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String email;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(name = "password_hash")
    String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Role role = Role.MEMBER;

    @Column(name = "email_verified", nullable = false)
    boolean emailVerified;

    @Column(nullable = false)
    String locale = "fr";

    @Column(name = "privacy_accepted_at")
    Instant privacyAcceptedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.now();

    @Column(name = "last_login_at")
    Instant lastLoginAt;

    @Column(name = "deleted_at")
    Instant deletedAt;

    protected Person() {
    }

    Person(String email, String displayName, String passwordHash, Locale locale) {
        this.email = normaliseEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.locale = supportedLocale(locale);
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String supportedLocale(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
    }

    Locale preferredLocale() {
        return Locale.forLanguageTag(locale);
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    PersonSummary summary() {
        return new PersonSummary(id, email, displayName, preferredLocale(), role, emailVerified, createdAt, lastLoginAt);
    }
}
