package fr.maillage.directory;

import java.util.List;

/**
 * What a structure says about itself, as typed in the referencing form (already validated).
 * The département and region are derived from the postal code by the directory.
 * {@code logoKey} is a key of the file storage, or null for no logo.
 */
public record OrganisationData(
        String name,
        String acronym,
        String structureType,
        String college,
        String siret,
        String rna,
        String addressLine,
        String postalCode,
        String city,
        String website,
        String publicEmail,
        boolean showEmail,
        String phone,
        boolean showPhone,
        String logoKey,
        String description,
        List<String> themes,
        List<CountryEntry> countries,
        List<Integer> sdgs,
        List<String> keywords,
        Integer yearFounded,
        Integer volunteers,
        Integer employees,
        boolean member) {

    public OrganisationData {
        themes = themes == null ? List.of() : List.copyOf(themes);
        countries = countries == null ? List.of() : List.copyOf(countries);
        sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
