package fr.maillage.projects;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.SearchResult;

import org.springframework.stereotype.Service;

/**
 * "Who does what, where": for a country, a theme, or both, the structures that act there, the
 * projects there and the decentralised-cooperation partnerships there, read from the three
 * searches (directory, projects, partnerships) with the same filters.
 */
@Service
public class WhoDoesWhat {

    /** How many items of each kind a page shows; the full lists are a link (or an export) away. */
    public static final int PAGE_LIMIT = 12;
    /** The most items of each kind an export carries. */
    public static final int EXPORT_LIMIT = 10_000;

    private final DirectorySearch directory;
    private final ProjectSearch projects;
    private final Partnerships partnerships;
    private final Reference reference;

    WhoDoesWhat(DirectorySearch directory, ProjectSearch projects, Partnerships partnerships, Reference reference) {
        this.directory = directory;
        this.projects = projects;
        this.partnerships = partnerships;
        this.reference = reference;
    }

    /**
     * Where and on what: a country (ISO alpha-2) and/or a theme (theme code); null for "any".
     * Built with {@link #where(String, String)}, which checks the codes.
     */
    public record Where(CodeLabel country, CodeLabel theme) {

        public boolean isEmpty() {
            return country == null && theme == null;
        }

        String countryCode() {
            return country == null ? null : country.code();
        }

        String themeCode() {
            return theme == null ? null : theme.code();
        }
    }

    /** The three lists, each with its total, the first items and the facets that matter. */
    public record View(Where where,
                       SearchResult<OrganisationSummary> structures,
                       SearchResult<ProjectSummary> projects,
                       SearchResult<PartnershipSummary> partnerships,
                       long structuresWithProjects) {

        public long total() {
            return structures.total() + projects.total() + partnerships.total();
        }
    }

    /** Thrown for a country or theme code that does not exist ({@code field} is "country" or "theme"). */
    public static class UnknownCode extends RuntimeException {
        private final String field;
        private final String code;

        UnknownCode(String field, String code) {
            super("Unknown " + field + " " + code);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }
    }

    /** Checks and labels the codes (blank means "any"); throws {@link UnknownCode}. */
    public Where where(String country, String theme, Locale locale) {
        CodeLabel c = null;
        CodeLabel t = null;
        if (country != null && !country.isBlank()) {
            String code = country.strip().toUpperCase(Locale.ROOT);
            if (!reference.exists(RefList.COUNTRIES, code)) {
                throw new UnknownCode("country", country.strip());
            }
            c = new CodeLabel(code, reference.label(RefList.COUNTRIES, code, locale));
        }
        if (theme != null && !theme.isBlank()) {
            String code = theme.strip();
            if (!reference.exists(RefList.THEMES, code)) {
                throw new UnknownCode("theme", code);
            }
            t = new CodeLabel(code, reference.label(RefList.THEMES, code, locale));
        }
        return new Where(c, t);
    }

    /** The view of a place and theme with the first {@code limit} items of each list. */
    public View view(Where where, Locale locale, int limit) {
        int size = Math.max(1, Math.min(limit, 100));
        SearchResult<OrganisationSummary> s = directory.search(structureQuery(where).withSize(size), locale);
        SearchResult<ProjectSummary> p = projects.search(projectQuery(where, size), locale);
        SearchResult<PartnershipSummary> pa = partnerships.search(partnershipQuery(where, size), locale);
        long withProjects = directory.count(structureQuery(where).withValues("projects", List.of("true")));
        return new View(where, s, p, pa, withProjects);
    }

    /** Every structure, project and partnership of a place and theme (at most {@link #EXPORT_LIMIT} of each). */
    public Export export(Where where, Locale locale) {
        return new Export(where,
                directory.list(structureQuery(where), locale, EXPORT_LIMIT),
                projects.list(projectQuery(where, ProjectQuery.MAX_SIZE), locale, EXPORT_LIMIT),
                partnerships.export(partnershipQuery(where, PartnershipQuery.MAX_SIZE), locale, false).stream()
                        .limit(EXPORT_LIMIT).toList());
    }

    public record Export(Where where, List<OrganisationSummary> structures, List<ProjectSummary> projects,
                         List<PartnershipDetails> partnerships) {
    }

    /** The directory search that lists the structures acting in the place on the theme. */
    public OrganisationQuery structureQuery(Where where) {
        OrganisationQuery q = OrganisationQuery.empty();
        if (where.country() != null) {
            q = q.withValues("country", List.of(where.countryCode()));
        }
        if (where.theme() != null) {
            q = q.withValues("theme", List.of(where.themeCode()));
        }
        return q;
    }

    /** The project search of the place and theme. */
    public ProjectQuery projectQuery(Where where, int size) {
        return new ProjectQuery(null, list(where.countryCode()), list(where.themeCode()), null, null, null, null, null, null,
                null, null, null, null, null, size);
    }

    /** The partnership search of the place and theme. */
    public PartnershipQuery partnershipQuery(Where where, int size) {
        return new PartnershipQuery(null, list(where.countryCode()), null, list(where.themeCode()), null, null, size);
    }

    private static List<String> list(String code) {
        return Optional.ofNullable(code).map(List::of).orElse(null);
    }
}
