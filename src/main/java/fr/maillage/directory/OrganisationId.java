package fr.maillage.directory;

/** The id of a structure, as other modules refer to it. */
public record OrganisationId(long value) {
}
