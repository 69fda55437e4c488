package fr.maillage.accounts.web;

import java.util.Locale;

import jakarta.validation.Valid;

import fr.maillage.accounts.AccountException;
import fr.maillage.accounts.AdminBootstrap;
import fr.maillage.accounts.PasswordPolicy;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First start without MAILLAGE_ADMIN_EMAIL: the setup link printed in the log creates the first administrator. */
@Controller
class SetupController {

    private final AdminBootstrap bootstrap;
    private final MessageSource messages;

    SetupController(AdminBootstrap bootstrap, MessageSource messages) {
        this.bootstrap = bootstrap;
        this.messages = messages;
    }

    @GetMapping("/installation/{token}")
    String form(@PathVariable String token, Model model) {
        if (!bootstrap.isSetupTokenValid(token)) {
            return "accounts/setup-invalid";
        }
        model.addAttribute("form", new SignUpController.SignUpForm());
        model.addAttribute("token", token);
        return "accounts/setup";
    }

    @PostMapping("/installation/{token}")
    String setup(@PathVariable String token, @Valid @ModelAttribute("form") SignUpController.SignUpForm form,
                 BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (!bootstrap.isSetupTokenValid(token)) {
            return "accounts/setup-invalid";
        }
        PasswordPolicy.problem(form.getPassword(), form.getEmail()).ifPresent(code -> binding.rejectValue("password", code));
        if (!binding.hasErrors()) {
            try {
                bootstrap.completeSetup(token, new AdminBootstrap.Setup(form.getDisplayName(), form.getEmail(), form.getPassword(), locale));
            } catch (AccountException e) {
                if ("accounts.setup.invalid".equals(e.code())) {
                    return "accounts/setup-invalid";
                }
                Forms.reject(binding, e);
            }
        }
        if (binding.hasErrors()) {
            form.setPassword(null);
            model.addAttribute("token", token);
            return "accounts/setup";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("accounts.setup.done", null, locale));
        return "redirect:/connexion";
    }
}
