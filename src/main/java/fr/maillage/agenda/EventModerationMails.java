package fr.maillage.agenda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails of moderation, written in the writer's transaction (through the outbox) as the
 * event changes: the team is told of a member's proposal; the proposer is told when it is
 * approved, or refused with the team's message. Each in the recipient's language.
 */
@Component
class EventModerationMails {

    static final String CATEGORY = "moderation";

    private final Agenda agenda;
    private final Accounts accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final MaillageProperties maillage;
    private final SiteProperties site;

    EventModerationMails(Agenda agenda, Accounts accounts, Mailer mailer, MessageSource messages, MaillageProperties maillage,
                         SiteProperties site) {
        this.agenda = agenda;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.maillage = maillage;
        this.site = site;
    }

    @EventListener
    void on(EventChanged change) {
        if (change.deleted() || change.previous() == change.status()) {
            return;
        }
        EventDetails e = agenda.find(change.eventId()).orElse(null);
        if (e == null) {
            return;
        }
        if ((change.previous() == null || change.previous() == EventStatus.REFUSED) && change.status() == EventStatus.PENDING) {
            String proposer = e.proposedBy() == null ? "" : accounts.find(e.proposedBy()).map(PersonSummary::displayName).orElse("");
            String organisations = String.join(", ", e.organisations().stream().map(o -> o.displayName()).toList());
            for (Recipient r : staff()) {
                send(r, change.previous() == null ? "proposed" : "resubmitted", e, link("/admin/agenda"), organisations, proposer);
            }
        } else if (change.status() == EventStatus.PUBLISHED
                && (change.previous() == EventStatus.PENDING || change.previous() == EventStatus.REFUSED)) {
            proposer(e).ifPresent(r -> send(r, "approved", e, link("/agenda/" + e.slug()), "", ""));
        } else if (change.status() == EventStatus.REFUSED) {
            proposer(e).ifPresent(r -> send(r, "refused", e, link("/agenda/" + e.slug() + "/modifier"),
                    e.moderationMessage() == null ? "" : e.moderationMessage(), ""));
        }
    }

    private record Recipient(String email, String name, Locale locale) {
    }

    private java.util.Optional<Recipient> proposer(EventDetails e) {
        if (e.proposedBy() == null) {
            return java.util.Optional.empty();
        }
        return accounts.find(e.proposedBy()).map(p -> new Recipient(p.email(), p.displayName(), p.locale()));
    }

    private List<Recipient> staff() {
        Map<String, Recipient> out = new LinkedHashMap<>();
        for (PersonSummary p : accounts.staff()) {
            out.putIfAbsent(p.email().toLowerCase(Locale.ROOT), new Recipient(p.email(), p.displayName(), p.locale()));
        }
        if (out.isEmpty() && site.contactEmail() != null && !site.contactEmail().isBlank()) {
            out.put(site.contactEmail(), new Recipient(site.contactEmail(), site.name(), Locale.FRENCH));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * {@code agenda.events.mail.<kind>.subject}/{@code .body}; arguments: {0} the event's title,
     * {1} a link, {2} a message or the organisers, {3} the site's name, {4} the proposer's name.
     */
    private void send(Recipient to, String kind, EventDetails e, String link, String message, String proposer) {
        Locale locale = to.locale() == null ? Locale.FRENCH : to.locale();
        Object[] args = {e.title(), link, message, site.name(), proposer};
        String subject = messages.getMessage("agenda.events.mail." + kind + ".subject", args, locale);
        String body = messages.getMessage("agenda.events.mail.greeting", new Object[] {to.name() == null ? "" : to.name()}, locale)
                + "\n\n" + messages.getMessage("agenda.events.mail." + kind + ".body", args, locale)
                + "\n\n" + messages.getMessage("agenda.events.mail.signature", args, locale);
        mailer.queue(new OutgoingMail(to.email(), subject, body, null, CATEGORY));
    }

    private String link(String path) {
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "");
        return base + path;
    }
}
