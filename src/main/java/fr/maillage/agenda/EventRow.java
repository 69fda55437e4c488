package fr.maillage.agenda;

import java.time.Instant;

/**
 * An event in a staff list or in "Mes événements", whatever its status: enough to show and link
 * it without loading it. {@code organisations} is the names of its organising structures, joined.
 */
public record EventRow(long id, String slug, String title, EventType type, EventStatus status, Instant startsAt,
                       Instant endsAt, boolean allDay, boolean repeating, String city, EventFormat format,
                       String moderationMessage, String organisations, Long proposedBy, Instant createdAt, Instant updatedAt) {

    public boolean isPublic() {
        return status == EventStatus.PUBLISHED || status == EventStatus.CANCELLED;
    }
}
