package fr.maillage.directory.web;

import java.util.Locale;
import java.util.Optional;

import fr.maillage.directory.ContactRelay;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff list of the messages relayed by "Prendre contact" ({@code /admin/structures/messages-relayes}):
 * who wrote to which structure and when, never the text; by reference (from a reported e-mail),
 * by sender or by structure, for abuse handling.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ContactAdminController {

    static final int PAGE_SIZE = 50;

    private final ContactRelay relay;
    private final MessageSource messages;

    ContactAdminController(ContactRelay relay, MessageSource messages) {
        this.relay = relay;
        this.messages = messages;
    }

    @GetMapping("/admin/structures/messages-relayes")
    @PreAuthorize("hasRole('STAFF')")
    String list(@RequestParam(name = "reference", defaultValue = "") String reference,
                @RequestParam(name = "expediteur", required = false) Long senderId,
                @RequestParam(name = "structure", required = false) Long organisationId,
                @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        String ref = reference.length() > 40 ? reference.substring(0, 40) : reference.strip();
        Optional<Long> id = ContactRelay.parseReference(ref);
        if (!ref.isEmpty() && id.isEmpty()) {
            model.addAttribute("error", messages.getMessage("directory.contact.admin.reference.unknown", new Object[] {ref}, locale));
        }
        Long messageId = ref.isEmpty() ? null : id.orElse(-1L);
        model.addAttribute("result", relay.relayed(messageId, senderId, organisationId, Math.max(1, page) - 1, PAGE_SIZE));
        model.addAttribute("reference", ref);
        model.addAttribute("senderId", senderId);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("filtered", !ref.isEmpty() || senderId != null || organisationId != null);
        return "admin/directory/contact-messages";
    }
}
