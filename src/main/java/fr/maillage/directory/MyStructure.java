package fr.maillage.directory;

import java.time.Instant;

/** A structure a person belongs to, for "Mon espace". */
public record MyStructure(long id, String name, String slug, OrganisationStatus status, MemberRole role,
                          String moderationMessage, Instant updatedAt, int pendingJoinRequests) {
}
