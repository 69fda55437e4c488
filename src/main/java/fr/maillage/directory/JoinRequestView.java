package fr.maillage.directory;

import java.time.Instant;

/** A person's request to join a structure. */
public record JoinRequestView(long id, long organisationId, String organisationName, String organisationSlug,
                              long personId, String personName, String personEmail, String message,
                              String status, Instant createdAt) {
}
