package fr.maillage.agenda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.mail.MailAttachment;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.ical.IcsWriter;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of registrations, in the person's language (their account's, French otherwise),
 * queued in the caller's transaction: a message exists if and only if what it tells happened.
 * Every message carries the link of the person's registration page. The confirmation carries
 * an {@code invitation.ics} (METHOD:REQUEST, the person as attendee); a cancellation of a
 * confirmed place an {@code annulation.ics} (METHOD:CANCEL) with the same UID, so calendars
 * remove the event: both written by {@link EventCalendar#invitation}.
 */
@Component
class RegistrationMails {

    static final String CATEGORY = "agenda";

    private final Mailer mailer;
    private final MessageSource messages;
    private final Accounts accounts;
    private final AgendaLinks links;
    private final EventCalendar calendar;
    private final SiteProperties site;

    RegistrationMails(Mailer mailer, MessageSource messages, Accounts accounts, AgendaLinks links, EventCalendar calendar,
                      SiteProperties site) {
        this.mailer = mailer;
        this.messages = messages;
        this.accounts = accounts;
        this.links = links;
        this.calendar = calendar;
        this.site = site;
    }

    /** A place is confirmed (open registration, offer confirmed, staff registration) or a request {@code approved}. */
    void confirmed(RegistrationDetails r, RegistrationEvent e, List<String> sessions, boolean approved, Instant now) {
        Locale locale = localeOf(r);
        String ics = IcsWriter.single(EventCalendar.PROD_ID, "REQUEST", calendar.invitation(r, e, e.calendarSequence(), "CONFIRMED", locale, now));
        send(r, e, approved ? "approved" : "confirmed", locale, details(e, sessions, locale), null,
                List.of(MailAttachment.calendar("invitation.ics", ics, "REQUEST")));
    }

    void waiting(RegistrationDetails r, RegistrationEvent e) {
        Locale locale = localeOf(r);
        send(r, e, "waiting", locale, "", r.waitingPosition(), List.of());
    }

    /** A request on an event with approval; {@code fromWaitingList} when a place freed for someone waiting. */
    void pending(RegistrationDetails r, RegistrationEvent e, boolean fromWaitingList) {
        Locale locale = localeOf(r);
        send(r, e, fromWaitingList ? "promoted-pending" : "pending", locale, "", null, List.of());
    }

    /** A place offered to someone waiting, to confirm before {@code r.offerExpiresAt()}; {@code droppedSessions} had no room left. */
    void offered(RegistrationDetails r, RegistrationEvent e, List<String> droppedSessions) {
        Locale locale = localeOf(r);
        String dropped = droppedSessions.isEmpty() ? ""
                : "\n\n" + messages.getMessage("agenda.reg.mail.dropped-sessions", new Object[] {String.join(", ", droppedSessions)}, locale);
        send(r, e, "offered", locale, dropped, Dates.dateTime(r.offerExpiresAt(), locale), List.of());
    }

    void expired(RegistrationDetails r, RegistrationEvent e) {
        send(r, e, "expired", localeOf(r), "", null, List.of());
    }

    void refused(RegistrationDetails r, RegistrationEvent e, String message) {
        Locale locale = localeOf(r);
        String why = message == null ? "" : "\n\n" + messages.getMessage("agenda.reg.mail.staff-message", new Object[] {message}, locale);
        send(r, e, "refused", locale, why, null, List.of());
    }

    /** The cancellation acknowledged; {@code hadInvitation}: a confirmed place, whose calendar entry is cancelled too. */
    void cancelled(RegistrationDetails r, RegistrationEvent e, boolean hadInvitation, boolean byStaff, Instant now) {
        Locale locale = localeOf(r);
        String extra = byStaff ? "\n\n" + messages.getMessage("agenda.reg.mail.cancelled.by-staff", null, locale) : "";
        send(r, e, "cancelled", locale, extra, null, hadInvitation ? cancelIcs(r, e, locale, now) : List.of());
    }

    void reminder(RegistrationDetails r, RegistrationEvent e, List<String> sessions) {
        Locale locale = localeOf(r);
        send(r, e, "reminder", locale, details(e, sessions, locale), null, List.of());
    }

    void eventCancelled(RegistrationDetails r, RegistrationEvent e, boolean hadInvitation, Instant now) {
        Locale locale = localeOf(r);
        String why = e.moderationMessage() == null ? ""
                : "\n\n" + messages.getMessage("agenda.reg.mail.organiser-message", new Object[] {e.moderationMessage()}, locale);
        send(r, e, "event-cancelled", locale, why, null, hadInvitation ? cancelIcs(r, e, locale, now) : List.of());
    }

    /**
     * The event's dates or place changed: every live registrant is told the new ones; a
     * confirmed person also gets the updated calendar entry (same UID, a higher SEQUENCE).
     */
    void rescheduled(RegistrationDetails r, RegistrationEvent e, List<String> sessions, boolean hadInvitation, Instant now) {
        Locale locale = localeOf(r);
        List<MailAttachment> files = List.of();
        if (hadInvitation) {
            String ics = IcsWriter.single(EventCalendar.PROD_ID, "REQUEST",
                    calendar.invitation(r, e, e.calendarSequence(), "CONFIRMED", locale, now));
            files = List.of(MailAttachment.calendar("invitation.ics", ics, "REQUEST"));
        }
        send(r, e, "rescheduled", locale, details(e, sessions, locale), null, files);
    }

    // ------------------------------------------------------------------ building

    /**
     * Sends {@code agenda.reg.mail.<kind>.subject} and {@code .body}. Arguments: {0} event title,
     * {1} when, {2} where, {3} link of the registration page, {4} link of the event page, {5} site
     * name, {6} the details block or a kind's extra text, {7} a kind's value (position, date).
     */
    private void send(RegistrationDetails r, RegistrationEvent e, String kind, Locale locale, String extra, Object value,
                      List<MailAttachment> attachments) {
        Object[] args = {e.title(), when(e, locale), where(e, locale), link("/agenda/inscriptions/" + r.token()),
                link("/agenda/" + e.slug()), site.name(), extra, value == null ? "" : value};
        String subject = messages.getMessage("agenda.reg.mail." + kind + ".subject", args, locale);
        String body = messages.getMessage("agenda.reg.mail.greeting", new Object[] {r.fullName()}, locale)
                + "\n\n" + messages.getMessage("agenda.reg.mail." + kind + ".body", args, locale)
                + "\n\n" + messages.getMessage("agenda.reg.mail.signature", args, locale);
        mailer.queue(new OutgoingMail(r.email(), subject, body, null, CATEGORY).withAttachments(attachments));
    }

    private String details(RegistrationEvent e, List<String> sessions, Locale locale) {
        StringBuilder s = new StringBuilder();
        s.append("\n\n").append(messages.getMessage("agenda.reg.mail.when", new Object[] {when(e, locale)}, locale));
        String where = where(e, locale);
        if (!where.isEmpty()) {
            s.append('\n').append(messages.getMessage("agenda.reg.mail.where", new Object[] {where}, locale));
        }
        if (!sessions.isEmpty()) {
            s.append('\n').append(messages.getMessage("agenda.reg.mail.sessions", new Object[] {String.join(", ", sessions)}, locale));
        }
        return s.toString();
    }

    private List<MailAttachment> cancelIcs(RegistrationDetails r, RegistrationEvent e, Locale locale, Instant now) {
        String ics = IcsWriter.single(EventCalendar.PROD_ID, "CANCEL", calendar.invitation(r, e, e.calendarSequence() + 1, "CANCELLED", locale, now));
        return List.of(MailAttachment.calendar("annulation.ics", ics, "CANCEL"));
    }

    static String when(RegistrationEvent e, Locale locale) {
        return Dates.span(e.localStart(), e.localEnd(), e.allDay(), locale);
    }

    String where(RegistrationEvent e, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (e.format() != EventFormat.ONLINE) {
            String place = EventCalendar.address(e.venueName(), e.street(), e.postalCode(), e.city());
            if (place != null) {
                parts.add(place);
            }
        }
        if (e.format() != EventFormat.IN_PERSON && e.onlineUrl() != null) {
            parts.add(messages.getMessage("agenda.reg.mail.online", new Object[] {e.onlineUrl()}, locale));
        }
        return String.join(locale.getLanguage().equals("fr") ? "\u00a0; " : "; ", parts);
    }

    private Locale localeOf(RegistrationDetails r) {
        if (r.personId() == null) {
            return Locale.FRENCH;
        }
        return accounts.find(r.personId()).map(PersonSummary::locale)
                .filter(l -> "en".equals(l.getLanguage())).map(l -> Locale.ENGLISH).orElse(Locale.FRENCH);
    }

    private String link(String path) {
        return links.absolute(path);
    }
}
