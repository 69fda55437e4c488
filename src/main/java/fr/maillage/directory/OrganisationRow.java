package fr.maillage.directory;

import java.time.Instant;

/** A line of the staff lists (moderation queue, structures, stale ones). */
public record OrganisationRow(long id, String slug, String name, String structureType, String city,
                              String departement, OrganisationStatus status, Instant createdAt,
                              Instant updatedAt, Instant reviewRequestedAt) {
}
