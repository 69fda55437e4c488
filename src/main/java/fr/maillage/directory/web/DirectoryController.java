package fr.maillage.directory.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.ContactRelay;
import fr.maillage.directory.CountryOverview;
import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationDetails;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.directory.Suggestion;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.Facet;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.web.FacetMarkup;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/** The public directory: search with facets, map, structure pages, country pages, print view. */
@Controller
class DirectoryController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int FACET_TOP = 8;
    static final int PRINT_LIMIT = 2_000;
    static final int SUGGESTIONS = 6;

    private final DirectorySearch directory;
    private final QueryCleaner cleaner;
    private final Reference reference;
    private final Markdown markdown;
    private final MaillageProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    private final FacetMarkup facetMarkup;
    private final Directory writeSide;
    private final List<OrganisationPageSection> pageSections;
    private final ContactRelay contactRelay;
    private final org.springframework.context.MessageSource messages;

    DirectoryController(DirectorySearch directory, QueryCleaner cleaner, Reference reference, Markdown markdown,
            MaillageProperties properties, FacetMarkup facetMarkup,
            Directory writeSide, List<OrganisationPageSection> pageSections, ContactRelay contactRelay,
            org.springframework.context.MessageSource messages) {
        this.contactRelay = contactRelay;
        this.messages = messages;
        this.writeSide = writeSide;
        this.pageSections = pageSections;
        this.facetMarkup = facetMarkup;
        this.directory = directory;
        this.cleaner = cleaner;
        this.reference = reference;
        this.markdown = markdown;
        this.properties = properties;
    }

    @GetMapping("/annuaire")
    String list(@ModelAttribute("query") OrganisationQuery query, @RequestParam(name = "vue", required = false) String view,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Authentication authentication, Model model, Locale locale, HttpServletResponse response) {
        OrganisationQuery q = cleaner.clean(query);
        model.addAttribute("query", q);
        model.addAttribute("clearUrl", OrganisationQuery.empty().withText(q.q()).url("/annuaire"));
        if (q.byProjects()) {
            // countries and themes are then those of the structures' projects
            model.addAttribute("legends", Map.of(
                    "country", messages.getMessage("search.facet.project.country", null, locale),
                    "theme", messages.getMessage("search.facet.project.theme", null, locale)));
        }
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if ("carte".equals(view)) {
            SearchResult<OrganisationSummary> result = directory.search(q.withSize(1), locale);
            model.addAttribute("result", result);
            model.addAttribute("facetTop", FACET_TOP);
            model.addAttribute("facetMore", facetMarkup.more(result.facets(), FACET_TOP));
            model.addAttribute("facetShown", facetMarkup.shown(result.facets(), FACET_TOP));
            model.addAttribute("map", mapData(q, result, locale));
            model.addAttribute("mapJson", json.writeValueAsString(mapData(q, result, locale)).replace("<", "\\u003c"));
            return "directory/map";
        }
        SearchResult<OrganisationSummary> result = directory.search(q, locale);
        model.addAttribute("result", result);
        model.addAttribute("facetTop", FACET_TOP);
        model.addAttribute("facetMore", facetMarkup.more(result.facets(), FACET_TOP));
        model.addAttribute("facetShown", facetMarkup.shown(result.facets(), FACET_TOP));
        model.addAttribute("exportColumns", ExportColumn.available(Viewer.isStaff(authentication)));
        model.addAttribute("defaultColumns", ExportColumn.DEFAULTS);
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "directory/list :: results" : "directory/list";
    }

    @GetMapping(path = "/annuaire/carte.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MapData mapJson(@ModelAttribute("query") OrganisationQuery query, Locale locale) {
        OrganisationQuery q = cleaner.clean(query);
        return mapData(q, directory.search(q.withSize(1), locale), locale);
    }

    @GetMapping("/annuaire/impression")
    String print(@ModelAttribute("query") OrganisationQuery query, @RequestParam(name = "groupe", defaultValue = "departement") String group,
            Model model, Locale locale) {
        OrganisationQuery q = cleaner.clean(query).withSort("name");
        List<OrganisationSummary> items = directory.list(q, locale, PRINT_LIMIT);
        long total = directory.count(q);
        boolean byTheme = "theme".equals(group);
        Map<String, List<OrganisationSummary>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (OrganisationSummary o : items) {
            if (byTheme) {
                if (o.themes().isEmpty()) {
                    groups.computeIfAbsent("—", k -> new ArrayList<>()).add(o);
                }
                o.themes().forEach(t -> groups.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(o));
            } else {
                String key = o.departement() == null ? "—" : o.departement().code() + " – " + reference.label(RefList.DEPARTEMENTS, o.departement().code(), locale);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
        }
        model.addAttribute("query", q);
        model.addAttribute("groups", groups);
        model.addAttribute("group", byTheme ? "theme" : "departement");
        model.addAttribute("total", total);
        model.addAttribute("truncated", total > items.size());
        model.addAttribute("limit", PRINT_LIMIT);
        model.addAttribute("today", LocalDate.now(PARIS));
        return "directory/print";
    }

    @GetMapping("/acteurs/{slug}")
    String organisation(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Authentication authentication,
            Model model, Locale locale, HttpServletResponse response) {
        boolean staff = Viewer.isStaff(authentication) || (me != null && me.isStaff());
        Optional<OrganisationDetails> found = directory.find(slug, locale, staff);
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        OrganisationDetails o = found.get();
        if (!o.isPublished()) {
            Optional<String> target = directory.mergedInto(slug);
            if (target.isPresent()) {
                response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
                response.setHeader(HttpHeaders.LOCATION, "/acteurs/" + target.get());
                return null;
            }
            boolean member = me != null && directory.isMemberOf(me.personId(), o.id());
            if (!staff && !member) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        String url = properties.baseUrl() + "/acteurs/" + o.slug();
        model.addAttribute("o", o);
        model.addAttribute("descriptionHtml", markdown.toHtml(o.description()));
        model.addAttribute("metaDescription", markdown.toPlainText(o.description(), 200));
        model.addAttribute("canonicalUrl", url);
        model.addAttribute("logoUrl", o.logoKey() == null ? null : properties.baseUrl() + "/fichiers/" + o.logoKey());
        model.addAttribute("updatedOn", o.updatedAt() == null ? null : LocalDate.ofInstant(o.updatedAt(), PARIS));
        suggestions(o, me, model, locale);
        model.addAttribute("jsonLd", jsonLd(o, url).replace("<", "\\u003c"));
        model.addAttribute("directoryQuery", OrganisationQuery.empty());
        model.addAttribute("sections", pageSections(o.slug(), me, locale));
        return "directory/organisation";
    }

    /**
     * "Ils travaillent comme vous" for a signed-in person whose structures name countries or
     * themes (structures like theirs, this one and theirs left out); else, for visitors too,
     * the structures close to this one. And whether "Prendre contact" is offered: on a published
     * structure that has a contact, to anyone but the people who manage it.
     */
    private void suggestions(OrganisationDetails o, CurrentPerson me, Model model, Locale locale) {
        List<Suggestion> suggestions = List.of();
        boolean forMe = false;
        if (o.isPublished() && me != null) {
            suggestions = directory.suggestionsFor(me.personId(), o.id(), locale, SUGGESTIONS);
            forMe = !suggestions.isEmpty();
        }
        if (o.isPublished() && suggestions.isEmpty()) {
            suggestions = directory.similarSuggestions(o, locale, SUGGESTIONS);
        }
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("suggestionsForMe", forMe);
        boolean own = me != null && contactRelay.isMemberOf(o.id(), me.personId());
        boolean reachable = o.isPublished() && !own && contactRelay.target(o.slug()).map(ContactRelay.Target::reachable).orElse(false);
        model.addAttribute("canContact", reachable);
    }

    /** The sections other modules add to a structure's page (its projects, partnerships...). */
    private List<Map<String, Object>> pageSections(String slug, CurrentPerson me, Locale locale) {
        Optional<OrganisationRef> ref = writeSide.ref(slug);
        if (ref.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        pageSections.stream().sorted(java.util.Comparator.comparingInt(OrganisationPageSection::order)).forEach(s -> {
            Map<String, Object> m = s.model(ref.get(), me, locale);
            if (m != null && !m.isEmpty()) {
                out.add(Map.of("id", s.id(), "title", s.title(locale), "fragment", s.fragment(), "model", m));
            }
        });
        return out;
    }

    @GetMapping("/pays/{code}")
    String country(@PathVariable String code, Model model, Locale locale) {
        CountryOverview overview = directory.country(code, locale, 12)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("overview", overview);
        model.addAttribute("countryQuery", OrganisationQuery.empty().withValues("country", List.of(overview.country().code())));
        return "directory/country";
    }

    private String jsonLd(OrganisationDetails o, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Organization");
        ld.put("@id", url);
        ld.put("name", o.name());
        if (o.acronym() != null && !o.acronym().isBlank()) {
            ld.put("alternateName", o.acronym());
        }
        ld.put("url", o.website() != null && !o.website().isBlank() ? o.website() : url);
        ld.put("mainEntityOfPage", url);
        if (o.description() != null) {
            ld.put("description", markdown.toPlainText(o.description(), 500));
        }
        if (o.logoKey() != null) {
            ld.put("logo", properties.baseUrl() + "/fichiers/" + o.logoKey());
        }
        if (o.email() != null) {
            ld.put("email", o.email());
        }
        if (o.phone() != null) {
            ld.put("telephone", o.phone());
        }
        if (o.yearFounded() != null) {
            ld.put("foundingDate", String.valueOf(o.yearFounded()));
        }
        if (o.siret() != null && !o.siret().isBlank()) {
            ld.put("taxID", o.siret());
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        if (o.addressLine() != null) {
            address.put("streetAddress", o.addressLine());
        }
        if (o.postalCode() != null) {
            address.put("postalCode", o.postalCode());
        }
        if (o.city() != null) {
            address.put("addressLocality", o.city());
        }
        if (o.region() != null) {
            address.put("addressRegion", o.region().label());
        }
        address.put("addressCountry", "FR");
        ld.put("address", address);
        if (!o.countries().isEmpty()) {
            ld.put("areaServed", o.countries().stream().map(c -> Map.of("@type", "Country", "name", c.label())).toList());
        }
        if (!o.themes().isEmpty() || !o.keywords().isEmpty()) {
            List<String> knows = new ArrayList<>();
            o.themes().forEach(t -> knows.add(t.label()));
            knows.addAll(o.keywords());
            ld.put("knowsAbout", knows);
        }
        return json.writeValueAsString(ld);
    }

    private MapData mapData(OrganisationQuery q, SearchResult<OrganisationSummary> result, Locale locale) {
        List<MapData.Area> departements = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("departement").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                departements.add(new MapData.Area(v.code(), v.code(), v.label(), v.count(),
                        q.with("departement", v.code()).url("/annuaire?vue=carte")));
            }
        }
        List<MapData.Area> countries = new ArrayList<>();
        for (Facet.FacetValue v : result.facet("country").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                String numeric = reference.find(RefList.COUNTRIES, v.code()).map(c -> c.extra("numeric")).orElse("");
                countries.add(new MapData.Area(v.code(), numeric, v.label(), v.count(),
                        q.with("country", v.code()).url("/annuaire?vue=carte")));
            }
        }
        return new MapData(result.total(), departements, countries);
    }

    /** Counts of the current search by département and by country, for the maps. */
    record MapData(long total, List<Area> departements, List<Area> countries) {

        /** {@code key}: the département code, or the ISO numeric code of a country (the shapes' ids). */
        record Area(String code, String key, String label, long count, String url) {
        }
    }
}
