package fr.maillage.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.support.Appointment;
import fr.maillage.support.AppointmentNotFoundException;
import fr.maillage.support.AppointmentStatus;
import fr.maillage.support.Appointments;
import fr.maillage.support.Availability;
import fr.maillage.support.MeetingMode;
import fr.maillage.support.Slot;
import fr.maillage.support.StaffMember;
import fr.maillage.support.StaffNotes;
import fr.maillage.support.SupportException;
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
 * The team's appointments ({@code /admin/rendez-vous}): mine or the whole team's, upcoming or
 * past, by status or structure; one appointment with its private notes and next steps, its
 * outcome (held, missed), cancel and move.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class SupportAdminController {

    private final Appointments appointments;
    private final Availability availability;
    private final Directory directory;
    private final SupportViews views;
    private final MessageSource messages;

    SupportAdminController(Appointments appointments, Availability availability, Directory directory, SupportViews views,
                           MessageSource messages) {
        this.appointments = appointments;
        this.availability = availability;
        this.directory = directory;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/admin/rendez-vous")
    String list(@RequestParam(name = "pour", defaultValue = "moi") String who, @RequestParam(name = "periode", defaultValue = "a-venir") String period,
                @RequestParam(name = "statut", required = false) String status, @RequestParam(name = "structure", required = false) String structure,
                @RequestParam(name = "page", defaultValue = "1") int page, @AuthenticationPrincipal CurrentPerson me, Model model) {
        Long staffId = "equipe".equals(who) ? null : "moi".equals(who) ? Long.valueOf(me.personId()) : BookingController.parseLong(who);
        if (staffId == null && !"equipe".equals(who)) {
            who = "moi";
            staffId = me.personId();
        }
        boolean past = "passes".equals(period);
        AppointmentStatus st = null;
        for (AppointmentStatus s : AppointmentStatus.values()) {
            if (s.name().equals(status)) {
                st = s;
            }
        }
        Long org = BookingController.parseLong(structure);
        OrganisationRef orgRef = org == null ? null : directory.ref(org).orElse(null);
        Appointments.Page result = appointments.list(new Appointments.Query(staffId, past, st, orgRef == null ? null : org), Math.max(0, page - 1));
        model.addAttribute("result", result);
        model.addAttribute("who", who);
        model.addAttribute("period", past ? "passes" : "a-venir");
        model.addAttribute("status", st == null ? null : st.name());
        model.addAttribute("structure", orgRef);
        model.addAttribute("statuses", AppointmentStatus.values());
        model.addAttribute("team", availability.team());
        model.addAttribute("now", availability.now());
        model.addAttribute("refs", directory.refs(result.items().stream().map(Appointment::organisationId)
                .filter(java.util.Objects::nonNull).distinct().toList()));
        return "admin/support/list";
    }

    @GetMapping("/admin/rendez-vous/{id}")
    String appointment(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Model model) {
        Appointment a = appointments.find(id).orElseThrow(AppointmentNotFoundException::new);
        StaffNotes notes = appointments.notes(id, me);
        NotesForm form = new NotesForm();
        form.setNotes(notes.notes());
        form.setNextSteps(notes.nextSteps());
        form.setVersion(notes.version());
        model.addAttribute("form", form);
        return show(a, notes, model);
    }

    @PostMapping("/admin/rendez-vous/{id}/notes")
    String notes(@PathVariable long id, @ModelAttribute("form") NotesForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                 Model model, Locale locale, RedirectAttributes redirect) {
        Appointment a = appointments.find(id).orElseThrow(AppointmentNotFoundException::new);
        try {
            appointments.writeNotes(id, form.getVersion(), form.getNotes(), form.getNextSteps(), me);
            redirect.addFlashAttribute("flash", messages.getMessage("support.notes.saved", null, locale));
            return "redirect:/admin/rendez-vous/" + id + "#suivi";
        } catch (SupportException e) {
            views.reject(e, result, locale);
            return show(a, appointments.notes(id, me), model);
        }
    }

    @PostMapping("/admin/rendez-vous/{id}/issue")
    String outcome(@PathVariable long id, @RequestParam(name = "statut", required = false) String status, @AuthenticationPrincipal CurrentPerson me,
                   Locale locale, RedirectAttributes redirect) {
        AppointmentStatus outcome = "NO_SHOW".equals(status) ? AppointmentStatus.NO_SHOW : "DONE".equals(status) ? AppointmentStatus.DONE : null;
        try {
            appointments.markOutcome(id, outcome, me);
            redirect.addFlashAttribute("flash", messages.getMessage("support.outcome.saved." + outcome, null, locale));
        } catch (SupportException e) {
            redirect.addFlashAttribute("error", views.message(e.problems().get(0), locale));
        }
        return "redirect:/admin/rendez-vous/" + id;
    }

    @PostMapping("/admin/rendez-vous/{id}/annuler")
    String cancel(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        try {
            appointments.cancelByStaff(id, reason, me);
            redirect.addFlashAttribute("flash", messages.getMessage("support.cancel.staff-done", null, locale));
        } catch (SupportException e) {
            redirect.addFlashAttribute("error", views.message(e.problems().get(0), locale));
        }
        return "redirect:/admin/rendez-vous/" + id;
    }

    @GetMapping("/admin/rendez-vous/{id}/deplacer")
    String moveForm(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
        Appointment a = appointments.find(id).orElseThrow(AppointmentNotFoundException::new);
        if (!a.isChangeable(availability.now())) {
            redirect.addFlashAttribute("error", messages.getMessage(a.isCancelled() ? "support.error.already-cancelled"
                    : "support.error.not-changeable", null, locale));
            return "redirect:/admin/rendez-vous/" + id;
        }
        MoveForm form = new MoveForm();
        form.setMode(a.mode().name());
        model.addAttribute("form", form);
        return showMove(a, form, model);
    }

    @PostMapping("/admin/rendez-vous/{id}/deplacer")
    String move(@PathVariable long id, @ModelAttribute("form") MoveForm form, BindingResult result,
                @RequestParam(name = "action", required = false) String action, @AuthenticationPrincipal CurrentPerson me,
                Model model, Locale locale, RedirectAttributes redirect) {
        Appointment a = appointments.find(id).orElseThrow(AppointmentNotFoundException::new);
        if (action == null) {
            action = form.getWeek() != null ? "semaine" : "deplacer";
        }
        if (!"deplacer".equals(action)) {
            return showMove(a, form, model);
        }
        try {
            Appointment moved = appointments.moveByStaff(id, form.getSlot(), MeetingMode.parse(form.getMode()), me);
            redirect.addFlashAttribute("flash", messages.getMessage("support.move.staff-done",
                    new Object[] {views.dateTime(moved.localStart())}, locale));
            return "redirect:/admin/rendez-vous/" + id;
        } catch (SupportException e) {
            views.reject(e, result, locale);
            form.setSlot(null);
            return showMove(a, form, model);
        }
    }

    private String show(Appointment a, StaffNotes notes, Model model) {
        model.addAttribute("a", a);
        model.addAttribute("notes", notes);
        model.addAttribute("now", availability.now());
        model.addAttribute("changeable", a.isChangeable(availability.now()));
        model.addAttribute("started", a.hasStarted(availability.now()));
        model.addAttribute("organisation", a.organisationId() == null ? null : directory.ref(a.organisationId()).orElse(null));
        return "admin/support/appointment";
    }

    private String showMove(Appointment a, MoveForm form, Model model) {
        model.addAttribute("a", a);
        List<Slot> slots = availability.freeSlotsForMove(a.staff().personId(), a.id()).stream()
                .filter(s -> !s.localStart().equals(a.localStart())).toList();
        Map<Long, StaffMember> team = new LinkedHashMap<>();
        availability.team().forEach(m -> team.put(m.personId(), m));
        model.addAttribute("week", views.week(slots, team, BookingController.parseDate(form.getWeek()), form.getSlot()));
        model.addAttribute("action", "/admin/rendez-vous/" + a.id() + "/deplacer");
        model.addAttribute("back", "/admin/rendez-vous/" + a.id());
        model.addAttribute("staffPage", true);
        return "admin/support/move";
    }
}
