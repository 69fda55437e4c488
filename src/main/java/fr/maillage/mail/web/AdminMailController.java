package fr.maillage.mail.web;

import java.util.Locale;

import fr.maillage.mail.MailStatus;
import fr.maillage.mail.Outbox;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The outbox for staff ({@code /admin/courriels}): every e-mail, sent or not, and "Renvoyer". */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AdminMailController {

    private final Outbox outbox;
    private final StaffActions staffActions;
    private final MessageSource messages;

    AdminMailController(Outbox outbox, StaffActions staffActions, MessageSource messages) {
        this.outbox = outbox;
        this.staffActions = staffActions;
        this.messages = messages;
    }

    @GetMapping("/admin/courriels")
    String list(@RequestParam(defaultValue = "") String destinataire, @RequestParam(defaultValue = "") String categorie,
                @RequestParam(defaultValue = "") String statut, @RequestParam(defaultValue = "1") int page, Model model) {
        MailStatus status = parseStatus(statut);
        String recipient = destinataire.length() > 320 ? destinataire.substring(0, 320) : destinataire;
        String category = categorie.length() > 40 ? categorie.substring(0, 40) : categorie;
        model.addAttribute("result", outbox.search(new Outbox.Query(recipient, category, status, Math.max(1, page) - 1)));
        model.addAttribute("destinataire", recipient);
        model.addAttribute("categorie", category);
        model.addAttribute("statut", status == null ? "" : status.name());
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("categories", outbox.categories());
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        return "admin/mail/list";
    }

    @GetMapping("/admin/courriels/{id}")
    String view(@PathVariable long id, Model model) {
        model.addAttribute("message", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        return "admin/mail/view";
    }

    @PostMapping("/admin/courriels/{id}/renvoyer")
    String resend(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, RedirectAttributes redirect, Locale locale) {
        if (!outbox.resend(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        staffActions.record(me, "mail.resend", "mail", id, null);
        redirect.addFlashAttribute("flash", messages.getMessage(outbox.smtpConfigured() ? "admin.mail.resent" : "admin.mail.resent.no-smtp", null, locale));
        return "redirect:/admin/courriels/" + id;
    }

    private static MailStatus parseStatus(String status) {
        try {
            return status.isBlank() ? null : MailStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
