package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A session of a training module: an event of the agenda whose {@code training_module_id} is the
 * module, with its place, status, registration mode, capacity and confirmed participants.
 */
public record TrainingSession(long eventId, String slug, String title, Instant startsAt, Instant endsAt, boolean allDay,
                              LocalDate startDay, LocalDate endDay, EventFormat format, String venueName, String city,
                              String departement, EventStatus status, RegistrationMode registrationMode, Integer capacity,
                              int confirmed) {

    public boolean isOver(Instant now) {
        return !endsAt.isAfter(now);
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    /** Places left, or null when the capacity is unlimited. */
    public Integer placesLeft() {
        return capacity == null ? null : Math.max(0, capacity - confirmed);
    }
}
