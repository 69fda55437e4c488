package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.ical.IcsEvent;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The calendar entries of the agenda: the one place that turns an event into an iCalendar event
 * ({@link IcsEvent}), for the feeds and for the registration e-mails and pages.
 * <ul>
 * <li>{@link #of(FeedEntry, Labels)}: an occurrence of a feed. Every occurrence is its own VEVENT
 * (UID {@code event-<id>@<host>} for a one-off event, {@code event-<id>-<yyyyMMdd>@<host>} for an
 * occurrence of a repeating one), so that a filtered feed holds exactly what the filtered agenda
 * shows;</li>
 * <li>{@link #of(EventDetails, Locale)}: one event ({@code /agenda/<slug>.ics}), its repetition as
 * RRULE and EXDATE under {@code event-<id>@<host>};</li>
 * <li>{@link #invitation}: the entry of one registration (the e-mails' {@code invitation.ics} and
 * {@code annulation.ics}, the registration page's download), with the person as attendee and the
 * site as organiser, under {@code inscription-<registration>-evenement-<event>@<host>}, so that a
 * cancellation replaces the invitation in calendars.</li>
 * </ul>
 * All write the title, the event page's URL, the summary, the address ({@link #address}) and the
 * wall-clock start and end in the event's zone the same way. In feeds SEQUENCE is the event's
 * version, DTSTAMP and LAST-MODIFIED its last change, STATUS CANCELLED for a cancelled event (its
 * title prefixed "Annulé", as many calendar programs do not show the status), CATEGORIES its type
 * and themes, and the online link is never written (it may be meant for registrants only); an
 * invitation, sent to a registrant, gives it as the place of an online event.
 */
@Component
public class EventCalendar {

    /** The PRODID of every calendar the agenda writes. */
    public static final String PROD_ID = "-//Maillage//Agenda//FR";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AgendaLinks links;
    private final MessageSource messages;
    private final Reference reference;
    private final Markdown markdown;
    private final SiteProperties site;

    EventCalendar(AgendaLinks links, MessageSource messages, Reference reference, Markdown markdown, SiteProperties site) {
        this.links = links;
        this.messages = messages;
        this.reference = reference;
        this.markdown = markdown;
        this.site = site;
    }

    /** The labels a feed needs, looked up once per feed (not once per event). */
    public record Labels(Locale locale, Map<EventType, String> types, Map<String, String> themes, String online, String alsoOnline,
                         String cancelled) {
    }

    public Labels labels(Locale locale) {
        Map<EventType, String> types = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            types.put(t, messages.getMessage("agenda.type." + t.name(), null, locale));
        }
        Map<String, String> themes = new HashMap<>();
        for (RefItem theme : reference.list(RefList.THEMES)) {
            themes.put(theme.code(), theme.label(locale));
        }
        return new Labels(locale, types, themes, messages.getMessage("agenda.feeds.location.online", null, locale),
                messages.getMessage("agenda.feeds.location.also-online", null, locale),
                messages.getMessage("agenda.feeds.cancelled-title", new Object[] {"{0}"}, locale));
    }

    // ------------------------------------------------------------------ feeds

    /** One occurrence of a feed. */
    public IcsEvent of(FeedEntry e, Labels l) {
        String uid = links.uid(e.repeating() ? "event-" + e.eventId() + "-" + DAY.format(e.startDay()) : "event-" + e.eventId());
        String url = links.event(e.slug());
        List<String> categories = new ArrayList<>();
        categories.add(l.types().get(e.type()));
        e.themes().forEach(t -> categories.add(l.themes().getOrDefault(t, t)));
        return new IcsEvent(uid, e.updatedAt(), e.updatedAt(), e.version(), e.allDay(), e.localStart(), e.localEnd(), e.zone(),
                null, null, title(e.title(), e.cancelled(), l), description(e.summary(), null, url),
                location(e.format(), e.venueName(), e.street(), e.postalCode(), e.city(), null, l.online(), l.alsoOnline()),
                e.format().hasVenue() ? e.latitude() : null, e.format().hasVenue() ? e.longitude() : null, url,
                e.cancelled() ? "CANCELLED" : "CONFIRMED", categories, null, null, null, null);
    }

    /** One event with its repetition. */
    public IcsEvent of(EventDetails e, Locale locale) {
        Labels l = labels(locale);
        EventData d = e.data();
        String url = links.event(e.slug());
        String text = d.description() == null ? null : markdown.toPlainText(d.description(), 2_000);
        List<String> categories = new ArrayList<>();
        categories.add(l.types().get(d.type()));
        d.themes().stream().sorted().forEach(t -> categories.add(l.themes().getOrDefault(t, t)));
        return new IcsEvent(links.uid("event-" + e.id()), e.updatedAt(), e.updatedAt(), e.version(), d.allDay(), d.start(), d.end(),
                AgendaSearch.PARIS, d.repeats() ? rrule(d) : null, d.repeats() ? d.repeat().exceptions() : List.of(),
                title(d.title(), e.isCancelled(), l), description(d.summary(), text, url),
                location(d.format(), d.venueName(), d.street(), d.postalCode(), d.city(), null, l.online(), l.alsoOnline()),
                d.format().hasVenue() ? d.latitude() : null, d.format().hasVenue() ? d.longitude() : null, url,
                e.isCancelled() ? "CANCELLED" : "CONFIRMED", categories, null, null, null, null);
    }

    // ------------------------------------------------------------------ registrations

    /**
     * The entry of one registration, in {@code locale}: {@code status} CONFIRMED (an invitation,
     * {@code sequence} 0) or CANCELLED (its cancellation, {@code sequence} 1), stamped {@code now}.
     * Its description ends with the link of the person's registration page.
     */
    IcsEvent invitation(RegistrationDetails r, RegistrationEvent e, int sequence, String status, Locale locale, Instant now) {
        String registration = links.absolute("/agenda/inscriptions/" + r.token());
        String description = description(e.summary(),
                messages.getMessage("agenda.reg.ics.description", new Object[] {registration}, locale), null);
        return new IcsEvent(invitationUid(r), now, e.updatedAt(), sequence, e.allDay(), e.localStart(), e.localEnd(),
                ZoneId.of(e.timeZone()), null, List.of(), e.title(), description,
                location(e.format(), e.venueName(), e.street(), e.postalCode(), e.city(), e.onlineUrl(),
                        messages.getMessage("agenda.feeds.location.online", null, locale),
                        messages.getMessage("agenda.feeds.location.also-online", null, locale)),
                null, null, links.event(e.slug()), status, List.of(), site.name(), site.contactEmail(), r.fullName(), r.email());
    }

    /** Stable per event and registration: the cancellation replaces the invitation in calendars. */
    String invitationUid(RegistrationDetails r) {
        return links.uid("inscription-" + r.id() + "-evenement-" + r.eventId());
    }

    // ------------------------------------------------------------------ pieces

    private static String title(String title, boolean cancelled, Labels l) {
        return cancelled ? l.cancelled().replace("{0}", title) : title;
    }

    /** The summary, the text, then the link, separated by blank lines, each when there is one. */
    private static String description(String summary, String text, String url) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {summary, text, url}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        return String.join("\n\n", parts);
    }

    /**
     * The RFC 5545 rule of a repetition, as {@link Recurrence} expands it: the same interval, the
     * last day as UNTIL (in UTC at the end of that day in Paris; a DATE for all-day events), or
     * the COUNT; without either, the two years Recurrence generates.
     */
    static String rrule(EventData d) {
        EventData.Repeat r = d.repeat();
        StringBuilder s = new StringBuilder("FREQ=").append(r.frequency().name()).append(";INTERVAL=").append(Math.max(1, r.interval()));
        if (r.count() != null) {
            s.append(";COUNT=").append(Math.min(r.count(), Recurrence.MAX_OCCURRENCES));
        } else {
            LocalDate last = r.until() != null ? r.until() : d.start().toLocalDate().plusYears(Recurrence.OPEN_ENDED_YEARS);
            if (d.allDay()) {
                s.append(";UNTIL=").append(DAY.format(last));
            } else {
                s.append(";UNTIL=").append(UTC.format(last.atTime(23, 59, 59).atZone(AgendaSearch.PARIS)));
            }
        }
        return s.toString();
    }

    /** "Maison des associations, 12 rue du Palais, 33000 Bordeaux": the parts there are, or null. */
    public static String address(String venue, String street, String postalCode, String city) {
        List<String> parts = new ArrayList<>();
        if (venue != null && !venue.isBlank()) {
            parts.add(venue);
        }
        if (street != null && !street.isBlank()) {
            parts.add(street);
        }
        String town = ((postalCode == null ? "" : postalCode + " ") + (city == null ? "" : city)).strip();
        if (!town.isEmpty()) {
            parts.add(town);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * Where, for a calendar: the address; for an online event {@code onlineUrl} when the reader
     * may have it (a registrant), "En ligne" otherwise; a hybrid event's address followed by "et en
     * ligne".
     */
    static String location(EventFormat format, String venue, String street, String postalCode, String city, String onlineUrl,
                           String online, String alsoOnline) {
        if (format == EventFormat.ONLINE) {
            return onlineUrl != null && !onlineUrl.isBlank() ? onlineUrl : online;
        }
        String where = address(venue, street, postalCode, city);
        if (format == EventFormat.HYBRID) {
            return where == null ? online : where + " " + alsoOnline;
        }
        return where;
    }

    /** "Bordeaux (33)", "En ligne", "Pessac (33) et en ligne", for short lines (Atom, widget). */
    public static String place(EventFormat format, String city, String departement, MessageSource messages, Locale locale) {
        if (format == EventFormat.ONLINE) {
            return messages.getMessage("agenda.feeds.location.online", null, locale);
        }
        String town = city == null ? null : departement == null ? city : city + " (" + departement + ")";
        if (format == EventFormat.HYBRID) {
            return town == null ? messages.getMessage("agenda.feeds.location.online", null, locale)
                    : town + " " + messages.getMessage("agenda.feeds.location.also-online", null, locale);
        }
        return town;
    }
}
