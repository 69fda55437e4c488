package fr.maillage.directory;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a structure's history, with what changed against the previous entry.
 * {@code kind}: CREATED, UPDATED, RESUBMITTED, CONFIRMED, APPROVED, CHANGES_REQUESTED, REFUSED,
 * MERGED, REVERTED, REVIEW_ASKED, MEMBER_ADDED.
 */
public record Revision(long id, Instant at, Long actorId, String actorName, String kind, String summary,
                       List<FieldChange> changes) {

    /** A field's value before and after, as text. */
    public record FieldChange(String field, String before, String after) {
    }
}
