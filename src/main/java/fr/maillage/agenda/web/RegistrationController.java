package fr.maillage.agenda.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.RegistrationDetails;
import fr.maillage.agenda.RegistrationNotFoundException;
import fr.maillage.agenda.RegistrationStatus;
import fr.maillage.agenda.Registrations;
import fr.maillage.directory.MyStructure;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering to an event ({@code /agenda/{slug}/inscription}: the structure represented, the
 * sessions of the programme with their places, the custom questions; signed-in people only, a
 * visitor is sent to the login page and back) and the person's own registration
 * ({@code /agenda/inscriptions/{token}}: see it, cancel it, confirm an offered place, change
 * sessions, download the calendar entry; no sign-in needed, the token of the e-mail is the key).
 */
@Controller
class RegistrationController {

    private final Agenda agenda;
    private final Registrations registrations;
    private final RegistrationBlock block;
    private final MessageSource messages;

    RegistrationController(Agenda agenda, Registrations registrations, RegistrationBlock block, MessageSource messages) {
        this.agenda = agenda;
        this.registrations = registrations;
        this.block = block;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ the form

    /**
     * The form; when the person cannot register, the event's registration block instead, which
     * says why: a visitor sees "Se connecter pour s'inscrire", a registered person their
     * registration (with links to see and cancel it), and closed or full events say so.
     */
    @GetMapping("/agenda/{slug}/inscription")
    String form(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        EventDetails event = visible(slug, me);
        RegistrationForm form = new RegistrationForm();
        List<MyStructure> structures = registrations.structuresOf(me);
        if (structures.size() == 1) {
            form.setStructure(String.valueOf(structures.get(0).id()));
        }
        return show(model, event, me, form, RegistrationErrors.NONE);
    }

    /** "Se connecter pour s'inscrire": a visitor goes through the login page and comes back to the form. */
    @GetMapping("/agenda/{slug}/inscription/connexion")
    @PreAuthorize("isAuthenticated()")
    String signInToRegister(@PathVariable String slug) {
        return "redirect:/agenda/" + slug + "/inscription";
    }

    @PostMapping("/agenda/{slug}/inscription")
    @PreAuthorize("isAuthenticated()")
    String register(@PathVariable String slug, @ModelAttribute("form") RegistrationForm form, @AuthenticationPrincipal CurrentPerson me,
                    Model model, Locale locale, RedirectAttributes redirect) {
        EventDetails event = visible(slug, me);
        try {
            RegistrationDetails r = registrations.register(event.id(), form.toRequest(), me);
            redirect.addFlashAttribute("flash", switch (r.status()) {
                case WAITING -> messages.getMessage("agenda.reg.flash.waiting", new Object[] {r.waitingPosition()}, locale);
                case PENDING -> messages.getMessage("agenda.reg.flash.pending", null, locale);
                default -> messages.getMessage("agenda.reg.flash.confirmed", null, locale);
            });
            return "redirect:/agenda/inscriptions/" + r.token();
        } catch (AgendaException e) {
            return show(model, event, me, form, RegistrationErrors.of(e, messages, locale));
        }
    }

    private String show(Model model, EventDetails event, CurrentPerson me, RegistrationForm form, RegistrationErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("view", block.view(event));
        model.addAttribute("places", registrations.places(event.id()));
        model.addAttribute("structures", me == null ? List.of() : registrations.structuresOf(me));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels(event, locale()));
        model.addAttribute("me", me);
        return "agenda/registration-form";
    }

    /** What each field is called, for the summary of errors at the top of the form. */
    private Map<String, String> labels(EventDetails event, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("structure", messages.getMessage("agenda.reg.form.structure", null, locale));
        labels.put("organisationName", messages.getMessage("agenda.reg.form.organisationName", null, locale));
        labels.put("departement", messages.getMessage("agenda.reg.form.departement", null, locale));
        labels.put("sessionIds", messages.getMessage("agenda.reg.form.sessions.short", null, locale));
        event.data().questions().forEach(q -> labels.put("answers[" + q.id() + "]", q.label()));
        return labels;
    }

