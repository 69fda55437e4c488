package fr.maillage.projects;

import fr.maillage.shared.QueryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search of the published projects, as it appears in URLs
 * ({@code /projets?q=eau&country=SN&country=ML&year=2026&page=2}) and in the API. Several values
 * of one facet combine with OR, facets with AND.
 *
 * <ul>
 * <li>{@code country}: ISO alpha-2; {@code theme}: theme code; {@code sector}: DAC 3-digit
 * category (a project with the DAC 5-digit sector 14030 is in 140); {@code sdg}: 1..17;
 * {@code status}: IATI activity status 1..6; {@code year}: a project counts for every year it
 * runs, from its start to its end; {@code funder}: {@link FunderKind}; {@code leadType}: the
 * structure type of the lead structure; {@code departement}: the département of the lead
 * structure (the France map); {@code organisation}: the slug of the lead structure;
 * {@code exemplary}: marked exemplary by the network's team.</li>
 * <li>{@code sort}: {@code relevance}, {@code title}, {@code updated} (latest change first) or
 * {@code start} (latest start first); by default relevance with text, updated otherwise.</li>
 * <li>{@code page} is 1-based, {@code size} at most {@value #MAX_SIZE}.</li>
 * </ul>
 */
public record ProjectQuery(
        String q,
        List<String> country,
        List<String> theme,
        List<String> sector,
        List<String> sdg,
        List<String> status,
        List<String> year,
        List<String> funder,
        List<String> leadType,
        List<String> departement,
        List<String> organisation,
        Boolean exemplary,
        String sort,
        Integer page,
        Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The facets, in the order pages show them; each name is also the URL parameter. */
    public static final List<String> FACETS = List.of("country", "theme", "sector", "sdg", "status", "year", "funder", "leadType",
            "departement", "exemplary");
    /** Filters without counts of their own (shown only when selected). */
    public static final List<String> FILTERS = List.of("organisation");
    public static final List<String> SORTS = List.of("relevance", "title", "updated", "start");

    public ProjectQuery {
        q = q == null ? "" : q.strip();
        country = clean(country, true);
        theme = clean(theme, false);
        sector = clean(sector, false);
        sdg = clean(sdg, false);
        status = clean(status, false);
        year = clean(year, false);
        funder = clean(funder, true);
        leadType = clean(leadType, false);
        departement = clean(departement, true);
        organisation = clean(organisation, false);
        sort = sort == null || sort.isBlank() ? null : sort.strip();
    }

    public static ProjectQuery empty() {
        return new ProjectQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> clean(List<String> values, boolean upper) {
        return fr.maillage.shared.QueryValues.clean(values, upper);
    }

    public boolean hasText() {
        return !q.isEmpty();
    }

    /** The sort actually applied. */
    public String effectiveSort() {
        if (sort != null && SORTS.contains(sort)) {
            return sort.equals("relevance") && !hasText() ? "updated" : sort;
        }
        return hasText() ? "relevance" : "updated";
    }

    public int effectivePage() {
        return page == null || page < 1 ? 1 : page;
    }

    public int effectiveSize() {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The selected values of a facet or filter. */
    public List<String> values(String facet) {
        return switch (facet) {
            case "country" -> country;
            case "theme" -> theme;
            case "sector" -> sector;
            case "sdg" -> sdg;
            case "status" -> status;
            case "year" -> year;
            case "funder" -> funder;
            case "leadType" -> leadType;
            case "departement" -> departement;
            case "organisation" -> organisation;
            case "exemplary" -> exemplary == null ? List.of() : List.of(exemplary.toString());
            default -> throw new IllegalArgumentException("Unknown facet " + facet);
        };
    }

    public boolean hasFilters() {
        for (String facet : FACETS) {
            if (!values(facet).isEmpty()) {
                return true;
            }
        }
        return !organisation.isEmpty();
    }

    public boolean isSelected(String facet, String code) {
        return values(facet).contains(code);
    }

    /** The same search with one facet's values replaced (page back to 1). */
    public ProjectQuery withValues(String facet, List<String> values) {
        List<String> v = List.copyOf(values);
        return new ProjectQuery(q,
                facet.equals("country") ? v : country,
                facet.equals("theme") ? v : theme,
                facet.equals("sector") ? v : sector,
                facet.equals("sdg") ? v : sdg,
                facet.equals("status") ? v : status,
                facet.equals("year") ? v : year,
                facet.equals("funder") ? v : funder,
                facet.equals("leadType") ? v : leadType,
                facet.equals("departement") ? v : departement,
                facet.equals("organisation") ? v : organisation,
                facet.equals("exemplary") ? (v.isEmpty() ? null : Boolean.valueOf(v.get(0))) : exemplary,
                sort, null, size);
    }

    /** The same search with one more value selected in a facet. */
    public ProjectQuery with(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        if (facet.equals("exemplary")) {
            v.clear();
        }
        if (!v.contains(code)) {
            v.add(code);
        }
        return withValues(facet, v);
    }

    public ProjectQuery without(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        v.remove(code);
        return withValues(facet, v);
    }

    public ProjectQuery withPage(int newPage) {
        return new ProjectQuery(q, country, theme, sector, sdg, status, year, funder, leadType, departement, organisation, exemplary,
                sort, newPage, size);
    }

    public ProjectQuery withSize(int newSize) {
        return new ProjectQuery(q, country, theme, sector, sdg, status, year, funder, leadType, departement, organisation, exemplary,
                sort, page, newSize);
    }

    public ProjectQuery withSort(String newSort) {
        return new ProjectQuery(q, country, theme, sector, sdg, status, year, funder, leadType, departement, organisation, exemplary,
                newSort, null, size);
    }

    public ProjectQuery withText(String text) {
        return new ProjectQuery(text, country, theme, sector, sdg, status, year, funder, leadType, departement, organisation, exemplary,
                sort, null, size);
    }

    /** The parameters of this search, without defaults (page 1, default size and sort), in a stable order. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (hasText()) {
            params.put("q", List.of(q));
        }
        for (String facet : FACETS) {
            if (!values(facet).isEmpty()) {
                params.put(facet, values(facet));
            }
        }
        if (!organisation.isEmpty()) {
            params.put("organisation", organisation);
        }
        if (sort != null && SORTS.contains(sort)) {
            params.put("sort", List.of(sort));
        }
        if (page != null && page > 1) {
            params.put("page", List.of(page.toString()));
        }
        if (size != null && size != DEFAULT_SIZE) {
            params.put("size", List.of(size.toString()));
        }
        return params;
    }

    /** {@code q=eau&country=SN} (URL-encoded), empty for the blank search. */
    public String queryString() {
        return QueryValues.queryString(parameters());
    }

    /** {@code base} followed by this search's query string, if any. */
    public String url(String base) {
        return QueryValues.url(base, queryString());
    }
}
