package fr.maillage.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory's e-mails, written in each person's language. Addresses come from the
 * {@link PersonDirectory} (accounts) when there is one, else from the contact the person left
 * when joining or asking to join a structure.
 */
@Component
class DirectoryMails {

    static final String CATEGORY = "directory";

    private final Mailer mailer;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final ObjectProvider<PersonDirectory> people;
    private final MaillageProperties maillage;
    private final SiteProperties site;

    DirectoryMails(Mailer mailer, MessageSource messages, JdbcClient jdbc, ObjectProvider<PersonDirectory> people,
                   MaillageProperties maillage, SiteProperties site) {
        this.mailer = mailer;
        this.messages = messages;
        this.jdbc = jdbc;
        this.people = people;
        this.maillage = maillage;
        this.site = site;
    }

    String link(String path) {
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "");
        return base + path;
    }

    Optional<Contact> contact(long personId) {
        PersonDirectory directory = people.getIfAvailable();
        if (directory != null) {
            Optional<Contact> c = directory.contact(personId);
            if (c.isPresent()) {
                return c;
            }
        }
        return jdbc.sql("""
                select email, display_name, locale from (
                  select email, display_name, locale, since as at from organisation_member where person_id = :p and email is not null
                  union all
                  select email, display_name, locale, created_at as at from organisation_join_request where person_id = :p and email is not null
                ) c order by at desc limit 1""")
                .param("p", personId)
                .query((rs, n) -> new Contact(rs.getString("email"), rs.getString("display_name"), locale(rs.getString("locale"))))
                .optional();
    }

    List<Contact> staff() {
        PersonDirectory directory = people.getIfAvailable();
        List<Contact> staff = directory == null ? List.of() : directory.staff();
        if (staff.isEmpty() && site.contactEmail() != null && !site.contactEmail().isBlank()) {
            return List.of(new Contact(site.contactEmail(), site.name(), Locale.FRENCH));
        }
        return staff;
    }

    /** The admins of a structure (every member when it has no admin). */
    List<Contact> admins(long organisationId) {
        List<Long> ids = jdbc.sql("select person_id from organisation_member where organisation_id = ? order by case role when 'ADMIN' then 0 else 1 end, since")
                .param(organisationId).query(Long.class).list();
        List<Long> adminIds = jdbc.sql("select person_id from organisation_member where organisation_id = ? and role = 'ADMIN' order by since")
                .param(organisationId).query(Long.class).list();
        Map<String, Contact> out = new LinkedHashMap<>();
        for (long id : adminIds.isEmpty() ? ids : adminIds) {
            contact(id).ifPresent(c -> out.putIfAbsent(c.email().toLowerCase(Locale.ROOT), c));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Sends {@code directory.mail.<kind>.subject}/{@code .body} to each contact; arguments:
     * {0} structure name, {1} link, {2} message, {3} site name, {4} extra (a person's name...).
     */
    void send(List<Contact> to, String kind, String organisationName, String link, String message, String extra) {
        for (Contact c : to) {
            Locale locale = c.locale() == null ? Locale.FRENCH : c.locale();
            Object[] args = {organisationName, link, message == null ? "" : message, site.name(), extra == null ? "" : extra};
            String subject = messages.getMessage("directory.mail." + kind + ".subject", args, locale);
            String body = messages.getMessage("directory.mail.greeting", new Object[] {c.name() == null ? "" : c.name()}, locale)
                    + "\n\n" + messages.getMessage("directory.mail." + kind + ".body", args, locale)
                    + "\n\n" + messages.getMessage("directory.mail.signature", args, locale);
            mailer.queue(new OutgoingMail(c.email(), subject, body, null, CATEGORY));
        }
    }

    static Locale locale(String tag) {
        return tag == null || tag.isBlank() ? Locale.FRENCH : Locale.forLanguageTag(tag);
    }
}
