package fr.maillage.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectoryException;
import fr.maillage.directory.DuplicateCandidate;
import fr.maillage.directory.EditableOrganisation;
import fr.maillage.directory.OrganisationData;
import fr.maillage.directory.OrganisationId;
import fr.maillage.directory.OrganisationNotFoundException;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.directory.SubmitOrganisation;
import fr.maillage.directory.UpdateOrganisation;
import fr.maillage.reference.Reference;
import fr.maillage.shared.files.FileStorage;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Se référencer" ({@code /se-referencer}, with its duplicates step), the edit form of a
 * structure ({@code /acteurs/{slug}/modifier}) and the join request ({@code /acteurs/{slug}/rejoindre}).
 */
@Controller
class ReferencingController {

    private final Directory directory;
    private final Reference reference;
    private final FileStorage files;
    private final OrganisationFormValidator validator;
    private final MessageSource messages;

    ReferencingController(Directory directory, Reference reference, FileStorage files, OrganisationFormValidator validator,
                          MessageSource messages) {
        this.directory = directory;
        this.reference = reference;
        this.files = files;
        this.validator = validator;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.addValidators(validator);
        binder.setAutoGrowCollectionLimit(OrganisationFormValidator.MAX_COUNTRIES + 20);
    }

    @GetMapping("/se-referencer")
    @PreAuthorize("isAuthenticated()")
    String newForm(Model model, Locale locale) {
        model.addAttribute("form", OrganisationForm.empty());
        return showForm(model, locale, null);
    }

    @PostMapping("/se-referencer")
    @PreAuthorize("isAuthenticated()")
    String submit(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model, Locale locale,
                  @AuthenticationPrincipal CurrentPerson me, RedirectAttributes redirect) {
        if (me == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
        if (result.hasErrors()) {
            form.padCountries();
            return showForm(model, locale, null);
        }
        String logoKey = storeLogo(form);
        form.setLogoKey(logoKey);
        OrganisationData data = data(form, logoKey);
        if (!form.isConfirmDistinct()) {
            List<DuplicateCandidate> duplicates = directory.likelyDuplicates(data, null);
            if (!duplicates.isEmpty()) {
                model.addAttribute("duplicates", duplicates);
                form.setConfirmDistinct(true);
                form.padCountries();
                return showForm(model, locale, null);
            }
        }
        OrganisationId id = directory.submit(new SubmitOrganisation(data), me);
        redirect.addFlashAttribute("flash", messages.getMessage("directory.submitted.flash", new Object[] {form.getName()}, locale));
        redirect.addFlashAttribute("submittedId", id.value());
        return "redirect:/mon-espace/structures";
    }

    @GetMapping("/acteurs/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String editForm(@PathVariable String slug, Model model, Locale locale, @AuthenticationPrincipal CurrentPerson me) {
        EditableOrganisation org = editableFor(slug, me);
        model.addAttribute("form", OrganisationForm.of(org.data(), org.version()));
        return showForm(model, locale, org);
    }

    @PostMapping("/acteurs/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String edit(@PathVariable String slug, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
                @RequestParam(required = false) String nothingToChange, Model model, Locale locale,
                @AuthenticationPrincipal CurrentPerson me, RedirectAttributes redirect) {
        EditableOrganisation org = editableFor(slug, me);
        int version = form.getVersion() == null ? -1 : form.getVersion();
        try {
            if (nothingToChange != null) {
                directory.confirmUpToDate(org.id(), version, me);
                redirect.addFlashAttribute("flash", messages.getMessage("directory.confirmed.flash", null, locale));
                return "redirect:/mon-espace/structures";
            }
            if (result.hasErrors()) {
                form.padCountries();
                return showForm(model, locale, org);
            }
            String logoKey = form.getLogo() != null && !form.getLogo().isEmpty() ? storeLogo(form)
                    : form.isRemoveLogo() ? null : form.getLogoKey();
            directory.update(new UpdateOrganisation(org.id(), version, data(form, logoKey)), me);
        } catch (DirectoryException | ObjectOptimisticLockingFailureException e) {
            String key = e instanceof DirectoryException de ? de.messageKey() : "directory.error.concurrent";
            model.addAttribute("error", messages.getMessage(key, null, key, locale));
            form.padCountries();
            return showForm(model, locale, org);
        }
        boolean resubmitted = org.status() == OrganisationStatus.CHANGES_REQUESTED && !me.isStaff();
        redirect.addFlashAttribute("flash", messages.getMessage(resubmitted ? "directory.resubmitted.flash" : "directory.saved.flash",
                new Object[] {form.getName()}, locale));
        return me.isStaff() && directory.roleOf(org.id(), me.personId()).isEmpty()
                ? "redirect:/admin/structures/" + org.id() : "redirect:/mon-espace/structures";
    }

    @GetMapping("/acteurs/{slug}/rejoindre")
    @PreAuthorize("isAuthenticated()")
    String joinForm(@PathVariable String slug, Model model) {
        EditableOrganisation org = directory.editable(slug)
                .filter(o -> o.status() != OrganisationStatus.MERGED && o.status() != OrganisationStatus.REFUSED)
                .orElseThrow(() -> new OrganisationNotFoundException(slug));
        model.addAttribute("organisation", org);
        return "directory/join";
    }

    @PostMapping("/acteurs/{slug}/rejoindre")
    @PreAuthorize("isAuthenticated()")
    String join(@PathVariable String slug, @RequestParam(required = false) String message, Locale locale,
                @AuthenticationPrincipal CurrentPerson me, RedirectAttributes redirect) {
        EditableOrganisation org = directory.editable(slug).orElseThrow(() -> new OrganisationNotFoundException(slug));
        try {
            directory.requestToJoin(org.id(), me, message);
            redirect.addFlashAttribute("flash", messages.getMessage("directory.join.sent", new Object[] {org.data().name()}, locale));
        } catch (DirectoryException e) {
            redirect.addFlashAttribute("error", DirectoryWebSupport.message(messages, e, locale));
        }
        return "redirect:/mon-espace/structures";
    }

    private EditableOrganisation editableFor(String slug, CurrentPerson me) {
        EditableOrganisation org = directory.editable(slug).orElseThrow(() -> new OrganisationNotFoundException(slug));
        if (!directory.canEdit(org.id(), me)) {
            throw new AccessDeniedException("Vous ne pouvez pas modifier cette structure");
        }
        return org;
    }

    private String showForm(Model model, Locale locale, EditableOrganisation org) {
        DirectoryWebSupport.formLists(model, reference, locale);
        model.addAttribute("organisation", org);
        model.addAttribute("maxLogoMb", OrganisationFormValidator.MAX_LOGO_BYTES / 1024 / 1024);
        return "directory/form";
    }

    private OrganisationData data(OrganisationForm form, String logoKey) {
        return form.toData(logoKey, OrganisationFormValidator.normaliseWebsite(form.getWebsite()),
                OrganisationFormValidator.normalisePhone(form.getPhone()));
    }

    /** Stores a new logo (already validated) and returns its key, or the kept key when no file was sent. */
    private String storeLogo(OrganisationForm form) {
        if (form.getLogo() == null || form.getLogo().isEmpty()) {
            return form.isRemoveLogo() ? null : form.getLogoKey();
        }
        try {
            String type = validator.sniff(form.getLogo());
            return files.put(form.getLogo().getBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
