package fr.maillage.directory;

import java.time.Instant;

/** A structure as its editors (and staff) see it in the form. */
public record EditableOrganisation(long id, String slug, OrganisationStatus status, int version,
                                   OrganisationData data, String departement, String region,
                                   String moderationMessage, Instant createdAt, Instant updatedAt,
                                   Instant publishedAt, Instant reviewRequestedAt, Long mergedIntoId) {
}
