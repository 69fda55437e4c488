package fr.maillage.directory.web;

import java.util.Locale;

import fr.maillage.directory.ContactException;
import fr.maillage.directory.ContactRelay;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Prendre contact" ({@code /acteurs/{slug}/contacter}): a signed-in person writes to a
 * published structure; the message is relayed by e-mail without showing the recipients'
 * addresses (see {@link ContactRelay}). Errors are shown next to the fields, with what was
 * typed kept; nothing is sent on bad input.
 */
@Controller
class StructureContactController {

    private final ContactRelay relay;
    private final MessageSource messages;

    StructureContactController(ContactRelay relay, MessageSource messages) {
        this.relay = relay;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAllowedFields("subject", "body", "onBehalfOf", "website");
    }

    @GetMapping("/acteurs/{slug}/contacter")
    @PreAuthorize("isAuthenticated()")
    String form(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        ContactRelay.Target target = target(slug, me);
        model.addAttribute("form", new ContactStructureForm());
        return show(target, me, model);
    }

    @PostMapping("/acteurs/{slug}/contacter")
    @PreAuthorize("isAuthenticated()")
    String send(@PathVariable String slug, @ModelAttribute("form") ContactStructureForm form, BindingResult result,
                @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        ContactRelay.Target target = target(slug, me);
        if (!form.isHuman()) {
            // a robot filled the hidden field: it is told all went well, and nothing is sent nor kept
            redirect.addFlashAttribute("flash", messages.getMessage("directory.contact.sent", new Object[] {target.name(), me.email()}, locale));
            return "redirect:/acteurs/" + target.slug();
        }
        Long onBehalfOf = null;
        String behalf = form.getOnBehalfOf() == null ? "" : form.getOnBehalfOf().strip();
        if (!behalf.isEmpty()) {
            try {
                onBehalfOf = Long.valueOf(behalf);
            } catch (NumberFormatException e) {
                onBehalfOf = -1L;
            }
        }
        try {
            relay.send(target.id(), new ContactRelay.Message(form.getSubject(), form.getBody(), onBehalfOf), me);
        } catch (ContactException e) {
            for (ContactException.Problem p : e.problems()) {
                String text = messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
                if (p.field() == null) {
                    result.reject(p.messageKey(), p.args(), text);
                } else {
                    result.rejectValue(p.field(), p.messageKey(), p.args(), text);
                }
            }
            return show(target, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("directory.contact.sent", new Object[] {target.name(), me.email()}, locale));
        return "redirect:/acteurs/" + target.slug();
    }

    /** The published structure, or 404: one cannot write to a structure that is not published. */
    private ContactRelay.Target target(String slug, CurrentPerson me) {
        if (me == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
        return relay.target(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(ContactRelay.Target target, CurrentPerson me, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("own", relay.isMemberOf(target.id(), me.personId()));
        model.addAttribute("structures", relay.writableOnBehalfOf(me.personId()));
        model.addAttribute("senderEmail", me.email());
        model.addAttribute("limits", relay.limits());
        model.addAttribute("subjectMin", ContactRelay.SUBJECT_MIN);
        model.addAttribute("subjectMax", ContactRelay.SUBJECT_MAX);
        model.addAttribute("bodyMin", ContactRelay.BODY_MIN);
        model.addAttribute("bodyMax", ContactRelay.BODY_MAX);
        model.addAttribute("maxLinks", ContactRelay.MAX_LINKS);
        return "directory/contact";
    }
}
