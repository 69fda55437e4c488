package fr.maillage.accounts;

import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator. At start, when {@code MAILLAGE_ADMIN_EMAIL} and
 * {@code MAILLAGE_ADMIN_PASSWORD} are set and no account has that address, it is created as a
 * confirmed administrator (an existing account is never overwritten). Otherwise, when no
 * administrator exists, a one-time setup link {@code /installation/{token}} is printed in the log:
 * whoever opens it chooses the first administrator's e-mail, name and password.
 */
@Service
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** A first administrator, as typed in the setup form. */
    public record Setup(String displayName, String email, String password, Locale locale) {
    }

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final AccountTokens tokens;
    private final AccountsProperties properties;
    private final AccountMails mails;

    AdminBootstrap(PersonRepository people, PasswordEncoder passwordEncoder, AccountTokens tokens,
                   AccountsProperties properties, AccountMails mails) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.properties = properties;
        this.mails = mails;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdministrator();
    }

    @Transactional
    public void ensureAdministrator() {
        if (properties.hasConfiguredAdmin()) {
            String email = Person.normaliseEmail(properties.adminEmail());
            if (people.findByEmail(email).isEmpty()) {
                PasswordPolicy.problem(properties.adminPassword(), email).ifPresent(problem ->
                        log.warn("MAILLAGE_ADMIN_PASSWORD ne respecte pas la règle des mots de passe ({}) : "
                                + "changez-le dès la première connexion.", problem));
                Person admin = new Person(email, "Administrateur", passwordEncoder.encode(properties.adminPassword()), Locale.FRENCH);
                admin.role = Role.ADMIN;
                admin.emailVerified = true;
                people.saveAndFlush(admin);
                tokens.revoke(null, AccountTokens.Purpose.SETUP);
                log.info("Compte administrateur créé pour {} (MAILLAGE_ADMIN_EMAIL).", email);
            }
            return;
        }
        if (!people.existsByRoleAndDeletedAtIsNull(Role.ADMIN)) {
            String token = newSetupToken();
            log.warn("""

                    ====================================================================
                     Aucun administrateur. Créez le premier compte administrateur ici
                     (lien à usage unique, valable {} jours) :
                       {}
                     Ou définissez MAILLAGE_ADMIN_EMAIL et MAILLAGE_ADMIN_PASSWORD.
                    ====================================================================""",
                    properties.setupValidity().toDays(), mails.link("/installation/" + token));
        }
    }

    /** Issues a new setup token (the previous one stops working) and returns it. */
    @Transactional
    public String newSetupToken() {
        return tokens.issue(null, AccountTokens.Purpose.SETUP, properties.setupValidity());
    }

    @Transactional(readOnly = true)
    public boolean isSetupTokenValid(String token) {
        return tokens.find(token, AccountTokens.Purpose.SETUP).isPresent();
    }

    /**
     * Creates the first administrator with the setup token (single use). An existing account with
     * that address becomes an administrator with the chosen name and password.
     */
    @Transactional
    public long completeSetup(String token, Setup setup) {
        if (tokens.find(token, AccountTokens.Purpose.SETUP).isEmpty()) {
            throw new AccountException(null, "accounts.setup.invalid");
        }
        String email = Person.normaliseEmail(setup.email());
        PasswordPolicy.check("password", setup.password(), email);
        tokens.consume(token, AccountTokens.Purpose.SETUP).orElseThrow(() -> new AccountException(null, "accounts.setup.invalid"));
        Person admin = people.findByEmail(email).filter(p -> !p.isDeleted())
                .orElseGet(() -> new Person(email, setup.displayName(), null, setup.locale()));
        admin.displayName = setup.displayName().strip();
        admin.passwordHash = passwordEncoder.encode(setup.password());
        admin.role = Role.ADMIN;
        admin.emailVerified = true;
        if (admin.privacyAcceptedAt == null) {
            admin.privacyAcceptedAt = Instant.now();
        }
        people.saveAndFlush(admin);
        log.info("Premier administrateur créé : {}", email);
        return admin.id;
    }
}
