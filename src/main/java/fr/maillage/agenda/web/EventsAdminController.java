package fr.maillage.agenda.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.Accounts;
import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaListing;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.EventStatus;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff area of the agenda, {@code /admin/agenda}: the members' proposals waiting first (approve,
 * or refuse with a message e-mailed to the proposer), then every event filtered by status and
 * words. The facade records each decision in the staff journal; the moderation e-mails are
 * written with it.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class EventsAdminController {

    static final int PAGE_SIZE = 50;

    private final Agenda agenda;
    private final AgendaListing listing;
    private final Accounts accounts;
    private final EventViews views;
    private final MessageSource messages;

    EventsAdminController(Agenda agenda, AgendaListing listing, Accounts accounts, EventViews views, MessageSource messages) {
        this.agenda = agenda;
        this.listing = listing;
        this.accounts = accounts;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/admin/agenda")
    @PreAuthorize("hasRole('STAFF')")
    String list(@RequestParam(name = "statut", required = false) String status, @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "page", defaultValue = "1") String page, Model model, Locale locale) {
        EventStatus s = parse(status);
        int p = page.matches("\\d{1,7}") ? Math.max(1, Integer.parseInt(page)) : 1;
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        List<EventDetails> pending = agenda.pending();
        Map<Long, String> proposers = new LinkedHashMap<>();
        accounts.findAll(pending.stream().map(EventDetails::proposedBy).filter(java.util.Objects::nonNull).toList())
                .forEach((id, person) -> proposers.put(id, person.displayName() + " <" + person.email() + ">"));
        model.addAttribute("pending", pending);
        model.addAttribute("proposers", proposers);
        model.addAttribute("result", listing.page(s, text, p - 1, PAGE_SIZE));
        model.addAttribute("statuses", EventStatus.values());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("q", text);
        model.addAttribute("typeLabels", views.typeLabels(locale));
        return "admin/agenda/events";
    }

    @PostMapping("/admin/agenda/{id}/valider")
    @PreAuthorize("hasRole('STAFF')")
    String approve(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.find(id).orElseThrow(() -> new EventNotFoundException("#" + id));
        agenda.approve(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.events.admin.approved", new Object[] {e.title()}, locale));
        return "redirect:/admin/agenda";
    }

    @PostMapping("/admin/agenda/{id}/refuser")
    @PreAuthorize("hasRole('STAFF')")
    String refuse(@PathVariable long id, @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.find(id).orElseThrow(() -> new EventNotFoundException("#" + id));
        if (message == null || message.isBlank()) {
            redirect.addFlashAttribute("error", messages.getMessage("agenda.events.admin.refuse.required", new Object[] {e.title()}, locale));
            return "redirect:/admin/agenda#proposition-" + id;
        }
        agenda.refuse(id, message.length() > 4000 ? message.substring(0, 4000) : message, me);
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.events.admin.refused", new Object[] {e.title()}, locale));
        return "redirect:/admin/agenda";
    }

    @PostMapping("/admin/agenda/{id}/supprimer")
    @PreAuthorize("hasRole('STAFF')")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.find(id).orElseThrow(() -> new EventNotFoundException("#" + id));
        if (!"oui".equals(confirm)) {
            redirect.addFlashAttribute("error", messages.getMessage("agenda.events.admin.delete.unconfirmed", null, locale));
            return "redirect:/admin/agenda";
        }
        agenda.delete(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.events.admin.deleted", new Object[] {e.title()}, locale));
        return "redirect:/admin/agenda";
    }

    private static EventStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EventStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
