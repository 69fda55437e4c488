package fr.maillage.accounts.web;

import jakarta.servlet.http.HttpSession;

import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; the form posts to {@code /connexion}, handled by Spring Security. */
@Controller
class LoginController {

    static final String LAST_EMAIL = "maillage.lastLoginEmail";

    @GetMapping("/connexion")
    String login(@RequestParam(name = "erreur", required = false) String error, @AuthenticationPrincipal CurrentPerson me,
                 HttpSession session, Model model) {
        if (me != null && error == null) {
            return "redirect:/mon-espace";
        }
        Object email = session.getAttribute(LAST_EMAIL);
        model.addAttribute("email", error != null && email != null ? email.toString() : "");
        model.addAttribute("loginError", switch (error == null ? "" : error) {
            case "trop" -> "accounts.login.error.too-many";
            case "non-confirme" -> "accounts.login.error.not-verified";
            case "identifiants" -> "accounts.login.error.credentials";
            default -> null;
        });
        model.addAttribute("notVerified", "non-confirme".equals(error));
        return "accounts/login";
    }
}
