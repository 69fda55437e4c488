package fr.maillage.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import fr.maillage.site.ContactMessages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ContactController {

    private final ContactMessages messages;
    private final MessageSource i18n;

    ContactController(ContactMessages messages, MessageSource i18n) {
        this.messages = messages;
        this.i18n = i18n;
    }

    @GetMapping("/contact")
    String form(Model model) {
        model.addAttribute("form", ContactForm.empty());
        return "site/contact";
    }

    @PostMapping("/contact")
    String send(@Valid @ModelAttribute("form") ContactForm form, BindingResult errors, HttpServletRequest request,
                RedirectAttributes redirect, Model model, java.util.Locale locale) {
        if (!form.isHuman()) {
            // a robot filled the hidden field: pretend all went well, keep nothing
            redirect.addFlashAttribute("flash", i18n.getMessage("contact.sent", null, locale));
            return "redirect:/contact";
        }
        if (errors.hasErrors()) {
            return "site/contact";
        }
        if (messages.tooMany(request.getRemoteAddr())) {
            model.addAttribute("error", i18n.getMessage("contact.too-many", null, locale));
            return "site/contact";
        }
        messages.send(form.name(), form.email(), form.subject(), form.message(), request.getRemoteAddr());
        redirect.addFlashAttribute("flash", i18n.getMessage("contact.sent", null, locale));
        return "redirect:/contact";
    }
}
