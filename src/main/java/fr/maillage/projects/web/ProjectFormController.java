package fr.maillage.projects.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.projects.FunderKind;
import fr.maillage.projects.LinkKind;
import fr.maillage.projects.PartnerRole;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectException;
import fr.maillage.projects.ProjectNotFoundException;
import fr.maillage.projects.ProjectValidator;
import fr.maillage.projects.Projects;
import fr.maillage.projects.Publication;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.files.FileStorage;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The project form: {@code /projets/nouveau?structure={slug}} and {@code /projets/{slug}/modifier},
 * for the lead structure's editors and staff; and the editors' actions (publish, back to draft,
 * delete). Repeatable rows work without JavaScript: "Ajouter une ligne" and "Retirer" send the
 * form back, which is shown again with what was typed. Nothing is saved while anything is wrong.
 */
@Controller
class ProjectFormController {

    /** Up to this many published structures, the partner suggestions are all in the page. */
    static int partnerListMax = 400;

    static final List<String> CURRENCIES = List.of("EUR", "XOF", "XAF", "MAD", "TND", "DZD", "MGA", "HTG", "USD", "GBP", "CHF", "CAD");

    private final Projects projects;
    private final ProjectValidator validator;
    private final Directory directory;
    private final Reference reference;
    private final ProjectUploads uploads;
    private final FileStorage files;
    private final MessageSource messages;

