package fr.maillage.site.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.site.SitePages;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff edit the legal notice, privacy policy and other pages. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AdminPagesController {

    record PageForm(
            @NotBlank(message = "{page.title.required}") @Size(max = 200, message = "{page.title.size}") String titleFr,
            @NotBlank(message = "{page.title.required}") @Size(max = 200, message = "{page.title.size}") String titleEn,
            @NotBlank(message = "{page.body.required}") @Size(max = 100000, message = "{page.body.size}") String bodyFr,
            @NotBlank(message = "{page.body.required}") @Size(max = 100000, message = "{page.body.size}") String bodyEn) {
    }

    private final SitePages pages;
    private final MessageSource i18n;

    AdminPagesController(SitePages pages, MessageSource i18n) {
        this.pages = pages;
        this.i18n = i18n;
    }

    @GetMapping("/admin/pages")
    String list(Model model) {
        model.addAttribute("pages", pages.all());
        return "admin/site/pages";
    }

    @GetMapping("/admin/pages/{slug}")
    String edit(@PathVariable String slug, Model model) {
        var page = pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("slug", slug);
        model.addAttribute("form", new PageForm(page.titleFr(), page.titleEn(), page.bodyFr(), page.bodyEn()));
        return "admin/site/page-edit";
    }

    @PostMapping("/admin/pages/{slug}")
    String save(@PathVariable String slug, @Valid @ModelAttribute("form") PageForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentPerson me, Model model, RedirectAttributes redirect, Locale locale) {
        if (pages.find(slug).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (errors.hasErrors()) {
            model.addAttribute("slug", slug);
            return "admin/site/page-edit";
        }
        pages.update(slug, form.titleFr(), form.titleEn(), form.bodyFr(), form.bodyEn(), me);
        redirect.addFlashAttribute("flash", i18n.getMessage("page.saved", null, locale));
        return "redirect:/admin/pages";
    }
}
