package fr.maillage.support;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.mail.MailAttachment;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.ical.IcsEvent;
import fr.maillage.shared.ical.IcsWriter;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The appointments' e-mails, to the person and to the staff member, each in their language,
 * queued in the caller's transaction. Confirmations and moves carry an {@code invitation.ics}
 * (METHOD:REQUEST, the appointment's stable UID, its SEQUENCE), cancellations a METHOD:CANCEL one.
 * They are built from {@link Appointment}, which holds no private note: the team's notes and next
 * steps never go out by e-mail.
 */
@Component
class AppointmentMails {

    static final String CATEGORY = "support";
    static final String PROD_ID = "-//Maillage//Rendez-vous//FR";

    enum Kind {
        BOOKED, MOVED, CANCELLED, REMINDER
    }

    private final Mailer mailer;
    private final MessageSource messages;
    private final Accounts accounts;
    private final MaillageProperties maillage;
    private final SiteProperties site;

    AppointmentMails(Mailer mailer, MessageSource messages, Accounts accounts, MaillageProperties maillage, SiteProperties site) {
        this.mailer = mailer;
        this.messages = messages;
        this.accounts = accounts;
        this.maillage = maillage;
        this.site = site;
    }

    /** Both sides: the appointment is booked. */
    void booked(Appointment a) {
        toPerson(a, Kind.BOOKED, null, null);
        toStaff(a, Kind.BOOKED, null, null);
    }

    /** Both sides: it moved (the one who moved it gets the new invitation too). */
    void moved(Appointment before, Appointment after, boolean byStaff) {
        toPerson(after, Kind.MOVED, byStaff ? "staff" : "self", before);
        toStaff(after, Kind.MOVED, byStaff ? "self" : "person", before);
    }

    /** Both sides: it is cancelled, with the reason given. */
    void cancelled(Appointment a, boolean byStaff, String reason) {
        cancelled(a, byStaff, reason, true, true);
    }

    /** The same, to one side only (the other's account is being deleted). */
    void cancelled(Appointment a, boolean byStaff, String reason, boolean person, boolean staff) {
        if (person) {
            toPerson(a, Kind.CANCELLED, byStaff ? "staff" : "self", reason);
        }
        if (staff) {
            toStaff(a, Kind.CANCELLED, byStaff ? "self" : "person", reason);
        }
    }

    /** Both sides: tomorrow's appointment. */
    void reminder(Appointment a) {
        toPerson(a, Kind.REMINDER, null, null);
        toStaff(a, Kind.REMINDER, null, null);
    }

    // ------------------------------------------------------------------

    private void toPerson(Appointment a, Kind kind, String by, Object extra) {
        Optional<PersonSummary> account = accounts.find(a.personId());
        String email = account.map(PersonSummary::email).orElse(a.personEmail());
        if (email == null || email.isBlank() || "—".equals(email)) {
            return;
        }
        Locale locale = account.map(PersonSummary::locale).orElse(a.locale() == null ? Locale.FRENCH : a.locale());
        String link = link("/rendez-vous/" + a.token());
        String subjectLabel = msg("support.subject." + a.subject(), locale);
        String key = "support.mail.person." + kind.name().toLowerCase(Locale.ROOT) + (by == null ? "" : "." + by);
        Object[] args = {a.personName(), Dates.dateTime(a.localStart(), locale), a.staff().label(), subjectLabel,
                a.organisationName(), link, site.name(), extraText(extra, locale)};
        String subject = messages.getMessage(key + ".subject", args, locale);
        StringBuilder body = new StringBuilder()
                .append(messages.getMessage("support.mail.greeting", new Object[] {a.personName()}, locale)).append("\n\n")
                .append(messages.getMessage(key + ".body", args, locale)).append("\n\n")
                .append(details(a, locale, false));
        if (kind != Kind.CANCELLED) {
            body.append("\n").append(messages.getMessage("support.mail.person.manage", new Object[] {link}, locale));
        } else {
            body.append("\n").append(messages.getMessage("support.mail.person.again", new Object[] {link("/rendez-vous")}, locale));
        }
        body.append("\n\n").append(messages.getMessage("support.mail.signature", new Object[] {site.name()}, locale));
        OutgoingMail mail = new OutgoingMail(email, subject, body.toString(), null, CATEGORY);
        if (kind != Kind.REMINDER) {
            String summary = messages.getMessage("support.ics.person.summary", new Object[] {a.staff().displayName(), subjectLabel}, locale);
            mail = mail.withAttachments(List.of(ics(a, kind, summary, details(a, locale, false) + "\n" + link, link,
                    a.personName(), email)));
        }
        mailer.queue(mail);
    }

    private void toStaff(Appointment a, Kind kind, String by, Object extra) {
        Optional<PersonSummary> staff = accounts.find(a.staff().personId());
        if (staff.isEmpty() || staff.get().email() == null || staff.get().email().isBlank()) {
            return;
        }
        Locale locale = staff.get().locale() == null ? Locale.FRENCH : staff.get().locale();
        String link = link("/admin/rendez-vous/" + a.id());
        String subjectLabel = msg("support.subject." + a.subject(), locale);
        String key = "support.mail.staff." + kind.name().toLowerCase(Locale.ROOT) + (by == null ? "" : "." + by);
        Object[] args = {a.personName(), Dates.dateTime(a.localStart(), locale), a.organisationName(), subjectLabel, link,
                site.name(), extraText(extra, locale)};
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage("support.mail.greeting", new Object[] {a.staff().displayName()}, locale) + "\n\n"
                + messages.getMessage(key + ".body", args, locale) + "\n\n"
                + details(a, locale, true) + "\n"
                + messages.getMessage("support.mail.staff.open", new Object[] {link}, locale) + "\n\n"
                + messages.getMessage("support.mail.signature", new Object[] {site.name()}, locale);
        OutgoingMail mail = new OutgoingMail(staff.get().email(), subject, body, null, CATEGORY);
        if (kind != Kind.REMINDER) {
            String summary = messages.getMessage("support.ics.staff.summary", new Object[] {a.personName(), a.organisationName(), subjectLabel}, locale);
            mail = mail.withAttachments(List.of(ics(a, kind, summary, details(a, locale, true) + "\n" + link, link,
                    a.personName(), a.personEmail())));
        }
        mailer.queue(mail);
    }

    /** The appointment's facts, one per line (never the team's notes: {@link Appointment} has none). */
    String details(Appointment a, Locale locale, boolean forStaff) {
        StringBuilder s = new StringBuilder();
        line(s, locale, "support.mail.detail.when", Dates.span(a.localStart(), a.localEnd(), locale));
        if (forStaff) {
            line(s, locale, "support.mail.detail.person", a.personName() + " <" + a.personEmail() + ">");
        } else {
            line(s, locale, "support.mail.detail.with", a.staff().label());
        }
        line(s, locale, "support.mail.detail.structure", a.organisationName());
        line(s, locale, "support.mail.detail.subject", msg("support.subject." + a.subject(), locale));
        line(s, locale, "support.mail.detail.mode", msg("support.mode." + a.mode(), locale) + " – " + where(a));
        if (a.message() != null && !a.message().isBlank()) {
            line(s, locale, forStaff ? "support.mail.detail.message" : "support.mail.detail.your-message", a.message().strip());
        }
        return s.toString();
    }

    private void line(StringBuilder s, Locale locale, String key, String value) {
        s.append(messages.getMessage(key, new Object[] {value}, locale)).append('\n');
    }

    private static String where(Appointment a) {
        return a.mode() == MeetingMode.VIDEO ? nullToDash(a.videoUrl()) : nullToDash(a.place());
    }

    private MailAttachment ics(Appointment a, Kind kind, String summary, String description, String url, String attendeeName,
                               String attendeeEmail) {
        boolean cancel = kind == Kind.CANCELLED;
        Optional<PersonSummary> staff = accounts.find(a.staff().personId());
        String organizerEmail = staff.map(PersonSummary::email).orElse(site.contactEmail());
        Instant now = Instant.now();
        IcsEvent event = new IcsEvent(a.uid(), now, now, a.sequence(), false, a.localStart(), a.localEnd(), SlotCalculator.PARIS,
                null, List.of(), summary, description, where(a), null, null, url, cancel ? "CANCELLED" : "CONFIRMED", List.of(),
                a.staff().displayName(), organizerEmail, attendeeName, attendeeEmail);
        String method = cancel ? "CANCEL" : "REQUEST";
        return MailAttachment.calendar(cancel ? "annulation.ics" : "invitation.ics", IcsWriter.single(PROD_ID, method, event), method);
    }

    private String extraText(Object extra, Locale locale) {
        if (extra instanceof Appointment before) {
            return Dates.dateTime(before.localStart(), locale);
        }
        if (extra instanceof String reason && !reason.isBlank()) {
            return reason.strip();
        }
        return msg("support.mail.no-reason", locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    String link(String path) {
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "");
        return base + path;
    }

    /** The host named in iCalendar UIDs. */
    String host() {
        try {
            String h = URI.create(maillage.baseUrl()).getHost();
            return h == null || h.isBlank() ? "maillage" : h;
        } catch (RuntimeException e) {
            return "maillage";
        }
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
