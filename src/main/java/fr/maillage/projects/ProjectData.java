package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a project says about itself: the content that the form, the API and the IATI import
 * write, and that {@link ProjectValidator} checks. Codes are reference codes: countries ISO
 * alpha-2, themes slugs, SDGs "1".."17", activity status IATI ("1".."6"), sectors DAC.
 */
public record ProjectData(
        String title,
        String summary,
        String description,
        String activityStatus,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        List<Place> places,
        List<String> themes,
        List<String> sdgs,
        List<Sector> sectors,
        List<Partner> partners,
        List<Funding> fundings,
        String budgetCurrency,
        List<Link> links,
        String lessonsWorked,
        String lessonsFailed,
        String lessonsAdvice) {

    public ProjectData {
        places = places == null ? List.of() : List.copyOf(places);
        themes = themes == null ? List.of() : List.copyOf(themes);
        sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        partners = partners == null ? List.of() : List.copyOf(partners);
        fundings = fundings == null ? List.of() : List.copyOf(fundings);
        links = links == null ? List.of() : List.copyOf(links);
        budgetCurrency = budgetCurrency == null || budgetCurrency.isBlank() ? "EUR" : budgetCurrency.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** A country, with an optional place in it and an optional map point. */
    public record Place(String countryCode, String place, Double latitude, Double longitude) {
    }

    /** A sector and its share; {@code vocabulary} is IATI's SectorVocabulary ("1" DAC 5 digits, "2" DAC 3 digits). */
    public record Sector(String vocabulary, String code, BigDecimal percentage) {
    }

    /**
     * A partner: a structure of the directory ({@code organisationId}), or an outside one
     * described by name, IATI organisation type and country. {@code role} is IATI's
     * OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing.
     */
    public record Partner(Long organisationId, String name, String iatiRef, String orgType, String countryCode, String role) {
    }

    /** A funding source: a kind of funder (see {@link FunderKind}), its name, the amount. */
    public record Funding(String funderKind, String funderName, Long organisationId, BigDecimal amount, String currency, Integer year) {
    }

    /** A photo, video, web link or document: an outside {@code url} or a stored {@code fileKey}. */
    public record Link(String kind, String title, String url, String fileKey, String mediaType) {
    }
}
