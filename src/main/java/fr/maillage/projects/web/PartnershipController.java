package fr.maillage.projects.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.FrenchAuthorityLevel;
import fr.maillage.projects.PartnerAuthorityLevel;
import fr.maillage.projects.PartnershipData;
import fr.maillage.projects.PartnershipDetails;
import fr.maillage.projects.PartnershipNotFoundException;
import fr.maillage.projects.PartnershipStatus;
import fr.maillage.projects.Partnerships;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectException;
import fr.maillage.projects.Projects;
import fr.maillage.reference.Reference;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partnerships of local authorities: the page of one ({@code /cooperation-decentralisee/partenariats/{id}}),
 * recording one ({@code /acteurs/{slug}/partenariats/nouveau}), editing and deleting it.
 */
@Controller
class PartnershipController {

    private static final Pattern PROJECT_REF = Pattern.compile("(?:/projets/)?([a-z0-9][a-z0-9-]*)/?$");

    private final Partnerships partnerships;
    private final Projects projects;
    private final Directory directory;
    private final Reference reference;
    private final Markdown markdown;
    private final MessageSource messages;

    PartnershipController(Partnerships partnerships, Projects projects, Directory directory, Reference reference, Markdown markdown,
                          MessageSource messages) {
        this.partnerships = partnerships;
        this.projects = projects;
        this.directory = directory;
        this.reference = reference;
        this.markdown = markdown;
        this.messages = messages;
    }

