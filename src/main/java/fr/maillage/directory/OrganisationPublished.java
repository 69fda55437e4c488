package fr.maillage.directory;

/** Staff approved a structure: it is now public. */
public record OrganisationPublished(long id) {
}
