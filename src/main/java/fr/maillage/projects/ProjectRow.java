package fr.maillage.projects;

import java.time.Instant;

/** A project in a staff list or in "Mes projets": what a row or a card shows, with its lead structure. */
public record ProjectRow(long id, String slug, String title, long organisationId, String organisationSlug,
                         String organisationName, Publication publication, boolean exemplary, String activityStatus,
                         String source, Instant updatedAt) {

    public boolean isPublished() {
        return publication == Publication.PUBLISHED;
    }
}
