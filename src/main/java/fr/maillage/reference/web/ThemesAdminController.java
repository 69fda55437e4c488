package fr.maillage.reference.web;

import java.util.Locale;

import jakarta.validation.Valid;

import fr.maillage.reference.Reference;
import fr.maillage.reference.Theme;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The themes thesaurus for staff ({@code /admin/themes}): labels, DAC codes, SDGs, order, active, new themes. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ThemesAdminController {

    private final Reference reference;
    private final StaffActions staffActions;
    private final MessageSource messages;

    ThemesAdminController(Reference reference, StaffActions staffActions, MessageSource messages) {
        this.reference = reference;
        this.staffActions = staffActions;
        this.messages = messages;
    }

    @GetMapping("/admin/themes")
    @PreAuthorize("hasRole('STAFF')")
    String list(Model model) {
        ThemeForm blank = new ThemeForm();
        blank.setPosition(reference.themes().size() + 1);
        model.addAttribute("newTheme", blank);
        return page(model, null);
    }

    @PostMapping("/admin/themes/{code}")
    @PreAuthorize("hasRole('STAFF')")
    String update(@PathVariable String code, @Valid @ModelAttribute("editedTheme") ThemeForm form, BindingResult result, Model model,
                  @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        requireStaff(me);
        if (result.hasErrors()) {
            ThemeForm blank = new ThemeForm();
            blank.setPosition(reference.themes().size() + 1);
            model.addAttribute("newTheme", blank);
            return page(model, code);
        }
        Theme theme = new Theme(code, form.getLabelFr(), form.getLabelEn(), form.getDacCodes(), form.getSdgGoals(), form.getPosition(), form.isActive());
        if (!reference.updateTheme(theme)) {
            redirect.addFlashAttribute("error", messages.getMessage("reference.themes.unknown", null, locale));
            return "redirect:/admin/themes";
        }
        staffActions.record(me, "reference.theme.update", "theme", null, code + " : " + form.getLabelFr() + (form.isActive() ? "" : " (désactivé)"));
        redirect.addFlashAttribute("flash", messages.getMessage("reference.themes.saved", new Object[] {form.getLabelFr()}, locale));
        return "redirect:/admin/themes";
    }

    @PostMapping("/admin/themes")
    @PreAuthorize("hasRole('STAFF')")
    String add(@Valid @ModelAttribute("newTheme") ThemeForm form, BindingResult result, Model model,
               @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        requireStaff(me);
        if (result.hasErrors()) {
            return page(model, null);
        }
        String code = reference.addTheme(new Theme(null, form.getLabelFr(), form.getLabelEn(), form.getDacCodes(), form.getSdgGoals(),
                form.getPosition(), form.isActive()));
        staffActions.record(me, "reference.theme.add", "theme", null, code + " : " + form.getLabelFr());
        redirect.addFlashAttribute("flash", messages.getMessage("reference.themes.added", new Object[] {form.getLabelFr()}, locale));
        return "redirect:/admin/themes";
    }

    private String page(Model model, String editedCode) {
        model.addAttribute("themes", reference.themes());
        model.addAttribute("editedCode", editedCode);
        return "admin/reference/themes";
    }

    private static void requireStaff(CurrentPerson me) {
        if (me == null || !me.isStaff()) {
            throw new AccessDeniedException("Réservé à l'équipe du réseau");
        }
    }
}
