package fr.maillage.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectoryException;
import fr.maillage.directory.EditableOrganisation;
import fr.maillage.directory.OrganisationNotFoundException;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff area of the directory: moderation queue, structures, one structure (history, revert, merge), stale ones. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class DirectoryAdminController {

    private static final int PAGE_SIZE = 50;

    private final Directory directory;
    private final MessageSource messages;
    private final Markdown markdown;

    DirectoryAdminController(Directory directory, MessageSource messages, Markdown markdown) {
        this.directory = directory;
        this.messages = messages;
        this.markdown = markdown;
    }

    @GetMapping("/admin/moderation")
    @PreAuthorize("hasRole('STAFF')")
    String moderation(Model model) {
        model.addAttribute("queue", directory.moderationQueue());
        model.addAttribute("orphanRequests", directory.joinRequestsWithoutAdmin());
        return "admin/directory/moderation";
    }

    @GetMapping("/admin/structures")
    @PreAuthorize("hasRole('STAFF')")
    String list(@RequestParam(name = "statut", required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "1") int page, Model model) {
        OrganisationStatus s = parseStatus(status);
        model.addAttribute("result", directory.list(s, q, Math.max(1, page) - 1, PAGE_SIZE));
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("q", q == null ? "" : q);
        return "admin/directory/structures";
    }

    @GetMapping("/admin/structures/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String show(@PathVariable long id, Model model) {
        EditableOrganisation org = directory.editable(id).orElseThrow(() -> new OrganisationNotFoundException("#" + id));
        model.addAttribute("organisation", org);
        model.addAttribute("descriptionHtml", markdown.toHtml(org.data().description()));
        model.addAttribute("members", directory.members(id));
        model.addAttribute("history", directory.history(id));
        model.addAttribute("requests", directory.pendingJoinRequests(id));
        model.addAttribute("duplicates", org.status() == OrganisationStatus.MERGED ? List.of() : directory.likelyDuplicates(org.data(), id));
        model.addAttribute("mergedInto", org.mergedIntoId() == null ? null : directory.editable(org.mergedIntoId()).orElse(null));
        return "admin/directory/structure";
    }

    @PostMapping("/admin/structures/{id}/approuver")
    @PreAuthorize("hasRole('STAFF')")
    String approve(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, "directory.admin.approved.flash", () -> directory.approve(id, me));
    }

    @PostMapping("/admin/structures/{id}/demander-modifications")
    @PreAuthorize("hasRole('STAFF')")
    String requestChanges(@PathVariable long id, @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentPerson me,
                          Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, "directory.admin.changes.flash", () -> directory.requestChanges(id, message, me));
    }

    @PostMapping("/admin/structures/{id}/refuser")
    @PreAuthorize("hasRole('STAFF')")
    String refuse(@PathVariable long id, @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, "directory.admin.refused.flash", () -> directory.refuse(id, message, me));
    }

    @PostMapping("/admin/structures/{id}/fusionner")
    @PreAuthorize("hasRole('STAFF')")
    String merge(@PathVariable long id, @RequestParam(name = "into", required = false) String into, @AuthenticationPrincipal CurrentPerson me,
                 Locale locale, RedirectAttributes redirect) {
        Optional<EditableOrganisation> target = resolve(into);
        if (target.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("directory.error.merge.target", null, locale));
            return "redirect:/admin/structures/" + id;
        }
        long keptId = target.get().id();
        String view = act(id, redirect, locale, "directory.admin.merged.flash", () -> directory.merge(id, keptId, me));
        return redirect.getFlashAttributes().containsKey("error") ? view : "redirect:/admin/structures/" + keptId;
    }

    @PostMapping("/admin/structures/{id}/revenir/{revisionId}")
    @PreAuthorize("hasRole('STAFF')")
    String revert(@PathVariable long id, @PathVariable long revisionId, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        return act(id, redirect, locale, "directory.admin.reverted.flash", () -> directory.revert(id, revisionId, me));
    }

    @GetMapping("/admin/structures/a-relancer")
    @PreAuthorize("hasRole('STAFF')")
    String stale(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", directory.stale(Math.max(1, page) - 1, 200));
        model.addAttribute("staleMonths", Math.max(1, directory.properties().staleAfter().toDays() / 30));
        return "admin/directory/stale";
    }

    @PostMapping("/admin/structures/a-relancer")
    @PreAuthorize("hasRole('STAFF')")
    String requestReview(@RequestParam(name = "ids", required = false) List<Long> ids, @AuthenticationPrincipal CurrentPerson me,
                         Locale locale, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("directory.admin.stale.none", null, locale));
        } else {
            int asked = directory.requestReview(ids, me);
            redirect.addFlashAttribute("flash", messages.getMessage("directory.admin.stale.asked", new Object[] {asked}, locale));
        }
        return "redirect:/admin/structures/a-relancer";
    }

    private Optional<EditableOrganisation> resolve(String into) {
        if (into == null || into.isBlank()) {
            return Optional.empty();
        }
        String t = into.trim().replaceFirst("^#", "");
        if (t.matches("\\d{1,18}")) {
            return directory.editable(Long.parseLong(t));
        }
        String slug = t.replaceFirst("^.*/acteurs/", "").replaceFirst("[/?#].*$", "");
        return directory.editable(slug);
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String flashKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(flashKey, null, locale));
        } catch (DirectoryException e) {
            redirect.addFlashAttribute("error", DirectoryWebSupport.message(messages, e, locale));
        }
        return "redirect:/admin/structures/" + id;
    }

    private static OrganisationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrganisationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
