package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;

/** One occurrence of an event: instants, and the wall-clock days (in the event's zone) it covers. */
public record Occurrence(Instant startsAt, Instant endsAt, LocalDate startDay, LocalDate endDay) {
}
