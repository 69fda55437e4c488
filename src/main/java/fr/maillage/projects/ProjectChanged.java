package fr.maillage.projects;

/**
 * A project was created, changed, published, hidden, restored or deleted ({@code deleted}).
 * The search index, the directory's project counts and the caches react to it.
 */
public record ProjectChanged(long projectId, long organisationId, boolean deleted) {
}
