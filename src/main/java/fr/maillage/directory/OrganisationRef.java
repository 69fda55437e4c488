package fr.maillage.directory;

/**
 * A structure as other modules refer to it (projects, partnerships, agenda): identity,
 * identifiers and where it is, without its collections. {@code published} tells whether the
 * public may see it.
 */
public record OrganisationRef(long id, String slug, String name, String acronym, String structureType, String college,
                              String siret, String rna, String city, String departement, String region,
                              OrganisationStatus status) {

    public boolean published() {
        return status == OrganisationStatus.PUBLISHED;
    }

    /** The name with its acronym, for lists: "Eau Vive Internationale (EVI)". */
    public String displayName() {
        return acronym == null || acronym.isBlank() ? name : name + " (" + acronym + ")";
    }
}
