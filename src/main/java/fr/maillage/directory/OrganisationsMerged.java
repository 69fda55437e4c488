package fr.maillage.directory;

/** Two duplicates were merged: {@code removedId} is now MERGED and redirects to {@code keptId}. */
public record OrganisationsMerged(long keptId, long removedId) {
}
