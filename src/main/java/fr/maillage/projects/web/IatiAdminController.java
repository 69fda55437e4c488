package fr.maillage.projects.web;

import java.util.Locale;

import fr.maillage.projects.IatiOrganisations;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff confirm or reject the structures proposed by name for the organisations of imported
 * IATI files ({@code /admin/iati/organisations}).
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class IatiAdminController {

    static final String PATH = "/admin/iati/organisations";

    private final IatiOrganisations organisations;
    private final MessageSource messages;

    IatiAdminController(IatiOrganisations organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("proposals", organisations.proposals());
        model.addAttribute("decided", organisations.decided(30));
        return "admin/projects/iati-organisations";
    }

    @PostMapping(PATH + "/{id}/confirmer")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        int linked = organisations.confirm(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.iati.admin.confirmed", new Object[] {linked}, locale));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/rejeter")
    String reject(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        organisations.reject(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.iati.admin.rejected", null, locale));
        return "redirect:" + PATH;
    }
}
