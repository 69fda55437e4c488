package fr.maillage.directory;

/** A structure that may be the one being referenced; {@code reason} is SIRET, RNA or NAME. */
public record DuplicateCandidate(long id, String slug, String name, String city, String departement,
                                 OrganisationStatus status, String reason) {
}