    @GetMapping("/cooperation-decentralisee/partenariats/{id}")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Authentication authentication, Model model, Locale locale) {
        PartnershipDetails p = partnerships.find(id, locale).filter(d -> partnerships.canView(d, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean canEdit = partnerships.canEdit(id, me);
        boolean staff = CoopWeb.isStaff(authentication);
        PartnershipDetails shown = canEdit ? p : p.publicProjects();
        model.addAttribute("p", staff ? shown : shown.withoutEmails());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("descriptionHtml", markdown.toHtml(p.description()));
        model.addAttribute("metaDescription", markdown.toPlainText(p.description(), 200));
        return "projects/coop/partnership";
    }

    // ------------------------------------------------------------------ new

    @GetMapping("/acteurs/{slug}/partenariats/nouveau")
    @PreAuthorize("isAuthenticated()")
    String newForm(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        OrganisationRef org = structure(slug);
        if (!partnerships.canRecord(org.id(), me)) {
            throw new AccessDeniedException("Not an editor of " + slug);
        }
        PartnershipForm form = new PartnershipForm();
        form.setStatus(PartnershipStatus.ACTIVE.name());
        if (Partnerships.isLocalAuthority(org)) {
            form.setOrganisationId(String.valueOf(org.id()));
            form.setFrenchLevel(partnerships.suggestedLevel(org.id()).name());
        }
        model.addAttribute("form", form);
        if (!Partnerships.isLocalAuthority(org)) {
            // the page says why at once, next to the field, as it would after sending the form
            org.springframework.validation.BeanPropertyBindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            result.rejectValue("organisationId", "projects.coop.error.structure-not-local-authority", new Object[] {org.name()}, null);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return showForm(model, org, null, me, locale);
    }

    @PostMapping("/acteurs/{slug}/partenariats/nouveau")
    @PreAuthorize("isAuthenticated()")
    String create(@PathVariable String slug, @ModelAttribute("form") PartnershipForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        OrganisationRef org = structure(slug);
        List<Long> others = otherProjects(form.getOtherProjects(), me, result);
        PartnershipData data = form.toData(others, result);
        Long organisationId = form.organisationIdValue();
        CoopWeb.reject(result, partnerships.problemsOfNew(organisationId, data, me));
        if (!result.hasErrors()) {
            try {
                long id = partnerships.create(organisationId, data, me);
                redirect.addFlashAttribute("flash", messages.getMessage("projects.coop.saved.flash", new Object[] {data.partnerName().strip()}, locale));
                return "redirect:/cooperation-decentralisee/partenariats/" + id;
            } catch (ProjectException e) {
                CoopWeb.reject(result, e.problems());
            }
        }
        return showForm(model, org, null, me, locale);
    }

    // ------------------------------------------------------------------ edit, delete

    @GetMapping("/cooperation-decentralisee/partenariats/{id}/modifier")
    @PreAuthorize("isAuthenticated()")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        PartnershipDetails p = editable(id, me, locale);
        model.addAttribute("form", PartnershipForm.of(p.data(), p.authority().id(), p.version()));
        return showForm(model, directory.ref(p.authority().id()).orElseThrow(), p, me, locale);
    }

    @PostMapping("/cooperation-decentralisee/partenariats/{id}/modifier")
    @PreAuthorize("isAuthenticated()")
    String edit(@PathVariable long id, @ModelAttribute("form") PartnershipForm form, BindingResult result,
                @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        PartnershipDetails p = editable(id, me, locale);
        form.setOrganisationId(String.valueOf(p.authority().id()));
        List<Long> others = otherProjects(form.getOtherProjects(), me, result);
        PartnershipData data = form.toData(others, result);
        CoopWeb.reject(result, partnerships.problemsOfChange(id, data, me));
        if (!result.hasErrors()) {
            try {
                partnerships.update(id, form.getVersion() == null ? -1 : form.getVersion(), data, me);
                redirect.addFlashAttribute("flash", messages.getMessage("projects.coop.saved.flash", new Object[] {data.partnerName().strip()}, locale));
                return "redirect:/cooperation-decentralisee/partenariats/" + id;
            } catch (ProjectException e) {
                CoopWeb.reject(result, e.problems());
            } catch (ObjectOptimisticLockingFailureException e) {
                result.reject("projects.coop.error.concurrent");
            }
        }
        return showForm(model, directory.ref(p.authority().id()).orElseThrow(), p, me, locale);
    }

    @PostMapping("/cooperation-decentralisee/partenariats/{id}/supprimer")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        PartnershipDetails p = editable(id, me, locale);
        if (confirm == null) {
            redirect.addFlashAttribute("error", messages.getMessage("projects.coop.delete.confirm-needed", null, locale));
            return "redirect:/cooperation-decentralisee/partenariats/" + id + "/modifier#supprimer";
        }
        partnerships.delete(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.coop.deleted.flash", new Object[] {p.partner().name()}, locale));
        return "redirect:/acteurs/" + p.authority().slug() + "#cooperation";
    }

    // ------------------------------------------------------------------ internals

    private OrganisationRef structure(String slug) {
        return directory.ref(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private PartnershipDetails editable(long id, CurrentPerson me, Locale locale) {
        PartnershipDetails p = partnerships.find(id, locale).orElseThrow(() -> new PartnershipNotFoundException(id));
        if (!partnerships.canEdit(id, me)) {
            throw new AccessDeniedException("Not an editor of partnership " + id);
        }
        return p;
    }

    /** Projects named by their address or slug, one per line or separated by commas or spaces. */
    private List<Long> otherProjects(String text, CurrentPerson me, BindingResult result) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[\\s,;]+")) {
            String ref = part.strip().replaceAll("[?#].*$", "");
            if (ref.isEmpty()) {
                continue;
            }
            Matcher m = PROJECT_REF.matcher(ref.toLowerCase(Locale.ROOT));
            Optional<ProjectDetails> project = m.find() ? projects.find(m.group(1)) : Optional.empty();
            if (project.isPresent() && projects.canView(project.get(), me)) {
                ids.add(project.get().id());
            } else {
                result.rejectValue("otherProjects", "projects.coop.error.unknown-project-ref", new Object[] {part.strip()}, null);
            }
        }
        return ids;
    }

    private String showForm(Model model, OrganisationRef org, PartnershipDetails editing, CurrentPerson me, Locale locale) {
        model.addAttribute("organisation", org);
        model.addAttribute("editing", editing);
        model.addAttribute("authorities", partnerships.authoritiesOf(me));
        model.addAttribute("frenchLevels", FrenchAuthorityLevel.values());
        model.addAttribute("partnerLevels", PartnerAuthorityLevel.values());
        model.addAttribute("statuses", PartnershipStatus.values());
        model.addAttribute("countries", CoopWeb.countries(reference, locale));
        model.addAttribute("themes", CoopWeb.themes(reference));
        // the authority's projects to tick, plus those already linked
        Map<Long, String> candidates = new LinkedHashMap<>();
        if (Partnerships.isLocalAuthority(org)) {
            projects.ofOrganisation(org.id(), true).forEach(p -> candidates.put(p.id(), p.data().title()));
        }
        if (editing != null) {
            editing.projects().forEach(p -> candidates.putIfAbsent(p.id(), p.title()
                    + (p.organisationName() == null ? "" : " – " + p.organisationName())));
        }
        model.addAttribute("projectChoices", candidates);
        return "projects/coop/form";
    }
}
