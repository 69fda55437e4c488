package fr.maillage.projects.web;

import java.util.Locale;

import fr.maillage.directory.Directory;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectListing;
import fr.maillage.projects.ProjectNotFoundException;
import fr.maillage.projects.Projects;
import fr.maillage.projects.Publication;
import fr.maillage.shared.security.CurrentPerson;

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

/**
 * Staff area of projects: every project, filtered by publication, lead structure and words
 * ({@code /admin/projets}); one project with its moderation: hide with a message e-mailed to
 * the structure's editors, restore, mark or unmark exemplary, delete. The facade records each
 * action in the staff journal.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ProjectAdminController {

    static final int PAGE_SIZE = 50;

    private final Projects projects;
    private final ProjectListing listing;
    private final Directory directory;
    private final MessageSource messages;

    ProjectAdminController(Projects projects, ProjectListing listing, Directory directory, MessageSource messages) {
        this.projects = projects;
        this.listing = listing;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/projets")
    @PreAuthorize("hasRole('STAFF')")
    String list(@RequestParam(name = "publication", required = false) String publication,
                @RequestParam(name = "structure", required = false) String structure,
                @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        Publication pub = parse(publication);
        Long org = structure != null && structure.matches("\\d{1,18}") ? Long.valueOf(structure) : null;
        int p = page.matches("\\d{1,7}") ? Math.max(1, Integer.parseInt(page)) : 1;
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        model.addAttribute("result", listing.page(pub, org, text, p - 1, PAGE_SIZE));
        model.addAttribute("publications", Publication.values());
        model.addAttribute("publication", pub == null ? "" : pub.name());
        model.addAttribute("structures", listing.leadOrganisations());
        model.addAttribute("structure", org);
        model.addAttribute("q", text);
        return "admin/projects/list";
    }

    @GetMapping("/admin/projets/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String show(@PathVariable long id, Model model) {
        ProjectDetails p = projects.find(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
        model.addAttribute("p", p);
        model.addAttribute("lead", directory.ref(p.organisationId()).orElse(null));
        model.addAttribute("members", directory.members(p.organisationId()));
        return "admin/projects/project";
    }

    @PostMapping("/admin/projets/{id}/masquer")
    @PreAuthorize("hasRole('STAFF')")
    String hide(@PathVariable long id, @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentPerson me,
                Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = projects.find(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
        if (message == null || message.isBlank()) {
            redirect.addFlashAttribute("error", messages.getMessage("projects.web.admin.hide.required", null, locale));
            return "redirect:/admin/projets/" + id + "#moderer";
        }
        projects.hide(id, message.length() > 4000 ? message.substring(0, 4000) : message, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.web.admin.hidden.flash", new Object[] {p.data().title()}, locale));
        return "redirect:/admin/projets/" + id;
    }

    @PostMapping("/admin/projets/{id}/retablir")
    @PreAuthorize("hasRole('STAFF')")
    String restore(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = projects.find(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
        projects.restore(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.web.admin.restored.flash", new Object[] {p.data().title()}, locale));
        return "redirect:/admin/projets/" + id;
    }

    @PostMapping("/admin/projets/{id}/exemplaire")
    @PreAuthorize("hasRole('STAFF')")
    String exemplary(@PathVariable long id, @RequestParam(name = "value", defaultValue = "true") boolean value,
                     @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = projects.find(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
        projects.setExemplary(id, value, me);
        redirect.addFlashAttribute("flash", messages.getMessage(value ? "projects.web.admin.exemplary.flash" : "projects.web.admin.not-exemplary.flash",
                new Object[] {p.data().title()}, locale));
        return "redirect:/admin/projets/" + id;
    }

    @PostMapping("/admin/projets/{id}/supprimer")
    @PreAuthorize("hasRole('STAFF')")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = projects.find(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
        if (!"oui".equals(confirm)) {
            redirect.addFlashAttribute("error", messages.getMessage("projects.form.delete.unconfirmed", null, locale));
            return "redirect:/admin/projets/" + id + "#supprimer";
        }
        projects.delete(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.form.deleted.flash", new Object[] {p.data().title()}, locale));
        return "redirect:/admin/projets";
    }

    private static Publication parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Publication.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
