package fr.maillage.directory;

/** A structure's record or status changed (edit, moderation, revert, review, merge): reindex it. */
public record OrganisationChanged(long id) {
}