    private static Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    // ------------------------------------------------------------------ the person's registration

    @GetMapping("/agenda/inscriptions/{token}")
    String mine(@PathVariable String token, Model model) {
        RegistrationDetails r = byToken(token);
        return showMine(model, r, null, RegistrationErrors.NONE);
    }

    @PostMapping("/agenda/inscriptions/{token}/annuler")
    String cancel(@PathVariable String token, Locale locale, RedirectAttributes redirect) {
        byToken(token);
        try {
            registrations.cancelByToken(token);
            redirect.addFlashAttribute("flash", messages.getMessage("agenda.reg.flash.cancelled", null, locale));
        } catch (AgendaException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.problems().get(0).messageKey(), e.problems().get(0).argsArray(), locale));
        }
        return "redirect:/agenda/inscriptions/" + token;
    }

    @PostMapping("/agenda/inscriptions/{token}/confirmer")
    String confirm(@PathVariable String token, Locale locale, RedirectAttributes redirect) {
        byToken(token);
        try {
            registrations.confirmOffer(token);
            redirect.addFlashAttribute("flash", messages.getMessage("agenda.reg.flash.offer-confirmed", null, locale));
        } catch (AgendaException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.problems().get(0).messageKey(), e.problems().get(0).argsArray(), locale));
        }
        return "redirect:/agenda/inscriptions/" + token;
    }

    @PostMapping("/agenda/inscriptions/{token}/sessions")
    String sessions(@PathVariable String token, @ModelAttribute("form") RegistrationForm form, Model model, Locale locale,
                    RedirectAttributes redirect) {
        RegistrationDetails r = byToken(token);
        try {
            registrations.changeSessions(token, form.sessions());
            redirect.addFlashAttribute("flash", messages.getMessage("agenda.reg.flash.sessions", null, locale));
            return "redirect:/agenda/inscriptions/" + token;
        } catch (AgendaException e) {
            return showMine(model, r, form, RegistrationErrors.of(e, messages, locale));
        }
    }

    @GetMapping("/agenda/inscriptions/{token}/invitation.ics")
    ResponseEntity<byte[]> invitation(@PathVariable String token, Locale locale) {
        String ics = registrations.invitation(token, locale).orElseThrow(() -> new RegistrationNotFoundException("token"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invitation.ics").build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    private String showMine(Model model, RegistrationDetails r, RegistrationForm sessionsForm, RegistrationErrors errors) {
        EventDetails event = agenda.find(r.eventId()).orElseThrow(() -> new EventNotFoundException("#" + r.eventId()));
        RegistrationForm form = sessionsForm;
        if (form == null) {
            form = new RegistrationForm();
            form.setSessionIds(r.sessionIds().stream().map(String::valueOf).toList());
        }
        model.addAttribute("r", r);
        model.addAttribute("event", event);
        model.addAttribute("places", registrations.places(event.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        boolean beforeStart = event.startsAt().isAfter(java.time.Instant.now());
        model.addAttribute("canCancel", r.isLive() && beforeStart);
        model.addAttribute("canChangeSessions", r.isLive() && registrations.places(event.id()).open() && !event.data().sessions().isEmpty());
        model.addAttribute("showOnlineLink", r.status() == RegistrationStatus.CONFIRMED && event.data().onlineUrl() != null);
        return "agenda/my-registration";
    }

    private RegistrationDetails byToken(String token) {
        return registrations.byToken(token).orElseThrow(() -> new RegistrationNotFoundException("token"));
    }

    private EventDetails visible(String slug, CurrentPerson me) {
        return agenda.find(slug).filter(e -> agenda.canView(e, me)).orElseThrow(() -> new EventNotFoundException(slug));
    }
}
