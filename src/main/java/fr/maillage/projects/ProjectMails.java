package fr.maillage.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.directory.Directory;
import fr.maillage.directory.Member;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The projects' e-mails to a structure's editors, each in its reader's language, queued in the
 * caller's transaction: a message exists if and only if what it tells happened.
 */
@Component
class ProjectMails {

    static final String CATEGORY = "projects";

    private final Mailer mailer;
    private final MessageSource messages;
    private final Directory directory;
    private final Accounts accounts;
    private final MaillageProperties maillage;
    private final SiteProperties site;

    ProjectMails(Mailer mailer, MessageSource messages, Directory directory, Accounts accounts, MaillageProperties maillage,
                 SiteProperties site) {
        this.mailer = mailer;
        this.messages = messages;
        this.directory = directory;
        this.accounts = accounts;
        this.maillage = maillage;
        this.site = site;
    }

    /** Tells the editors of the lead structure that staff hid their project, and why. */
    void hidden(long organisationId, String projectTitle, String slug, String message) {
        send(organisationId, "hidden", projectTitle, "/projets/" + slug, message);
    }

    /** Tells them it is visible again. */
    void restored(long organisationId, String projectTitle, String slug) {
        send(organisationId, "restored", projectTitle, "/projets/" + slug, null);
    }

    /**
     * Sends {@code projects.web.mail.<kind>.subject}/{@code .body}; arguments: {0} project title,
     * {1} link, {2} staff message, {3} site name.
     */
    private void send(long organisationId, String kind, String title, String path, String message) {
        for (Recipient r : editors(organisationId)) {
            Object[] args = {title, link(path), message == null || message.isBlank() ? "—" : message.strip(), site.name()};
            String subject = messages.getMessage("projects.web.mail." + kind + ".subject", args, r.locale());
            String body = messages.getMessage("projects.web.mail.greeting", new Object[] {r.name() == null ? "" : r.name()}, r.locale())
                    + "\n\n" + messages.getMessage("projects.web.mail." + kind + ".body", args, r.locale())
                    + "\n\n" + messages.getMessage("projects.web.mail.signature", args, r.locale());
            mailer.queue(new OutgoingMail(r.email(), subject, body, null, CATEGORY));
        }
    }

    /** The admins and editors of the structure, at their current address and language, once each. */
    private List<Recipient> editors(long organisationId) {
        List<Member> members = directory.members(organisationId);
        Map<Long, PersonSummary> people = accounts.findAll(members.stream().map(Member::personId).toList());
        Map<String, Recipient> out = new LinkedHashMap<>();
        for (Member m : members) {
            PersonSummary p = people.get(m.personId());
            String email = p != null ? p.email() : m.email();
            if (email == null || email.isBlank()) {
                continue;
            }
            Locale locale = p != null && p.locale() != null ? p.locale() : Locale.FRENCH;
            out.putIfAbsent(email.toLowerCase(Locale.ROOT), new Recipient(email, p != null ? p.displayName() : m.name(), locale));
        }
        return List.copyOf(out.values());
    }

    private String link(String path) {
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "");
        return base + path;
    }

    private record Recipient(String email, String name, Locale locale) {
    }
}
