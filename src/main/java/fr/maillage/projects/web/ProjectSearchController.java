package fr.maillage.projects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.projects.ProjectQuery;
import fr.maillage.projects.ProjectSearch;
import fr.maillage.projects.ProjectSummary;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.web.FacetMarkup;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The projects search, {@code /projets}: full text, facets, sort, paging, a shareable URL for
 * every state, htmx partial updates (the results only) and the same page without JavaScript;
 * {@code /projets?vue=carte}: the same search on maps (France by the lead structure's
 * département, the world by country) with the counts in tables.
 */
@Controller
class ProjectSearchController {

    static final int FACET_TOP = 8;

    private final ProjectSearch search;
    private final FacetMarkup facetMarkup;
    private final Reference reference;
    private final JsonMapper json = JsonMapper.builder().build();

    ProjectSearchController(ProjectSearch search, FacetMarkup facetMarkup, Reference reference) {
        this.search = search;
        this.facetMarkup = facetMarkup;
        this.reference = reference;
    }

    @GetMapping("/projets")
    String list(@ModelAttribute("query") ProjectQuery query, @RequestParam(name = "vue", required = false) String view,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model, Locale locale, HttpServletResponse response) {
        ProjectQuery q = search.clean(query);
        model.addAttribute("query", q);
        model.addAttribute("clearUrl", ProjectQuery.empty().withText(q.q()).url("/projets"));
        model.addAttribute("facetTop", FACET_TOP);
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if ("carte".equals(view)) {
            SearchResult<ProjectSummary> result = search.search(q.withSize(1), locale);
            MapData map = mapData(q, result);
            model.addAttribute("result", result);
            model.addAttribute("facetMore", facetMarkup.more(result.facets(), FACET_TOP));
            model.addAttribute("facetShown", facetMarkup.shown(result.facets(), FACET_TOP));
            model.addAttribute("map", map);
            model.addAttribute("mapJson", json.writeValueAsString(map).replace("<", "\\u003c"));
            return "projects/map";
        }
        SearchResult<ProjectSummary> result = search.search(q, locale);
        model.addAttribute("result", result);
        model.addAttribute("facetMore", facetMarkup.more(result.facets(), FACET_TOP));
        model.addAttribute("facetShown", facetMarkup.shown(result.facets(), FACET_TOP));
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "projects/list :: results" : "projects/list";
    }

    private MapData mapData(ProjectQuery q, SearchResult<ProjectSummary> result) {
        List<MapData.Area> departements = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("departement").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                departements.add(new MapData.Area(v.code(), v.code(), v.label(), v.count(), q.with("departement", v.code()).url("/projets?vue=carte")));
            }
        }
        List<MapData.Area> countries = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("country").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                String numeric = reference.find(RefList.COUNTRIES, v.code()).map(c -> c.extra("numeric")).orElse("");
                countries.add(new MapData.Area(v.code(), numeric, v.label(), v.count(), q.with("country", v.code()).url("/projets?vue=carte")));
            }
        }
        return new MapData(result.total(), departements, countries);
    }

    /** Counts of the current search by département of the lead structure and by country, for the maps. */
    record MapData(long total, List<Area> departements, List<Area> countries) {

        /** {@code key}: the département code, or the ISO numeric code of a country (the shapes' ids). */
        record Area(String code, String key, String label, long count, String url) {
        }
    }
}
