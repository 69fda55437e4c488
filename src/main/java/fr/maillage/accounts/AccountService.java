package fr.maillage.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.mail.Outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does with their account: sign up, confirm the e-mail, reset or change the
 * password, edit the profile, export and delete their data. Refusals are {@link AccountException}s
 * (nothing is written). No operation tells a stranger whether an e-mail address has an account,
 * except sign-up, which must say the address is taken.
 */
@Service
@Transactional
public class AccountService {

    /** A sign-up, as typed in the form. */
    public record SignUp(String displayName, String email, String password, boolean privacyAccepted, Locale locale) {
    }

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountsProperties properties;
    private final PersistentTokenRepository rememberMeTokens;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    AccountService(PersonRepository people, PasswordEncoder passwordEncoder, AccountTokens tokens, AccountMails mails,
                   AccountsProperties properties, PersistentTokenRepository rememberMeTokens,
                   ApplicationEventPublisher events, Outbox outbox, JdbcClient jdbc) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.mails = mails;
        this.properties = properties;
        this.rememberMeTokens = rememberMeTokens;
        this.events = events;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** Creates an unconfirmed member account and sends the confirmation link. Returns the person's id. */
    public long signUp(SignUp command) {
        String email = Person.normaliseEmail(command.email());
        if (!command.privacyAccepted()) {
            throw new AccountException("privacyAccepted", "accounts.signup.privacy.required");
        }
        PasswordPolicy.check("password", command.password(), email);
        if (people.findByEmail(email).isPresent()) {
            throw new AccountException("email", "accounts.signup.email.taken");
        }
        Person person = new Person(email, command.displayName(), passwordEncoder.encode(command.password()), command.locale());
        person.privacyAcceptedAt = Instant.now();
        people.saveAndFlush(person);
        mails.confirmation(person, tokens.issue(person.id, AccountTokens.Purpose.VERIFY_EMAIL, properties.verificationValidity()));
        return person.id;
    }

    /** Confirms the e-mail address of the link's owner. Empty when the link is unknown, used or expired. */
    public Optional<Long> confirmEmail(String token) {
        return tokens.consume(token, AccountTokens.Purpose.VERIFY_EMAIL)
                .flatMap(found -> people.findById(found.personId()))
                .filter(p -> !p.isDeleted())
                .map(p -> {
                    p.emailVerified = true;
                    return p.id;
                });
    }

    /** Sends a new confirmation link if this address has an unconfirmed account; silently does nothing otherwise. */
    public void resendConfirmation(String email) {
        people.findByEmail(Person.normaliseEmail(email))
                .filter(p -> !p.isDeleted() && !p.emailVerified)
                .ifPresent(p -> mails.confirmation(p, tokens.issue(p.id, AccountTokens.Purpose.VERIFY_EMAIL, properties.verificationValidity())));
    }

    /** Sends a reset link if this address has an account; silently does nothing otherwise. */
    public void requestPasswordReset(String email) {
        people.findByEmail(Person.normaliseEmail(email))
                .filter(p -> !p.isDeleted())
                .ifPresent(p -> mails.passwordReset(p, tokens.issue(p.id, AccountTokens.Purpose.RESET_PASSWORD, properties.resetValidity())));
    }

    @Transactional(readOnly = true)
    public boolean isResetTokenValid(String token) {
        return tokens.find(token, AccountTokens.Purpose.RESET_PASSWORD).isPresent();
    }

    /**
     * Sets a new password with a reset link (single use). The address is thereby proven, so it is
     * marked confirmed; "remember me" logins and recent failures are forgotten.
     * Throws {@code AccountException("token", ...)} when the link is unknown, used or expired.
     */
    public void resetPassword(String token, String newPassword) {
        AccountTokens.Found found = tokens.find(token, AccountTokens.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new AccountException(null, "accounts.reset.invalid"));
        Person person = people.findById(found.personId()).filter(p -> !p.isDeleted())
                .orElseThrow(() -> new AccountException(null, "accounts.reset.invalid"));
        PasswordPolicy.check("password", newPassword, person.email);
        tokens.consume(token, AccountTokens.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new AccountException(null, "accounts.reset.invalid"));
        person.passwordHash = passwordEncoder.encode(newPassword);
        person.emailVerified = true;
        rememberMeTokens.removeUserTokens(person.email);
        jdbc.sql("delete from login_failure where kind = 'EMAIL' and subject = ?").param(person.email).update();
        mails.passwordChanged(person);
    }

