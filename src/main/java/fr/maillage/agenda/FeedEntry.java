package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One occurrence of a public event as the calendar feeds write it: the occurrence's instants and
 * wall-clock days, where (without the online link, which may be for registrants only), the
 * event's themes, and what changes the feed's SEQUENCE and LAST-MODIFIED ({@code version},
 * {@code updatedAt}). Read by {@link AgendaFeeds} in the same single query for every occurrence.
 */
public record FeedEntry(long eventId, String slug, EventType type, String title, String summary,
                        Instant startsAt, Instant endsAt, LocalDate startDay, LocalDate endDay, boolean allDay, ZoneId zone,
                        EventFormat format, String venueName, String street, String postalCode, String city, String departement,
                        Double latitude, Double longitude, boolean cancelled, boolean repeating, Instant updatedAt, int version,
                        List<String> themes) {

    public FeedEntry {
        themes = themes == null ? List.of() : List.copyOf(themes);
        zone = zone == null ? AgendaSearch.PARIS : zone;
    }

    /** The start as wall-clock time in the event's zone. */
    public LocalDateTime localStart() {
        return allDay ? startDay.atStartOfDay() : LocalDateTime.ofInstant(startsAt, zone);
    }

    /** The end as wall-clock time in the event's zone (for all-day events, the last day at midnight). */
    public LocalDateTime localEnd() {
        return allDay ? endDay.atStartOfDay() : LocalDateTime.ofInstant(endsAt, zone);
    }
}
