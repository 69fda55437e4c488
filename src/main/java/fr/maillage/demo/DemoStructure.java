package fr.maillage.demo;

import java.time.Instant;
import java.util.List;

/** One generated structure, with the columns of {@code organisation} and its collections (no slug yet). */
record DemoStructure(
        String name,
        String acronym,
        String structureType,
        String college,
        String siret,
        String rna,
        String addressLine,
        String postalCode,
        String city,
        String departement,
        String region,
        double latitude,
        double longitude,
        String website,
        String publicEmail,
        boolean showEmail,
        String phone,
        boolean showPhone,
        String description,
        Integer yearFounded,
        Integer volunteers,
        Integer employees,
        boolean member,
        String status,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        List<String> themes,
        List<Country> countries,
        List<Integer> sdgs,
        List<String> keywords) {

    record Country(String code, String place) {
    }
}