    public void updateProfile(long personId, String displayName, Locale locale) {
        Person person = load(personId);
        person.displayName = displayName.strip();
        person.locale = Person.supportedLocale(locale);
    }

    /** Changes the password, the current one being required. Other devices' "remember me" logins and sessions end. */
    public void changePassword(long personId, String currentPassword, String newPassword) {
        Person person = load(personId);
        if (currentPassword == null || person.passwordHash == null || !passwordEncoder.matches(currentPassword, person.passwordHash)) {
            throw new AccountException("currentPassword", "accounts.password.current.wrong");
        }
        PasswordPolicy.check("newPassword", newPassword, person.email);
        person.passwordHash = passwordEncoder.encode(newPassword);
        rememberMeTokens.removeUserTokens(person.email);
        mails.passwordChanged(person);
    }

    /** Everything the accounts and mail modules keep about the person (RGPD right of access and portability). */
    @Transactional(readOnly = true)
    public Map<String, Object> exportData(long personId) {
        Person person = load(personId);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", person.id);
        account.put("email", person.email);
        account.put("displayName", person.displayName);
        account.put("role", person.role.name());
        account.put("emailVerified", person.emailVerified);
        account.put("locale", person.locale);
        account.put("createdAt", String.valueOf(person.createdAt));
        account.put("lastLoginAt", person.lastLoginAt == null ? null : person.lastLoginAt.toString());
        Map<String, Object> consents = new LinkedHashMap<>();
        consents.put("privacyPolicyAcceptedAt", person.privacyAcceptedAt == null ? null : person.privacyAcceptedAt.toString());
        List<Map<String, Object>> messages = outbox.forRecipient(person.email).stream().map(m -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("date", m.createdAt().toString());
            message.put("subject", m.subject());
            message.put("category", m.category());
            message.put("status", m.status().name());
            message.put("text", m.bodyText());
            return message;
        }).toList();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", Instant.now().toString());
        export.put("account", account);
        export.put("consents", consents);
        export.put("emails", messages);
        return export;
    }

    /**
     * Deletes the account, the password being required: the person row is anonymised (kept so that
     * other modules' references by id stay valid), tokens, "remember me" logins and e-mails to the
     * address are deleted, and {@link PersonDeleted} is published for other modules.
     */
    public void delete(long personId, String password) {
        Person person = load(personId);
        if (password == null || person.passwordHash == null || !passwordEncoder.matches(password, person.passwordHash)) {
            throw new AccountException("password", "accounts.password.current.wrong");
        }
        if (person.role == Role.ADMIN && people.countByRoleAndDeletedAtIsNull(Role.ADMIN) <= 1) {
            throw new AccountException("password", "accounts.delete.last-admin");
        }
        String email = person.email;
        String name = person.displayName;
        Locale locale = person.preferredLocale();
        person.email = "supprime-" + person.id + "@compte-supprime.invalid";
        person.displayName = "—";
        person.passwordHash = null;
        person.role = Role.MEMBER;
        person.emailVerified = false;
        person.privacyAcceptedAt = null;
        person.lastLoginAt = null;
        person.deletedAt = Instant.now();
        tokens.revokeAll(person.id);
        rememberMeTokens.removeUserTokens(email);
        jdbc.sql("delete from login_failure where kind = 'EMAIL' and subject = ?").param(email).update();
        outbox.forget(email);
        mails.accountDeleted(email, name, locale);
        events.publishEvent(new PersonDeleted(person.id));
    }

    /** A fresh principal for a signed-in person whose name or locale changed. */
    @Transactional(readOnly = true)
    public SignedInPerson signedIn(long personId) {
        return new SignedInPerson(load(personId));
    }

    private Person load(long personId) {
        return people.findById(personId).filter(p -> !p.isDeleted())
                .orElseThrow(() -> new AccountException(null, "accounts.person.unknown"));
    }
}
