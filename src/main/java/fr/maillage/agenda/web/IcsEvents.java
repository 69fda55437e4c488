package fr.maillage.agenda.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.FeedEntry;
import fr.maillage.agenda.Recurrence;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.ical.IcsEvent;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns agenda events into iCalendar events. In the agenda's feeds every occurrence is its own
 * VEVENT (UID {@code event-<id>@<host>} for a one-off event, {@code event-<id>-<yyyyMMdd>@<host>}
 * for an occurrence of a repeating one), so that a filtered feed holds exactly what the filtered
 * agenda shows; the feed of one event writes its repetition as RRULE and EXDATE under
 * {@code event-<id>@<host>}. SEQUENCE is the event's version, DTSTAMP and LAST-MODIFIED its last
 * change, STATUS CANCELLED for a cancelled event (its title prefixed "Annulé", as many calendar
 * programs do not show the status), CATEGORIES its type and themes. The online link is never
 * written (it may be meant for registrants only): the event page's URL is.
 */
@Component
class IcsEvents {

    static final String PROD_ID = "-//Maillage//Agenda//FR";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final FeedLinks links;
    private final MessageSource messages;
    private final Reference reference;
    private final Markdown markdown;

    IcsEvents(FeedLinks links, MessageSource messages, Reference reference, Markdown markdown) {
        this.links = links;
        this.messages = messages;
        this.reference = reference;
        this.markdown = markdown;
    }

    /** The labels a feed needs, looked up once per feed (not once per event). */
    record Labels(Locale locale, Map<EventType, String> types, Map<String, String> themes, String online, String alsoOnline,
                  String cancelled) {
    }

    Labels labels(Locale locale) {
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

    /** One occurrence of a feed. */
    IcsEvent of(FeedEntry e, Labels l) {
        String uid = links.uid(e.repeating() ? "event-" + e.eventId() + "-" + DAY.format(e.startDay()) : "event-" + e.eventId());
        String url = links.event(e.slug());
        String description = e.summary() == null ? url : e.summary() + "\n\n" + url;
        List<String> categories = new ArrayList<>();
        categories.add(l.types().get(e.type()));
        e.themes().forEach(t -> categories.add(l.themes().getOrDefault(t, t)));
        return new IcsEvent(uid, e.updatedAt(), e.updatedAt(), e.version(), e.allDay(), e.localStart(), e.localEnd(), e.zone(),
                null, null, e.cancelled() ? l.cancelled().replace("{0}", e.title()) : e.title(), description,
                location(e.format(), e.venueName(), e.street(), e.postalCode(), e.city(), l),
                e.format().hasVenue() ? e.latitude() : null, e.format().hasVenue() ? e.longitude() : null, url,
                e.cancelled() ? "CANCELLED" : "CONFIRMED", categories, null, null, null, null);
    }

    /** One event with its repetition. */
    IcsEvent of(EventDetails e, Locale locale) {
        Labels l = labels(locale);
        EventData d = e.data();
        String url = links.event(e.slug());
        StringBuilder description = new StringBuilder();
        if (d.summary() != null) {
            description.append(d.summary()).append("\n\n");
        }
        if (d.description() != null) {
            description.append(markdown.toPlainText(d.description(), 2_000)).append("\n\n");
        }
        description.append(url);
        List<String> categories = new ArrayList<>();
        categories.add(l.types().get(d.type()));
        d.themes().stream().sorted().forEach(t -> categories.add(l.themes().getOrDefault(t, t)));
        String rrule = d.repeats() ? rrule(d) : null;
        return new IcsEvent(links.uid("event-" + e.id()), e.updatedAt(), e.updatedAt(), e.version(), d.allDay(), d.start(), d.end(),
                AgendaSearch.PARIS, rrule, d.repeats() ? d.repeat().exceptions() : List.of(),
                e.isCancelled() ? l.cancelled().replace("{0}", d.title()) : d.title(), description.toString(),
                location(d.format(), d.venueName(), d.street(), d.postalCode(), d.city(), l),
                d.format().hasVenue() ? d.latitude() : null, d.format().hasVenue() ? d.longitude() : null, url,
                e.isCancelled() ? "CANCELLED" : "CONFIRMED", categories, null, null, null, null);
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

    /** Venue, street, postal code and town; "En ligne" for online events (the link is not written). */
    static String location(EventFormat format, String venue, String street, String postalCode, String city, Labels l) {
        if (format == EventFormat.ONLINE) {
            return l.online();
        }
        List<String> parts = new ArrayList<>();
        if (venue != null) {
            parts.add(venue);
        }
        if (street != null) {
            parts.add(street);
        }
        String town = ((postalCode == null ? "" : postalCode + " ") + (city == null ? "" : city)).strip();
        if (!town.isEmpty()) {
            parts.add(town);
        }
        String where = String.join(", ", parts);
        if (format == EventFormat.HYBRID) {
            return where.isEmpty() ? l.online() : where + " " + l.alsoOnline();
        }
        return where.isEmpty() ? null : where;
    }

    /** "Bordeaux (33)", "En ligne", "Pessac (33) et en ligne", for short lines (Atom, widget). */
    static String place(EventFormat format, String city, String departement, MessageSource messages, Locale locale) {
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
