package fr.maillage.site.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.OccurrenceRow;
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
 * the next events of the agenda, the latest referenced structures, and a search box.
 */
@Controller
class HomeController {

    /** How many upcoming events the home page shows (one date each). */
    static final int UPCOMING = 6;

    private final DirectorySearch directory;
    private final AgendaSearch agenda;

    HomeController(DirectorySearch directory, AgendaSearch agenda) {
        this.directory = directory;
        this.agenda = agenda;
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
        model.addAttribute("upcoming", upcoming());
        return "site/home";
    }

    /** The next events, each once (a weekly meeting shows its next date only). */
    private List<OccurrenceRow> upcoming() {
        List<OccurrenceRow> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (OccurrenceRow r : agenda.upcoming(AgendaQuery.all(), UPCOMING * 8)) {
            if (seen.add(r.eventId()) && out.size() < UPCOMING) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<FacetValue> top(SearchResult<?> result, String facet, int limit) {
        return result.facet(facet).map(Facet::values).orElse(List.of()).stream()
                .filter(v -> v.count() > 0).limit(limit).toList();
    }

    private static long count(SearchResult<?> result, String facet) {
        return result.facet(facet).map(Facet::values).orElse(List.of()).stream().filter(v -> v.count() > 0).count();
    }
}
