package fr.maillage.directory.web;

import java.util.Locale;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Ils travaillent comme vous" ({@code /mon-espace/suggestions}): the best matches for each of my structures. */
@Controller
class SuggestionsController {

    static final int PER_STRUCTURE = 8;

    private final DirectorySearch search;

    SuggestionsController(DirectorySearch search) {
        this.search = search;
    }

    @GetMapping("/mon-espace/suggestions")
    @PreAuthorize("isAuthenticated()")
    String suggestions(@AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        if (me == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
        model.addAttribute("groups", search.suggestionsByStructure(me.personId(), locale, PER_STRUCTURE));
        return "directory/suggestions";
    }
}
