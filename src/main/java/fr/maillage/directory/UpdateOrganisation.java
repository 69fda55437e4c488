package fr.maillage.directory;

/** An editor changes a structure; {@code version} is the one the editor saw (optimistic locking). */
public record UpdateOrganisation(long id, int version, OrganisationData data) {
}
