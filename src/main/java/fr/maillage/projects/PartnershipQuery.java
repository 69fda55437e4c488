package fr.maillage.projects;

import fr.maillage.shared.QueryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search of the partnerships, as it appears in URLs
 * ({@code /cooperation-decentralisee?country=SN&theme=eau-assainissement&departement=33&status=ACTIVE})
 * and in the API. Several values of one filter combine with OR, filters with AND; {@code q}
 * looks in the names of both authorities and the partner's region. {@code page} is 1-based.
 */
public record PartnershipQuery(
        String q,
        List<String> country,
        List<String> departement,
        List<String> theme,
        List<String> status,
        Integer page,
        Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The filters, in the order pages show them; each name is also the URL parameter. */
    public static final List<String> FACETS = List.of("country", "departement", "theme", "status");

    public PartnershipQuery {
        q = q == null ? "" : q.strip();
        country = clean(country, true);
        departement = clean(departement, true);
        theme = clean(theme, false);
        status = clean(status, true);
    }

    public static PartnershipQuery empty() {
        return new PartnershipQuery(null, null, null, null, null, null, null);
    }

    /**
     * The partnerships with a country, a theme, a French département, or any mix of them (null
     * for "any"): what a "who does what, where" page asks.
     */
    public static PartnershipQuery of(String country, String theme, String departement) {
        return new PartnershipQuery(null, country == null ? null : List.of(country), departement == null ? null : List.of(departement),
                theme == null ? null : List.of(theme), null, null, null);
    }

    private static List<String> clean(List<String> values, boolean upper) {
        return fr.maillage.shared.QueryValues.clean(values, upper);
    }

    public boolean hasText() {
        return !q.isEmpty();
    }

    public int effectivePage() {
        return page == null || page < 1 ? 1 : page;
    }

    public int effectiveSize() {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public List<String> values(String facet) {
        return switch (facet) {
            case "country" -> country;
            case "departement" -> departement;
            case "theme" -> theme;
            case "status" -> status;
            default -> throw new IllegalArgumentException("Unknown filter " + facet);
        };
    }

    public boolean hasFilters() {
        return FACETS.stream().anyMatch(f -> !values(f).isEmpty());
    }

    public boolean isSelected(String facet, String code) {
        return values(facet).contains(code);
    }

    /** The same search with one filter's values replaced (page back to 1). */
    public PartnershipQuery withValues(String facet, List<String> values) {
        List<String> v = List.copyOf(values);
        return new PartnershipQuery(q,
                facet.equals("country") ? v : country,
                facet.equals("departement") ? v : departement,
                facet.equals("theme") ? v : theme,
                facet.equals("status") ? v : status,
                null, size);
    }

    public PartnershipQuery with(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        if (!v.contains(code)) {
            v.add(code);
        }
        return withValues(facet, v);
    }

    public PartnershipQuery without(String facet, String code) {
        List<String> v = new ArrayList<>(values(facet));
        v.remove(code);
        return withValues(facet, v);
    }

    public PartnershipQuery withPage(int newPage) {
        return new PartnershipQuery(q, country, departement, theme, status, newPage, size);
    }

    public PartnershipQuery withSize(int newSize) {
        return new PartnershipQuery(q, country, departement, theme, status, page, newSize);
    }

    public PartnershipQuery withText(String text) {
        return new PartnershipQuery(text, country, departement, theme, status, null, size);
    }

    /** The parameters of this search without defaults, in a stable order. */
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
        if (page != null && page > 1) {
            params.put("page", List.of(page.toString()));
        }
        if (size != null && size != DEFAULT_SIZE) {
            params.put("size", List.of(size.toString()));
        }
        return params;
    }

    public String queryString() {
        return QueryValues.queryString(parameters());
    }

    /** {@code base} followed by this search's query string ({@code ?} or {@code &} as needed). */
    public String url(String base) {
        return QueryValues.url(base, queryString());
    }
}
