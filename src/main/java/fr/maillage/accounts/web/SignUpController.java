package fr.maillage.accounts.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import fr.maillage.accounts.AccountException;
import fr.maillage.accounts.AccountService;
import fr.maillage.accounts.PasswordPolicy;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up, e-mail confirmation and "send the link again". */
@Controller
class SignUpController {

    public static class SignUpForm {
        @NotBlank(message = "{accounts.name.required}")
        @Size(min = 2, max = 120, message = "{accounts.name.size}")
        private String displayName;
        @NotBlank(message = "{accounts.email.required}")
        @Email(regexp = ".+@.+\\..+", message = "{accounts.email.invalid}")
        @Size(max = 320, message = "{accounts.email.invalid}")
        private String email;
        private String password;
        private boolean privacyAccepted;

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public boolean isPrivacyAccepted() { return privacyAccepted; }
        public void setPrivacyAccepted(boolean privacyAccepted) { this.privacyAccepted = privacyAccepted; }
    }

    private final AccountService accounts;
    private final MessageSource messages;

    SignUpController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/inscription")
    String form(@AuthenticationPrincipal CurrentPerson me, Model model) {
        if (me != null) {
            return "redirect:/mon-espace";
        }
        model.addAttribute("form", new SignUpForm());
        return "accounts/signup";
    }

    @PostMapping("/inscription")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult binding, Locale locale,
                  RedirectAttributes redirect) {
        PasswordPolicy.problem(form.getPassword(), form.getEmail()).ifPresent(code -> binding.rejectValue("password", code));
        if (!form.isPrivacyAccepted()) {
            binding.rejectValue("privacyAccepted", "accounts.signup.privacy.required");
        }
        if (!binding.hasErrors()) {
            try {
                accounts.signUp(new AccountService.SignUp(form.getDisplayName(), form.getEmail(), form.getPassword(),
                        form.isPrivacyAccepted(), locale));
            } catch (AccountException e) {
                Forms.reject(binding, e);
            }
        }
        if (binding.hasErrors()) {
            form.setPassword(null);
            return "accounts/signup";
        }
        redirect.addFlashAttribute("signedUpEmail", form.getEmail().strip());
        return "redirect:/inscription/merci";
    }

    @GetMapping("/inscription/merci")
    String thanks(Model model) {
        if (!model.containsAttribute("signedUpEmail")) {
            return "redirect:/inscription";
        }
        return "accounts/signup-done";
    }

    @GetMapping("/confirmation/{token}")
    String confirm(@PathVariable String token, RedirectAttributes redirect, Locale locale) {
        if (accounts.confirmEmail(token).isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("accounts.confirm.done", null, locale));
            return "redirect:/connexion";
        }
        return "accounts/confirm-invalid";
    }

    @GetMapping("/confirmation/renvoyer")
    String resendForm(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", email == null || email.length() > 320 ? "" : email);
        return "accounts/resend";
    }

    @PostMapping("/confirmation/renvoyer")
    String resend(@RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect, Locale locale) {
        if (email.isBlank() || email.length() > 320 || !email.matches(".+@.+\\..+")) {
            model.addAttribute("email", email.length() > 320 ? "" : email);
            model.addAttribute("emailError", "accounts.email.invalid");
            return "accounts/resend";
        }
        accounts.resendConfirmation(email);
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.resend.done", null, locale));
        return "redirect:/connexion";
    }
}
