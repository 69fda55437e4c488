package fr.maillage.directory.web;

import java.util.Locale;

import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectoryException;
import fr.maillage.directory.EditableOrganisation;
import fr.maillage.directory.MemberRole;
import fr.maillage.directory.OrganisationNotFoundException;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's structures ({@code /mon-espace/structures}): status and what happens next, edit
 * links, join requests to decide; and a structure's people ({@code /acteurs/{slug}/membres}).
 */
@Controller
class MyStructuresController {

    private final Directory directory;
    private final MessageSource messages;

    MyStructuresController(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/mon-espace/structures")
    @PreAuthorize("isAuthenticated()")
    String mine(@AuthenticationPrincipal CurrentPerson me, Model model) {
        if (me == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
        model.addAttribute("structures", directory.structuresOf(me.personId()));
        model.addAttribute("toDecide", directory.joinRequestsToDecide(me.personId()));
        model.addAttribute("myRequests", directory.joinRequestsOf(me.personId()));
        return "directory/mine";
    }

    @GetMapping("/acteurs/{slug}/membres")
    @PreAuthorize("isAuthenticated()")
    String members(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        EditableOrganisation org = directory.editable(slug).orElseThrow(() -> new OrganisationNotFoundException(slug));
        boolean admin = me != null && directory.roleOf(org.id(), me.personId()).filter(r -> r == MemberRole.ADMIN).isPresent();
        if (!admin && (me == null || !me.isStaff())) {
            throw new AccessDeniedException("Réservé aux administrateurs de la structure");
        }
        model.addAttribute("organisation", org);
        model.addAttribute("members", directory.members(org.id()));
        model.addAttribute("requests", directory.pendingJoinRequests(org.id()));
        return "directory/members";
    }

    @PostMapping("/acteurs/{slug}/membres/demandes/{requestId}")
    @PreAuthorize("isAuthenticated()")
    String decide(@PathVariable String slug, @PathVariable long requestId, @RequestParam String decision,
                  @RequestParam(name = "retour", required = false) String back, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        try {
            directory.decideJoinRequest(requestId, approve, me);
            redirect.addFlashAttribute("flash", messages.getMessage(approve ? "directory.join.approved.flash" : "directory.join.refused.flash", null, locale));
        } catch (DirectoryException e) {
            redirect.addFlashAttribute("error", DirectoryWebSupport.message(messages, e, locale));
        }
        return "redirect:" + DirectoryWebSupport.safeReturn(back, "/acteurs/" + slug + "/membres");
    }
}
