package fr.maillage.shared.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One VEVENT. Times are wall-clock in {@code zone} (written with {@code TZID}), or whole days when
 * {@code allDay} ({@code localEnd} is then the last day, inclusive; the writer makes it exclusive).
 * {@code rrule} is an RFC 5545 recurrence rule without the "RRULE:" prefix (null for none) and
 * {@code exceptions} the excluded starts (days). {@code status} is CONFIRMED, TENTATIVE or CANCELLED;
 * {@code sequence} grows with each change sent to attendees. Optional fields may be null.
 */
public record IcsEvent(String uid, Instant stamp, Instant lastModified, int sequence, boolean allDay,
                       LocalDateTime localStart, LocalDateTime localEnd, ZoneId zone, String rrule, List<LocalDate> exceptions,
                       String summary, String description, String location, Double latitude, Double longitude,
                       String url, String status, List<String> categories,
                       String organizerName, String organizerEmail, String attendeeName, String attendeeEmail) {

    public IcsEvent {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        categories = categories == null ? List.of() : List.copyOf(categories);
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
    }

    /** A one-off event with the essentials; use the canonical constructor for the rest. */
    public static IcsEvent simple(String uid, Instant stamp, LocalDateTime start, LocalDateTime end, String summary,
                                  String description, String location, String url) {
        return new IcsEvent(uid, stamp, stamp, 0, false, start, end, ZoneId.of("Europe/Paris"), null, List.of(),
                summary, description, location, null, null, url, "CONFIRMED", List.of(), null, null, null, null);
    }
}
