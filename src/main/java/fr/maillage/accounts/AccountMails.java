package fr.maillage.accounts;

import java.util.Locale;

import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The account e-mails, written in the person's language, queued in the outbox. */
@Component
class AccountMails {

    static final String CATEGORY = "compte";

    private final Mailer mailer;
    private final MessageSource messages;
    private final MaillageProperties maillage;
    private final SiteProperties site;
    private final AccountsProperties properties;

    AccountMails(Mailer mailer, MessageSource messages, MaillageProperties maillage, SiteProperties site,
                 AccountsProperties properties) {
        this.mailer = mailer;
        this.messages = messages;
        this.maillage = maillage;
        this.site = site;
        this.properties = properties;
    }

    void confirmation(Person person, String token) {
        send(person, "accounts.mail.confirm", link("/confirmation/" + token), properties.verificationValidity().toDays());
    }

    void passwordReset(Person person, String token) {
        send(person, "accounts.mail.reset", link("/mot-de-passe/" + token), properties.resetValidity().toMinutes());
    }

    void passwordChanged(Person person) {
        send(person, "accounts.mail.password-changed", link("/mot-de-passe-oublie"), 0);
    }

    void accountDeleted(String email, String displayName, Locale locale) {
        String subject = messages.getMessage("accounts.mail.deleted.subject", new Object[] {site.name()}, locale);
        String text = messages.getMessage("accounts.mail.deleted.body", new Object[] {displayName, "", site.name(), 0}, locale);
        mailer.queue(new OutgoingMail(email, subject, text, null, CATEGORY));
    }

    private void send(Person person, String key, String link, long validity) {
        Locale locale = person.preferredLocale();
        String subject = messages.getMessage(key + ".subject", new Object[] {site.name()}, locale);
        String text = messages.getMessage(key + ".body", new Object[] {person.displayName, link, site.name(), validity}, locale);
        mailer.queue(new OutgoingMail(person.email, subject, text, null, CATEGORY));
    }

    String link(String path) {
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }
}