    ProjectFormController(Projects projects, ProjectValidator validator, Directory directory, Reference reference,
                          ProjectUploads uploads, FileStorage files, MessageSource messages) {
        this.projects = projects;
        this.validator = validator;
        this.directory = directory;
        this.reference = reference;
        this.uploads = uploads;
        this.files = files;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ProjectForm.MAX_ROWS + 10);
    }

    /** A request naming rows far beyond what the form shows (a crafted one): a plain "bad request" page. */
    @ExceptionHandler(InvalidPropertyException.class)
    void tooManyRows(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    // ------------------------------------------------------------------ new project

    @GetMapping("/projets/nouveau")
    @PreAuthorize("isAuthenticated()")
    String newForm(@RequestParam(name = "structure", required = false) String structure, @AuthenticationPrincipal CurrentPerson me,
                   Model model) {
        if (structure == null || structure.isBlank()) {
            List<MyStructure> mine = directory.structuresOf(me.personId()).stream()
                    .filter(s -> s.status() != OrganisationStatus.REFUSED).toList();
            return mine.size() == 1 ? "redirect:/projets/nouveau?structure=" + mine.get(0).slug() : "redirect:/mon-espace#mes-projets";
        }
        OrganisationRef org = leadFor(structure, me);
        model.addAttribute("form", ProjectForm.empty());
        return show(model, org, null);
    }

    @PostMapping("/projets/nouveau")
    @PreAuthorize("isAuthenticated()")
    String create(@RequestParam(name = "structure") String structure, @ModelAttribute("form") ProjectForm form, BindingResult result,
                  @RequestParam(required = false) String publish, @RequestParam(required = false) String addRow,
                  @RequestParam(required = false) String removeRow, @AuthenticationPrincipal CurrentPerson me,
                  Model model, Locale locale, RedirectAttributes redirect) {
        OrganisationRef org = leadFor(structure, me);
        if (prepare(form, result, addRow, removeRow)) {
            return show(model, org, null);
        }
        ProjectData data = check(form, result);
        if (result.hasErrors()) {
            form.pad();
            return show(model, org, null);
        }
        boolean published = "true".equals(publish);
        try {
            long id = projects.create(org.id(), data, published, me);
            ProjectDetails p = projects.find(id).orElseThrow();
            redirect.addFlashAttribute("flash", messages.getMessage(published ? "projects.form.published.flash" : "projects.form.draft.flash",
                    new Object[] {p.data().title()}, locale));
            return "redirect:/projets/" + p.slug();
        } catch (ProjectException e) {
            reject(e.problems(), result);
            form.pad();
            return show(model, org, null);
        }
    }

    // ------------------------------------------------------------------ edit

    @GetMapping("/projets/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String editForm(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        ProjectDetails p = editable(slug, me);
        model.addAttribute("form", ProjectForm.of(p.data(), p.version(), organisationNames(p.data())));
        return show(model, directory.ref(p.organisationId()).orElseThrow(), p);
    }

    @PostMapping("/projets/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String edit(@PathVariable String slug, @ModelAttribute("form") ProjectForm form, BindingResult result,
                @RequestParam(required = false) String publish, @RequestParam(required = false) String addRow,
                @RequestParam(required = false) String removeRow, @AuthenticationPrincipal CurrentPerson me,
                Model model, Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = editable(slug, me);
        OrganisationRef org = directory.ref(p.organisationId()).orElseThrow();
        if (prepare(form, result, addRow, removeRow)) {
            return show(model, org, p);
        }
        ProjectData data = check(form, result);
        if (result.hasErrors()) {
            form.pad();
            return show(model, org, p);
        }
        boolean published = "true".equals(publish);
        try {
            projects.update(p.id(), form.getVersion() == null ? -1 : form.getVersion(), data, published, me);
        } catch (ProjectException e) {
            reject(e.problems(), result);
            form.pad();
            return show(model, org, p);
        } catch (ObjectOptimisticLockingFailureException e) {
            result.reject("projects.error.concurrent");
            form.pad();
            return show(model, org, p);
        }
        ProjectDetails saved = projects.find(p.id()).orElseThrow();
        String key = saved.publication() == Publication.PUBLISHED ? "projects.form.saved-published.flash"
                : saved.publication() == Publication.HIDDEN ? "projects.form.saved-hidden.flash" : "projects.form.draft.flash";
        redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] {saved.data().title()}, locale));
        return "redirect:/projets/" + saved.slug();
    }

    // ------------------------------------------------------------------ editors' actions

    @PostMapping("/projets/{slug}/publier")
    @PreAuthorize("isAuthenticated()")
    String publish(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = editable(slug, me);
        try {
            projects.publish(p.id(), me);
            redirect.addFlashAttribute("flash", messages.getMessage("projects.form.published.flash", new Object[] {p.data().title()}, locale));
        } catch (ProjectException e) {
            redirect.addFlashAttribute("error", message(e.problems().get(0), locale));
        }
        return "redirect:/projets/" + p.slug();
    }

    @PostMapping("/projets/{slug}/brouillon")
    @PreAuthorize("isAuthenticated()")
    String unpublish(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = editable(slug, me);
        projects.unpublish(p.id(), me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.form.unpublished.flash", new Object[] {p.data().title()}, locale));
        return "redirect:/projets/" + p.slug();
    }

    @PostMapping("/projets/{slug}/supprimer")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable String slug, @RequestParam(required = false) String confirm, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        ProjectDetails p = editable(slug, me);
        if (!"oui".equals(confirm)) {
            redirect.addFlashAttribute("error", messages.getMessage("projects.form.delete.unconfirmed", null, locale));
            return "redirect:/projets/" + p.slug() + "/modifier#supprimer";
        }
        projects.delete(p.id(), me);
        redirect.addFlashAttribute("flash", messages.getMessage("projects.form.deleted.flash", new Object[] {p.data().title()}, locale));
        boolean member = directory.roleOf(p.organisationId(), me.personId()).isPresent();
        return me.isStaff() && !member ? "redirect:/admin/projets" : "redirect:/mon-espace#mes-projets";
    }

    // ------------------------------------------------------------------ the steps of a submission

    /**
     * Stores the uploaded files (each becomes a link row) and applies "Ajouter une ligne" or
     * "Retirer". Returns true when the form is only to be shown again (a row was added or removed).
     */
    private boolean prepare(ProjectForm form, BindingResult result, String addRow, String removeRow) {
        uploads.accept(form, "photoFiles", result);
        uploads.accept(form, "documentFiles", result);
        resolveOrganisations(form);
        if (removeRow != null && removeRow.matches("[a-z]+:\\d{1,3}")) {
            String[] parts = removeRow.split(":");
            form.removeRow(parts[0], Integer.parseInt(parts[1]));
            form.pad();
            return true;
        }
        if (addRow != null && ProjectForm.SECTIONS.contains(addRow)) {
            form.pad();
            form.addRow(addRow);
            return true;
        }
        return false;
    }

    /** Reads the form and checks the content; every problem lands on its field. */
    private ProjectData check(ProjectForm form, BindingResult result) {
        form.compact();
        ProjectData data = form.toData(result);
        reject(validator.problems(data), result);
        for (int i = 0; i < form.getLinks().size(); i++) {
            ProjectForm.LinkRow l = form.getLinks().get(i);
            if (l.isFile() && files.get(l.getFileKey()).isEmpty()) {
                result.rejectValue("links[" + i + "].title", "projects.form.error.file.gone");
            }
        }
        return data;
    }

    /** The problems as field errors (global ones for the whole form), leaving out fields that already show one. */
    static void reject(List<ProjectException.Problem> problems, BindingResult result) {
        for (ProjectException.Problem p : problems) {
            String key = p.messageKey();
            Object[] args = p.argsArray();
            if (key.equals("projects.error.sector-sum") && args.length == 2) {
                // the form knows one vocabulary; the sum is shown as a number of the reader's language ("90,5")
                key = "projects.form.error.sector-sum";
                args = new Object[] {args[0], new java.math.BigDecimal(String.valueOf(args[1]))};
            }
            if (p.field() == null) {
                result.reject(key, args, null);
            } else if (!result.hasFieldErrors(p.field())) {
                result.rejectValue(p.field(), key, args, null);
            }
        }
    }

    /**
     * A partner or funder typed with the name of a published structure of the directory is
     * linked to it; a name that no longer matches drops the link.
     */
    private void resolveOrganisations(ProjectForm form) {
        Map<String, OrganisationRef> byName = new LinkedHashMap<>();
        Map<Long, OrganisationRef> byId = new LinkedHashMap<>();
        for (OrganisationRef o : directory.publishedOfTypes(List.of())) {
            byName.putIfAbsent(Slugs.fold(o.displayName()), o);
            byName.putIfAbsent(Slugs.fold(o.name()), o);
            byId.put(o.id(), o);
        }
        List<Long> kept = new ArrayList<>();
        form.getPartners().forEach(r -> { if (r != null && r.getOrganisationId() != null) { kept.add(r.getOrganisationId()); } });
        form.getFundings().forEach(r -> { if (r != null && r.getOrganisationId() != null) { kept.add(r.getOrganisationId()); } });
        byId.putAll(directory.refs(kept.stream().filter(id -> !byId.containsKey(id)).toList()));
        for (ProjectForm.PartnerRow r : form.getPartners()) {
            if (r != null) {
                r.setOrganisationId(link(r.getOrganisationId(), r.getName(), byName, byId));
            }
        }
        for (ProjectForm.FundingRow r : form.getFundings()) {
            if (r != null) {
                r.setOrganisationId(link(r.getOrganisationId(), r.getFunderName(), byName, byId));
            }
        }
    }

    private static Long link(Long current, String name, Map<String, OrganisationRef> byName, Map<Long, OrganisationRef> byId) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = Slugs.fold(name);
        OrganisationRef was = current == null ? null : byId.get(current);
        if (was != null && (key.equals(Slugs.fold(was.displayName())) || key.equals(Slugs.fold(was.name())))) {
            return current;
        }
        OrganisationRef found = byName.get(key);
        return found == null ? null : found.id();
    }

    // ------------------------------------------------------------------ access and model

    private OrganisationRef leadFor(String slug, CurrentPerson me) {
        OrganisationRef org = directory.ref(slug)
                .filter(o -> o.status() != OrganisationStatus.MERGED && o.status() != OrganisationStatus.REFUSED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!projects.canEditOrganisation(org.id(), me)) {
            throw new AccessDeniedException("Not an editor of " + slug);
        }
        return org;
    }

    private ProjectDetails editable(String slug, CurrentPerson me) {
        ProjectDetails p = projects.find(slug).orElseThrow(() -> new ProjectNotFoundException(slug));
        if (!projects.canEditOrganisation(p.organisationId(), me)) {
            if (!projects.canView(p, me)) {
                throw new ProjectNotFoundException(slug);
            }
            throw new AccessDeniedException("Not an editor of project " + slug);
        }
        return p;
    }

    private Map<Long, String> organisationNames(ProjectData d) {
        List<Long> ids = new ArrayList<>();
        d.partners().forEach(p -> { if (p.organisationId() != null) { ids.add(p.organisationId()); } });
        d.fundings().forEach(f -> { if (f.organisationId() != null) { ids.add(f.organisationId()); } });
        Map<Long, String> out = new LinkedHashMap<>();
        directory.refs(ids).forEach((id, ref) -> out.put(id, ref.displayName()));
        return out;
    }

    private String show(Model model, OrganisationRef org, ProjectDetails project) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("organisation", org);
        model.addAttribute("project", project);
        model.addAttribute("statuses", reference.list(RefList.ACTIVITY_STATUS));
        model.addAttribute("countries", reference.sorted(RefList.COUNTRIES, locale));
        model.addAttribute("themes", reference.list(RefList.THEMES).stream().filter(t -> !"false".equals(t.extra("active"))).toList());
        model.addAttribute("sdgs", reference.list(RefList.SDGS));
        model.addAttribute("sectorGroups", sectorGroups());
        model.addAttribute("orgTypes", reference.list(RefList.IATI_ORGANISATION_TYPES));
        model.addAttribute("funderKinds", FunderKind.values());
        model.addAttribute("roles", PartnerRole.values());
        model.addAttribute("linkKinds", LinkKind.values());
        model.addAttribute("currencies", CURRENCIES);
        // a small network lists every structure in the partner field's suggestions; a large one
        // fills them from the directory API as one types (maillage.js, data-suggest)
        boolean listAll = directory.publishedCount() <= partnerListMax;
        model.addAttribute("structures", listAll ? directory.publishedOfTypes(List.of()) : List.of());
        model.addAttribute("suggestUrl", listAll ? null : "/api/v1/organisations");
        model.addAttribute("linkedNames", linkedNames(model));
        model.addAttribute("maxPhotoMb", ProjectUploads.MAX_PHOTO_BYTES / 1024 / 1024);
        model.addAttribute("maxDocumentMb", ProjectUploads.MAX_DOCUMENT_BYTES / 1024 / 1024);
        return "projects/form";
    }

    /** The listed names of the structures the form's rows are linked to, by id, and their page's slug. */
    private Map<Long, OrganisationRef> linkedNames(Model model) {
        ProjectForm form = (ProjectForm) model.getAttribute("form");
        if (form == null) {
            return Map.of();
        }
        List<Long> ids = new ArrayList<>();
        form.getPartners().forEach(r -> { if (r != null && r.getOrganisationId() != null) { ids.add(r.getOrganisationId()); } });
        form.getFundings().forEach(r -> { if (r != null && r.getOrganisationId() != null) { ids.add(r.getOrganisationId()); } });
        return directory.refs(ids);
    }

    /** DAC 5-digit sectors grouped under their 3-digit category, for the sector lists. */
    private List<SectorGroup> sectorGroups() {
        Map<String, List<RefItem>> byCategory = new LinkedHashMap<>();
        for (RefItem s : reference.list(RefList.DAC_SECTORS)) {
            byCategory.computeIfAbsent(s.parent() == null ? "" : s.parent(), k -> new ArrayList<>()).add(s);
        }
        List<SectorGroup> out = new ArrayList<>();
        for (RefItem c : reference.list(RefList.DAC_CATEGORIES)) {
            List<RefItem> items = byCategory.getOrDefault(c.code(), List.of());
            out.add(new SectorGroup(c, items));
        }
        return out;
    }

    /** A DAC category and its sectors; the category itself can be chosen (DAC 3 digits) when it is all one knows. */
    record SectorGroup(RefItem category, Collection<RefItem> sectors) {
    }

    private String message(ProjectException.Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.argsArray(), p.messageKey(), locale);
    }
}
