package fr.maillage.accounts.web;

import java.util.Locale;

import fr.maillage.accounts.AccountException;
import fr.maillage.accounts.AccountService;
import fr.maillage.accounts.PasswordPolicy;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mot de passe oublié": ask for a link, then choose a new password with it. */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final MessageSource messages;

    PasswordController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotForm(Model model) {
        model.addAttribute("email", "");
        return "accounts/forgot";
    }

    @PostMapping("/mot-de-passe-oublie")
    String forgot(@RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect, Locale locale) {
        if (email.isBlank() || email.length() > 320 || !email.matches(".+@.+\\..+")) {
            model.addAttribute("email", email.length() > 320 ? "" : email);
            model.addAttribute("emailError", "accounts.email.invalid");
            return "accounts/forgot";
        }
        accounts.requestPasswordReset(email);
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.forgot.done", new Object[] {email.strip()}, locale));
        return "redirect:/mot-de-passe-oublie";
    }

    @GetMapping("/mot-de-passe/{token}")
    String resetForm(@PathVariable String token, Model model) {
        if (!accounts.isResetTokenValid(token)) {
            return "accounts/reset-invalid";
        }
        model.addAttribute("token", token);
        return "accounts/reset";
    }

    @PostMapping("/mot-de-passe/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect, Locale locale) {
        if (!accounts.isResetTokenValid(token)) {
            return "accounts/reset-invalid";
        }
        String problem = PasswordPolicy.problem(password, null).orElse(null);
        if (problem == null && !password.equals(confirmation)) {
            problem = "accounts.password.mismatch";
        }
        if (problem == null) {
            try {
                accounts.resetPassword(token, password);
            } catch (AccountException e) {
                if ("accounts.reset.invalid".equals(e.code())) {
                    return "accounts/reset-invalid";
                }
                problem = e.code();
            }
        }
        if (problem != null) {
            model.addAttribute("token", token);
            model.addAttribute("passwordError", problem);
            return "accounts/reset";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.reset.done", null, locale));
        return "redirect:/connexion";
    }
}
