package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A project with its content and where it stands. The lead structure is given by id, slug and
 * name; labels of codes are resolved by whoever shows it (in the reader's language).
 */
public record ProjectDetails(
        long id,
        String slug,
        long organisationId,
        String organisationSlug,
        String organisationName,
        String iatiIdentifier,
        ProjectData data,
        Publication publication,
        String moderationMessage,
        boolean exemplary,
        String source,
        BigDecimal totalBudget,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        int version) {

    public boolean isPublished() {
        return publication == Publication.PUBLISHED;
    }
}
