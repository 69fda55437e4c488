package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * A published project as lists show it: read from the search index (no database access),
 * labels in the reader's language. {@code start} and {@code end} are the actual dates when
 * known, else the planned ones; {@code sectors} are DAC 3-digit categories; {@code budget} is
 * the sum of the fundings in {@code currency}; {@code image} the address of its first photo.
 */
public record ProjectSummary(
        long id,
        String slug,
        String title,
        String summary,
        CodeLabel status,
        LocalDate start,
        LocalDate end,
        List<CodeLabel> countries,
        List<CodeLabel> themes,
        List<CodeLabel> sectors,
        List<CodeLabel> sdgs,
        List<CodeLabel> funders,
        Lead lead,
        boolean exemplary,
        BigDecimal budget,
        String currency,
        String image,
        Instant updatedAt) {

    /** The lead structure of a project, as the directory knows it. */
    public record Lead(String slug, String name, CodeLabel structureType, CodeLabel departement) {
    }

    /** The project's page. */
    public String url() {
        return "/projets/" + slug;
    }

    public Integer startYear() {
        return start == null ? null : start.getYear();
    }

    public Integer endYear() {
        return end == null ? null : end.getYear();
    }
}
