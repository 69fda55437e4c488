package fr.maillage.directory.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Qui fait quoi, où": every country where structures of the network act, with how many. */
@Controller
class CountryIndexController {

    private final DirectorySearch directory;

    CountryIndexController(DirectorySearch directory) {
        this.directory = directory;
    }

    @GetMapping("/pays")
    String countries(Model model, Locale locale) {
        var result = directory.search(OrganisationQuery.empty().withSize(1), locale);
        List<FacetValue> countries = result.facet("country").map(Facet::values).orElse(List.of()).stream()
                .filter(v -> v.count() > 0).toList();
        model.addAttribute("countries", countries);
        model.addAttribute("total", result.total());
        return "directory/countries";
    }
}
