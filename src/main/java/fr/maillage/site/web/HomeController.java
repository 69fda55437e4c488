package fr.maillage.site.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;
import fr.maillage.shared.SearchResult;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page answers in one screen: what the network is, how many actors, where they act,
 * the latest referenced structures, and a search box.
 */
@Controller
class HomeController {

    private final DirectorySearch directory;

    HomeController(DirectorySearch directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        SearchResult<OrganisationSummary> latest = directory.search(OrganisationQuery.empty().withSort("updated").withSize(6), locale);
        model.addAttribute("latest", latest.items());
        model.addAttribute("total", latest.total());
        model.addAttribute("countries", top(latest, "country", 10));
        model.addAttribute("countryCount", count(latest, "country"));
        model.addAttribute("departementCount", count(latest, "departement"));
        model.addAttribute("themes", top(latest, "theme", 18));
        model.addAttribute("members", latest.facet("member").flatMap(f -> f.values().stream()
                .filter(v -> "true".equals(v.code())).findFirst()).map(FacetValue::count).orElse(0L));
        return "site/home";
    }

    private static List<FacetValue> top(SearchResult<?> result, String facet, int limit) {
        return result.facet(facet).map(Facet::values).orElse(List.of()).stream()
                .filter(v -> v.count() > 0).limit(limit).toList();
    }

    private static long count(SearchResult<?> result, String facet) {
        return result.facet(facet).map(Facet::values).orElse(List.of()).stream().filter(v -> v.count() > 0).count();
    }
}
