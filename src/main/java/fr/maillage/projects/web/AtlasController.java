package fr.maillage.projects.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.projects.PartnershipDetails;
import fr.maillage.projects.PartnershipQuery;
import fr.maillage.projects.PartnershipSummary;
import fr.maillage.projects.Partnerships;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.Facet;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Atlas-like view of decentralised cooperation ({@code /cooperation-decentralisee}): the
 * partnerships of the directory's local authorities with filters and counts, as a list or as
 * maps (the world by country, France by département, with tables holding the same figures),
 * and their export as CSV. Every filter is in the URL; everything works without JavaScript.
 */
@Controller
class AtlasController {

    static final String PATH = "/cooperation-decentralisee";

    private final Partnerships partnerships;
    private final Reference reference;
    private final MessageSource messages;
    private final MaillageProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    AtlasController(Partnerships partnerships, Reference reference, MessageSource messages, MaillageProperties properties) {
        this.partnerships = partnerships;
        this.reference = reference;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping(PATH)
    String atlas(@ModelAttribute("query") PartnershipQuery query, @RequestParam(name = "vue", required = false) String view,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                 Model model, Locale locale, HttpServletResponse response) {
        PartnershipQuery q = clean(query);
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        SearchResult<PartnershipSummary> result = partnerships.search(q, locale);
        model.addAttribute("query", q);
        model.addAttribute("result", result);
        model.addAttribute("clearUrl", PartnershipQuery.empty().withText(q.q()).url(PATH));
        model.addAttribute("figures", partnerships.figures(q));
        if ("carte".equals(view)) {
            MapData map = mapData(q, result);
            model.addAttribute("map", map);
            model.addAttribute("mapJson", json.writeValueAsString(map).replace("<", "\\u003c"));
            return "projects/coop/map";
        }
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "projects/coop/atlas :: results" : "projects/coop/atlas";
    }

    @GetMapping(PATH + "/export.csv")
    void csv(@ModelAttribute("query") PartnershipQuery query, Authentication authentication, Locale locale,
             HttpServletResponse response) throws IOException {
        boolean staff = CoopWeb.isStaff(authentication);
        List<PartnershipDetails> rows = partnerships.export(clean(query), locale, staff);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cooperation-decentralisee-" + LocalDate.now(Dates.PARIS) + ".csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        new AtlasCsv(messages, locale, staff, properties.baseUrl()).write(out, rows);
        out.flush();
    }

    /** The query without unknown codes (an old link keeps working), paging within bounds. */
    PartnershipQuery clean(PartnershipQuery query) {
        PartnershipQuery q = query;
        for (String facet : PartnershipQuery.FACETS) {
            List<String> known = q.values(facet).stream().filter(c -> isKnown(facet, c)).toList();
            if (known.size() != q.values(facet).size()) {
                q = q.withValues(facet, known).withPage(q.effectivePage());
            }
        }
        if (q.page() != null) {
            q = q.withPage(Math.max(1, Math.min(q.page(), 10_000)));
        }
        if (q.size() != null && (q.size() < 1 || q.size() > PartnershipQuery.MAX_SIZE)) {
            q = q.withSize(Math.max(1, Math.min(q.size(), PartnershipQuery.MAX_SIZE)));
        }
        if (q.q().length() > 200) {
            q = q.withText(q.q().substring(0, 200));
        }
        return q;
    }

    /** Whether a filter value is a known code. */
    boolean isKnown(String facet, String code) {
        return switch (facet) {
            case "country" -> reference.exists(RefList.COUNTRIES, code);
            case "departement" -> reference.exists(RefList.DEPARTEMENTS, code);
            case "theme" -> reference.exists(RefList.THEMES, code);
            case "status" -> fr.maillage.projects.PartnershipStatus.isKnown(code);
            default -> false;
        };
    }

    private MapData mapData(PartnershipQuery q, SearchResult<PartnershipSummary> result) {
        List<MapData.Area> departements = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("departement").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                departements.add(new MapData.Area(v.code(), v.code(), v.label(), v.count(), q.with("departement", v.code()).url(PATH + "?vue=carte")));
            }
        }
        List<MapData.Area> countries = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("country").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                String numeric = reference.find(RefList.COUNTRIES, v.code()).map(c -> c.extra("numeric")).orElse("");
                countries.add(new MapData.Area(v.code(), numeric, v.label(), v.count(), q.with("country", v.code()).url(PATH + "?vue=carte")));
            }
        }
        return new MapData(result.total(), departements, countries);
    }

    /** Counts by French département and by partner country, for the maps and their tables. */
    record MapData(long total, List<Area> departements, List<Area> countries) {

        /** {@code key}: the département code, or the ISO numeric code of a country (the shapes' ids). */
        record Area(String code, String key, String label, long count, String url) {
        }
    }
}
