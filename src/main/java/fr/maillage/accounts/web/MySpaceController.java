package fr.maillage.accounts.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.maillage.accounts.AccountException;
import fr.maillage.accounts.AccountService;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.MySpaceSection;
import fr.maillage.accounts.PasswordPolicy;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.accounts.SignedInPerson;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mon espace": profile, password, the sections other modules contribute ({@link MySpaceSection}),
 * and the person's RGPD rights: export and delete their data.
 */
@Controller
class MySpaceController {

    /** A contributed section, ready for the template. */
    record RenderedSection(String id, String title, String fragment, Map<String, Object> model) {
    }

    public static class ProfileForm {
        @NotBlank(message = "{accounts.name.required}")
        @Size(min = 2, max = 120, message = "{accounts.name.size}")
        private String displayName;
        @Pattern(regexp = "fr|en", message = "{accounts.locale.invalid}")
        private String locale = "fr";

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getLocale() { return locale; }
        public void setLocale(String locale) { this.locale = locale; }
    }

    public static class PasswordForm {
        private String currentPassword;
        private String newPassword;
        private String confirmation;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    }

    private final AccountService accountService;
    private final Accounts accounts;
    private final List<MySpaceSection> sections;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    MySpaceController(AccountService accountService, Accounts accounts, List<MySpaceSection> sections,
                      MessageSource messages, LocaleResolver localeResolver) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.sections = sections.stream().sorted(Comparator.comparingInt(MySpaceSection::order)).toList();
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/mon-espace")
    String mySpace(@AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        PersonSummary person = accounts.find(me.personId()).orElseThrow();
        ProfileForm profile = new ProfileForm();
        profile.setDisplayName(person.displayName());
        profile.setLocale(person.locale().getLanguage());
        model.addAttribute("profile", profile);
        model.addAttribute("passwordForm", new PasswordForm());
        return page(me, person, model, locale);
    }

    @PostMapping("/mon-espace/profil")
    String updateProfile(@AuthenticationPrincipal CurrentPerson me, @Valid @ModelAttribute("profile") ProfileForm profile,
                         BindingResult binding, Model model, Locale locale, HttpServletRequest request,
                         HttpServletResponse response, RedirectAttributes redirect) {
        PersonSummary person = accounts.find(me.personId()).orElseThrow();
        if (binding.hasErrors()) {
            model.addAttribute("passwordForm", new PasswordForm());
            return page(me, person, model, locale);
        }
        accountService.updateProfile(me.personId(), profile.getDisplayName(), Locale.forLanguageTag(profile.getLocale()));
        SignedInPerson fresh = refreshPrincipal(me.personId(), request, response);
        localeResolver.setLocale(request, response, fresh.locale());
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.profile.saved", null, fresh.locale()));
        return "redirect:/mon-espace";
    }

    @PostMapping("/mon-espace/mot-de-passe")
    String changePassword(@AuthenticationPrincipal CurrentPerson me, @ModelAttribute("passwordForm") PasswordForm form,
                          BindingResult binding, Model model, Locale locale, RedirectAttributes redirect,
                          HttpServletRequest request, HttpServletResponse response) {
        PersonSummary person = accounts.find(me.personId()).orElseThrow();
        PasswordPolicy.problem(form.getNewPassword(), person.email()).ifPresent(code -> binding.rejectValue("newPassword", code));
        if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmation())) {
            binding.rejectValue("confirmation", "accounts.password.mismatch");
        }
        if (!binding.hasErrors()) {
            try {
                accountService.changePassword(me.personId(), form.getCurrentPassword(), form.getNewPassword());
            } catch (AccountException e) {
                Forms.reject(binding, e);
            }
        }
        if (binding.hasErrors()) {
            ProfileForm profile = new ProfileForm();
            profile.setDisplayName(person.displayName());
            profile.setLocale(person.locale().getLanguage());
            model.addAttribute("profile", profile);
            return page(me, person, model, locale);
        }
        // this session goes on with the new password; the others end (SessionCheckFilter)
        refreshPrincipal(me.personId(), request, response);
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.password.changed", null, locale));
        return "redirect:/mon-espace";
    }

    @GetMapping(value = "/mon-espace/mes-donnees.json")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal CurrentPerson me) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mes-donnees.json").build().toString())
                .body(accountService.exportData(me.personId()));
    }

    @GetMapping("/mon-espace/suppression")
    String deleteForm() {
        return "accounts/delete";
    }

    @PostMapping("/mon-espace/suppression")
    String delete(@AuthenticationPrincipal CurrentPerson me, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "false") boolean confirm, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String problem = confirm ? null : "accounts.delete.confirm.required";
        if (problem == null) {
            try {
                accountService.delete(me.personId(), password);
            } catch (AccountException e) {
                problem = e.code();
            }
        }
        if (problem != null) {
            model.addAttribute("deleteError", problem);
            return "accounts/delete";
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.delete.done", null, locale));
        return "redirect:/";
    }

    private String page(CurrentPerson me, PersonSummary person, Model model, Locale locale) {
        model.addAttribute("person", person);
        model.addAttribute("sections", sections.stream()
                .map(s -> new RenderedSection(s.id(), s.title(locale), s.fragment(), s.model(me)))
                .toList());
        return "accounts/my-space";
    }

    private SignedInPerson refreshPrincipal(long personId, HttpServletRequest request, HttpServletResponse response) {
        SignedInPerson fresh = accountService.signedIn(personId);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        var previous = SecurityContextHolder.getContext().getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                previous != null ? previous.getAuthorities() : fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        return fresh;
    }
}
