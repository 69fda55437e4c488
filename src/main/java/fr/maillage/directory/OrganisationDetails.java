package fr.maillage.directory;

import java.time.Instant;
import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * Everything a structure's page shows. For the public, {@code email} and {@code phone} are null
 * unless the structure chose to show them; {@code status} tells staff and members when the
 * record is not (or not yet) public. {@code publishedProjects}: how many published projects it
 * leads (reported by the projects module).
 */
public record OrganisationDetails(
        long id,
        String slug,
        String name,
        String acronym,
        CodeLabel structureType,
        CodeLabel college,
        String siret,
        String rna,
        String addressLine,
        String postalCode,
        String city,
        CodeLabel departement,
        CodeLabel region,
        Double latitude,
        Double longitude,
        String website,
        String email,
        String phone,
        String logoKey,
        String description,
        Integer yearFounded,
        Integer volunteers,
        Integer employees,
        boolean member,
        List<Place> countries,
        List<CodeLabel> themes,
        List<CodeLabel> sdgs,
        List<String> keywords,
        OrganisationStatus status,
        Instant updatedAt,
        Instant publishedAt,
        int publishedProjects) {

    /** A country of intervention, with the optional place inside it. */
    public record Place(String code, String label, String place) {
    }

    public boolean isPublished() {
        return status == OrganisationStatus.PUBLISHED;
    }
}
