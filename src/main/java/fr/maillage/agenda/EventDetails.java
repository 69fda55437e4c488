package fr.maillage.agenda;

import java.time.Instant;
import java.util.List;

import fr.maillage.directory.OrganisationRef;

/**
 * An event as pages and other modules read it: its content ({@link #data()}, with the ids of its
 * sessions and questions), its status, the span of its occurrences ({@code startsAt} of the
 * first, {@code endsAt} of the last), the département of its venue, the organising structures,
 * the report written after it.
 */
public record EventDetails(long id, String slug, EventStatus status, String moderationMessage, String report,
                           Instant startsAt, Instant endsAt, String departement, Long proposedBy, int version,
                           Instant createdAt, Instant updatedAt, Instant publishedAt, EventData data,
                           List<OrganisationRef> organisations, List<Occurrence> occurrences) {

    public boolean isPublished() {
        return status == EventStatus.PUBLISHED;
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    /** Published or cancelled: anyone may read it. */
    public boolean isPublic() {
        return status == EventStatus.PUBLISHED || status == EventStatus.CANCELLED;
    }

    public String title() {
        return data.title();
    }

    public EventType type() {
        return data.type();
    }

    public boolean isOver(Instant now) {
        return endsAt.isBefore(now);
    }
}
