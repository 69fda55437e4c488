package fr.maillage.directory;

/** A signed-in person references a new structure; it waits for moderation. */
public record SubmitOrganisation(OrganisationData data) {
}
