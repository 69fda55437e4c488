package fr.maillage.directory;

import fr.maillage.shared.QueryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search of the directory, as it appears in URLs ({@code /annuaire?q=eau&country=SN&country=ML&page=2})
 * and in the API. Several values of one facet combine with OR, facets with AND. {@code page}
 * is 1-based; {@code sort} is {@code relevance}, {@code name} or {@code updated} (by default
 * relevance when there is text, name otherwise). {@code projects=true} keeps the structures that
 * lead published projects, and then {@code country} and {@code theme} select the countries and
 * themes of those projects ("structures with projects in Senegal on water").
 */
public record OrganisationQuery(
        String q,
        List<String> country,
        List<String> theme,
        List<String> type,
        List<String> college,
        List<String> departement,
        List<String> region,
        List<String> sdg,
        Boolean member,
        Boolean projects,
        String sort,
        Integer page,
        Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The facets, in the order pages show them; each name is also the URL parameter. */
    public static final List<String> FACETS = List.of("projects", "country", "theme", "type", "college", "departement", "region", "sdg", "member");
    /** The facets whose values are true/false. */
    public static final List<String> BOOLEAN_FACETS = List.of("projects", "member");
    public static final List<String> SORTS = List.of("relevance", "name", "updated");

    public OrganisationQuery {
        q = q == null ? "" : q.strip();
        country = clean(country, true);
        theme = clean(theme, false);
        type = clean(type, false);
        college = clean(college, false);
        departement = clean(departement, true);
        region = clean(region, false);
        sdg = clean(sdg, false);
        sort = sort == null || sort.isBlank() ? null : sort.strip();
    }

    /** The search without the project filter (as before structures had projects). */
    public OrganisationQuery(String q, List<String> country, List<String> theme, List<String> type, List<String> college,
            List<String> departement, List<String> region, List<String> sdg, Boolean member, String sort, Integer page, Integer size) {
        this(q, country, theme, type, college, departement, region, sdg, member, null, sort, page, size);
    }

    public static OrganisationQuery empty() {
        return new OrganisationQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether country and theme select the countries and themes of the structures' projects. */
    public boolean byProjects() {
        return Boolean.TRUE.equals(projects);
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
            return sort.equals("relevance") && !hasText() ? "name" : sort;
        }
        return hasText() ? "relevance" : "name";
    }

    public int effectivePage() {
        return page == null || page < 1 ? 1 : page;
    }

    public int effectiveSize() {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The selected values of a facet. */
    public List<String> values(String facet) {
        return switch (facet) {
            case "country" -> country;
            case "theme" -> theme;
            case "type" -> type;
            case "college" -> college;
            case "departement" -> departement;
            case "region" -> region;
            case "sdg" -> sdg;
            case "member" -> member == null ? List.of() : List.of(member.toString());
            case "projects" -> projects == null ? List.of() : List.of(projects.toString());
            default -> throw new IllegalArgumentException("Unknown facet " + facet);
        };
    }

    public boolean hasFilters() {
        return FACETS.stream().anyMatch(f -> !values(f).isEmpty());
    }

    public boolean isSelected(String facet, String code) {
        return values(facet).contains(code);
    }

    /** The same search with one facet's values replaced (page back to 1). */
    public OrganisationQuery withValues(String facet, List<String> values) {
        List<String> v = List.copyOf(values);
        return new OrganisationQuery(q,
                facet.equals("country") ? v : country,
                facet.equals("theme") ? v : theme,
                facet.equals("type") ? v : type,
                facet.equals("college") ? v : college,
                facet.equals("departement") ? v : departement,
                facet.equals("region") ? v : region,
                facet.equals("sdg") ? v : sdg,
                facet.equals("member") ? (v.isEmpty() ? null : Boolean.valueOf(v.get(0))) : member,
                facet.equals("projects") ? (v.isEmpty() ? null : Boolean.valueOf(v.get(0))) : projects,
                sort, null, size);
    }

    /** The same search with one more value selected in a facet. */
    public OrganisationQuery with(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        if (BOOLEAN_FACETS.contains(facet)) {
            v.clear();
        }
        if (!v.contains(code)) {
            v.add(code);
        }
        return withValues(facet, v);
    }

    public OrganisationQuery without(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        v.remove(code);
        return withValues(facet, v);
    }

    public OrganisationQuery withPage(int newPage) {
        return new OrganisationQuery(q, country, theme, type, college, departement, region, sdg, member, projects, sort, newPage, size);
    }

    public OrganisationQuery withSize(int newSize) {
        return new OrganisationQuery(q, country, theme, type, college, departement, region, sdg, member, projects, sort, page, newSize);
    }

    public OrganisationQuery withSort(String newSort) {
        return new OrganisationQuery(q, country, theme, type, college, departement, region, sdg, member, projects, newSort, null, size);
    }

    public OrganisationQuery withText(String text) {
        return new OrganisationQuery(text, country, theme, type, college, departement, region, sdg, member, projects, sort, null, size);
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
