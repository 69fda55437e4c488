package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.Locale;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.SatisfactionResults;
import fr.maillage.agenda.SessionRequest;
import fr.maillage.agenda.TrainingModule;
import fr.maillage.agenda.TrainingModuleData;
import fr.maillage.agenda.TrainingModuleNotFoundException;
import fr.maillage.agenda.TrainingModules;
import fr.maillage.agenda.TrainingSatisfaction;
import fr.maillage.reference.Reference;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * Staff's training pages: the modules ({@code /admin/formations}: list, new, edit, delete), a new
 * session of a module ({@code /admin/formations/{slug}/session}, an event of the agenda with open
 * registration), and the satisfaction of its sessions ({@code /admin/formations/{slug}/satisfaction},
 * {@code ?session=<event slug>} for one). Errors come back next to their fields, with what was typed.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class TrainingAdminController {

    private final TrainingModules trainings;
    private final TrainingSatisfaction satisfaction;
    private final Agenda agenda;
    private final Reference reference;
    private final MessageSource messages;

    TrainingAdminController(TrainingModules trainings, TrainingSatisfaction satisfaction, Agenda agenda, Reference reference,
                            MessageSource messages) {
        this.trainings = trainings;
        this.satisfaction = satisfaction;
        this.agenda = agenda;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/admin/formations")
    String list(Model model, Locale locale) {
        model.addAttribute("modules", trainings.catalogue(null, true, Instant.now()));
        return "admin/agenda/training/list";
    }

    // ------------------------------------------------------------------ modules

    @GetMapping("/admin/formations/nouvelle")
    String newModule(Model model, Locale locale) {
        model.addAttribute("form", new TrainingForms.ModuleForm());
        return form(model, null, locale);
    }

    @PostMapping("/admin/formations/nouvelle")
    String create(@ModelAttribute("form") TrainingForms.ModuleForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                  Model model, Locale locale, RedirectAttributes redirect) {
        TrainingModuleData data = form.data(result);
        TrainingForms.rejectNew(result, trainings.problems(data));
        if (!result.hasErrors()) {
            try {
                long id = trainings.create(data, me);
                TrainingModule m = trainings.find(id).orElseThrow();
                redirect.addFlashAttribute("flash", messages.getMessage("agenda.training.admin.created", new Object[] {m.title()}, locale));
                return "redirect:/formations/" + m.slug();
            } catch (AgendaException e) {
                TrainingForms.reject(result, e.problems());
            }
        }
        return form(model, null, locale);
    }

    @GetMapping("/admin/formations/{slug}/modifier")
    String edit(@PathVariable String slug, Model model, Locale locale) {
        TrainingModule m = module(slug);
        model.addAttribute("form", TrainingForms.ModuleForm.of(m));
        return form(model, m, locale);
    }

    @PostMapping("/admin/formations/{slug}/modifier")
    String update(@PathVariable String slug, @ModelAttribute("form") TrainingForms.ModuleForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        TrainingModule m = module(slug);
        TrainingModuleData data = form.data(result);
        TrainingForms.rejectNew(result, trainings.problems(data));
        if (!result.hasErrors()) {
            try {
                trainings.update(m.id(), form.getVersion(), data, me);
                TrainingModule saved = trainings.find(m.id()).orElseThrow();
                redirect.addFlashAttribute("flash", messages.getMessage("agenda.training.admin.saved", new Object[] {saved.title()}, locale));
                return "redirect:/formations/" + saved.slug();
            } catch (AgendaException e) {
                TrainingForms.reject(result, e.problems());
            }
        }
        return form(model, m, locale);
    }

    @PostMapping("/admin/formations/{slug}/supprimer")
    String delete(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        TrainingModule m = module(slug);
        try {
            trainings.delete(m.id(), me);
            redirect.addFlashAttribute("flash", messages.getMessage("agenda.training.admin.deleted", new Object[] {m.title()}, locale));
            return "redirect:/admin/formations";
        } catch (AgendaException e) {
            AgendaException.Problem p = e.problems().get(0);
            redirect.addFlashAttribute("error", messages.getMessage(p.messageKey(), p.argsArray(), locale));
            return "redirect:/admin/formations/" + m.slug() + "/modifier";
        }
    }

    private String form(Model model, TrainingModule m, Locale locale) {
        model.addAttribute("module", m);
        model.addAttribute("themes", TrainingController.activeThemes(reference, locale));
        return "admin/agenda/training/form";
    }

    // ------------------------------------------------------------------ sessions

    @GetMapping("/admin/formations/{slug}/session")
    String newSession(@PathVariable String slug, Model model) {
        model.addAttribute("module", module(slug));
        model.addAttribute("form", new TrainingForms.SessionForm());
        return "admin/agenda/training/session";
    }

    @PostMapping("/admin/formations/{slug}/session")
    String createSession(@PathVariable String slug, @ModelAttribute("form") TrainingForms.SessionForm form, BindingResult result,
                         @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        TrainingModule m = module(slug);
        SessionRequest request = form.request(result);
        TrainingForms.rejectNew(result, trainings.sessionProblems(m.id(), request));
        if (!result.hasErrors()) {
            try {
                long id = trainings.createSession(m.id(), request, me);
                EventDetails e = agenda.find(id).orElseThrow();
                redirect.addFlashAttribute("flash", messages.getMessage("agenda.training.admin.session-created",
                        new Object[] {m.title()}, locale));
                return "redirect:/formations/" + m.slug() + "#session-" + e.id();
            } catch (AgendaException e) {
                TrainingForms.reject(result, e.problems());
            }
        }
        model.addAttribute("module", m);
        return "admin/agenda/training/session";
    }

    // ------------------------------------------------------------------ satisfaction

    @GetMapping("/admin/formations/{slug}/satisfaction")
    String satisfaction(@PathVariable String slug, @RequestParam(name = "session", required = false) String session, Model model) {
        TrainingModule m = module(slug);
        Long eventId = null;
        EventDetails event = null;
        if (session != null && !session.isBlank()) {
            event = agenda.find(session.strip()).filter(e -> e.data().trainingModuleId() != null && e.data().trainingModuleId() == m.id())
                    .orElseThrow(() -> new TrainingModuleNotFoundException(slug + "/" + session));
            eventId = event.id();
        }
        Instant now = Instant.now();
        SatisfactionResults results = satisfaction.results(m.id(), eventId, now);
        model.addAttribute("module", m);
        model.addAttribute("selected", event);
        model.addAttribute("results", results);
        model.addAttribute("moduleResults", eventId == null ? results : satisfaction.results(m.id(), null, now));
        return "admin/agenda/training/satisfaction";
    }

    private TrainingModule module(String slug) {
        return trainings.find(slug).orElseThrow(() -> new TrainingModuleNotFoundException(slug));
    }
}
