package fr.maillage.directory;

import java.time.Instant;
import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * A structure as lists show it: read from the search index, labels in the reader's language.
 * {@code publishedProjects}: how many published projects it leads.
 */
public record OrganisationSummary(
        long id,
        String slug,
        String name,
        String acronym,
        String city,
        CodeLabel departement,
        CodeLabel region,
        CodeLabel structureType,
        CodeLabel college,
        List<CodeLabel> countries,
        List<CodeLabel> themes,
        List<CodeLabel> sdgs,
        boolean member,
        String summary,
        String logoKey,
        Instant updatedAt,
        int publishedProjects) {
}
