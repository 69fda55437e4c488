package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One occurrence of a public event in a list, a month grid, a map or a feed: enough to draw it
 * without loading the event. {@code cancelled} events are listed, marked as such.
 */
public record OccurrenceRow(long eventId, String slug, EventType type, String title, String summary,
                            Instant startsAt, Instant endsAt, LocalDate startDay, LocalDate endDay, boolean allDay,
                            EventFormat format, String venueName, String city, String departement,
                            Double latitude, Double longitude, RegistrationMode registrationMode, boolean cancelled,
                            boolean repeating, Instant updatedAt) {
}
