package fr.maillage.directory;

import java.time.Instant;

/** A person who may edit a structure. */
public record Member(long personId, String name, String email, MemberRole role, Instant since) {
}
