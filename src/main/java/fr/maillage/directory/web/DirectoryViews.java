package fr.maillage.directory.web;

import java.time.Instant;
import java.util.Locale;

import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Dates;

import org.springframework.stereotype.Component;

/** Helpers for the directory's pages: dates in words ("lundi 3 juin 2026", by {@link Dates}) and reference labels. Used as {@code @directoryViews}. */
@Component("directoryViews")
public class DirectoryViews {

    private final Reference reference;

    DirectoryViews(Reference reference) {
        this.reference = reference;
    }

    /** "lundi 3 juin 2026" (Paris time). */
    public String day(Instant instant, Locale locale) {
        return Dates.day(instant, locale);
    }

    /** "lundi 3 juin 2026", for a day without a time. */
    public String day(java.time.LocalDate day, Locale locale) {
        return Dates.day(day, locale);
    }

    /** "lundi 3 juin 2026 à 14 h 30" (Paris time). */
    public String dateTime(Instant instant, Locale locale) {
        return Dates.dateTime(instant, locale);
    }

    /** Whole days since then (age in the moderation queue). */
    public long daysSince(Instant instant) {
        return instant == null ? 0 : java.time.Duration.between(instant, Instant.now()).toDays();
    }

    /**
     * The projects search of a structure ({@code /projets?organisation=...}); when the directory
     * search selects structures by their projects, with the same countries and themes.
     */
    public String projectsUrl(String slug, fr.maillage.directory.OrganisationQuery query) {
        StringBuilder url = new StringBuilder("/projets?organisation=")
                .append(java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8));
        if (query != null && query.byProjects()) {
            query.country().forEach(c -> url.append("&country=").append(java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8)));
            query.theme().forEach(t -> url.append("&theme=").append(java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return url.toString();
    }

    public String label(String list, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return reference.label(RefList.valueOf(list), code, locale);
    }
}
