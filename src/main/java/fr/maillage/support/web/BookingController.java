package fr.maillage.support.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.directory.MyStructure;
import fr.maillage.support.Appointment;
import fr.maillage.support.AppointmentNotFoundException;
import fr.maillage.support.Appointments;
import fr.maillage.support.Availability;
import fr.maillage.support.MeetingMode;
import fr.maillage.support.Slot;
import fr.maillage.support.SlotTakenException;
import fr.maillage.support.StaffMember;
import fr.maillage.support.Subject;
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
 * Booking an appointment with the team ({@code /rendez-vous}, signed-in people): subject,
 * structure, message, a free slot (by week, of the whole team or one staff member, in person or
 * by video), then a page to check and confirm. And the person's own page
 * ({@code /rendez-vous/{token}}, the link of the e-mails, no sign-in needed) to cancel or move it.
 * Every step works without JavaScript: the filters and the weeks send the form back, which is
 * shown again with what was typed.
 */
@Controller
class BookingController {

    private final Appointments appointments;
    private final Availability availability;
    private final SupportViews views;
    private final MessageSource messages;

    BookingController(Appointments appointments, Availability availability, SupportViews views, MessageSource messages) {
        this.appointments = appointments;
        this.availability = availability;
        this.views = views;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ booking

    @GetMapping("/rendez-vous")
    @PreAuthorize("isAuthenticated()")
    String form(@RequestParam(name = "avec", required = false) String staff, @RequestParam(name = "mode", required = false) String mode,
                @RequestParam(name = "sujet", required = false) String subject,
                @RequestParam(name = "structure", required = false) String structure,
                @AuthenticationPrincipal CurrentPerson me, Model model) {
        BookingForm form = new BookingForm();
        form.setStaff(staff);
        form.setMode(MeetingMode.parse(mode) == null ? null : mode);
        form.setSubject(Subject.parse(subject) == null ? null : subject);
        List<MyStructure> mine = appointments.bookableStructures(me.personId());
        if (structure != null) {
            mine.stream().filter(s -> s.slug().equals(structure) || Long.toString(s.id()).equals(structure)).findFirst()
                    .ifPresent(s -> form.setOrganisationId(Long.toString(s.id())));
        } else if (mine.size() == 1) {
            form.setOrganisationId(Long.toString(mine.get(0).id()));
        }
        model.addAttribute("form", form);
        return show(form, me, model);
    }

    @PostMapping("/rendez-vous")
    @PreAuthorize("isAuthenticated()")
    String submit(@ModelAttribute("form") BookingForm form, BindingResult result,
                  @RequestParam(name = "action", required = false) String action,
                  @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        if (action == null) {
            action = form.getWeek() != null ? "semaine" : "verifier";
        }
        switch (action) {
            case "verifier" -> {
                try {
                    Appointments.Preview preview;
                    try {
                        preview = appointments.check(booking(form), me);
                        model.addAttribute("chooseMode", false);
                    } catch (SupportException e) {
                        if (e.problems().size() != 1 || !"support.error.mode-choose".equals(e.problems().get(0).messageKey())) {
                            throw e;
                        }
                        // the slot is offered both ways and no preference was given: asked on the next page
                        Appointments.Booking b = booking(form);
                        preview = appointments.check(new Appointments.Booking(b.slotKey(), b.subject(), b.organisationId(), b.message(),
                                MeetingMode.IN_PERSON), me);
                        model.addAttribute("chooseMode", true);
                    }
                    model.addAttribute("preview", preview);
                    model.addAttribute("staff", staffOf(preview.slot().staffId()));
                    return "support/confirm";
                } catch (SupportException e) {
                    views.reject(e, result, locale);
                    if (e instanceof SlotTakenException || isSlotProblem(e)) {
                        form.setSlot(null);
                    }
                    return show(form, me, model);
                }
            }
            case "confirmer" -> {
                try {
                    Appointment a = appointments.book(booking(form), me);
                    redirect.addFlashAttribute("flash", messages.getMessage("support.book.done", new Object[] {a.personEmail()}, locale));
                    return "redirect:/rendez-vous/" + a.token();
                } catch (SupportException e) {
                    views.reject(e, result, locale);
                    if (e instanceof SlotTakenException || isSlotProblem(e)) {
                        form.setSlot(null);
                    }
                    return show(form, me, model);
                }
            }
            default -> {
                // "filtrer", "semaine", "modifier": the form again, as typed
                return show(form, me, model);
            }
        }
    }

    private static boolean isSlotProblem(SupportException e) {
        return e.problems().stream().anyMatch(p -> "slot".equals(p.field()) && !"support.error.person-busy".equals(p.messageKey()));
    }

    private String show(BookingForm form, CurrentPerson me, Model model) {
        List<MyStructure> mine = appointments.bookableStructures(me.personId());
        model.addAttribute("structures", mine);
        model.addAttribute("subjects", Subject.values());
        Map<Long, StaffMember> team = team();
        Long staffId = parseLong(form.getStaff());
        if (staffId != null && !team.containsKey(staffId)) {
            staffId = null;
            form.setStaff(null);
        }
        MeetingMode mode = MeetingMode.parse(form.getMode());
        if (mode == MeetingMode.BOTH) {
            mode = null;
        }
        List<Slot> all = availability.freeSlots(null, null);
        java.util.Set<Long> offering = new java.util.HashSet<>();
        all.forEach(s -> offering.add(s.staffId()));
        Long only = staffId;
        MeetingMode wanted = mode;
        List<Slot> slots = all.stream().filter(s -> (only == null || s.staffId() == only) && s.mode().allows(wanted)).toList();
        model.addAttribute("team", team.values().stream().filter(m -> offering.contains(m.personId())).toList());
        model.addAttribute("week", views.week(slots, team, parseDate(form.getWeek()), form.getSlot()));
        model.addAttribute("upcoming", appointments.upcomingOf(me.personId()));
        return "support/book";
    }

    // ------------------------------------------------------------------ the person's page

    @GetMapping("/rendez-vous/{token}")
    String appointment(@PathVariable String token, Model model) {
        Appointment a = appointments.byToken(token).orElseThrow(AppointmentNotFoundException::new);
        model.addAttribute("a", a);
        model.addAttribute("changeable", a.isChangeable(availability.now()));
        model.addAttribute("now", availability.now());
        return "support/appointment";
    }

    @PostMapping("/rendez-vous/{token}/annuler")
    String cancel(@PathVariable String token, @RequestParam(name = "reason", required = false) String reason, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Appointment a = appointments.byToken(token).orElseThrow(AppointmentNotFoundException::new);
        try {
            appointments.cancelByPerson(token, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("support.cancel.done", null, locale));
        } catch (SupportException e) {
            if (e.problems().stream().anyMatch(p -> "reason".equals(p.field()))) {
                model.addAttribute("a", a);
                model.addAttribute("changeable", a.isChangeable(availability.now()));
                model.addAttribute("now", availability.now());
                model.addAttribute("reason", reason);
                model.addAttribute("reasonError", views.message(e.problems().get(0), locale));
                return "support/appointment";
            }
            redirect.addFlashAttribute("error", views.message(e.problems().get(0), locale));
        }
        return "redirect:/rendez-vous/" + a.token();
    }

    @GetMapping("/rendez-vous/{token}/deplacer")
    String moveForm(@PathVariable String token, Model model, Locale locale, RedirectAttributes redirect) {
        Appointment a = appointments.byToken(token).orElseThrow(AppointmentNotFoundException::new);
        if (!a.isChangeable(availability.now())) {
            redirect.addFlashAttribute("error", messages.getMessage(a.isCancelled() ? "support.error.already-cancelled"
                    : "support.error.not-changeable", null, locale));
            return "redirect:/rendez-vous/" + a.token();
        }
        MoveForm form = new MoveForm();
        form.setMode(a.mode().name());
        model.addAttribute("form", form);
        return showMove(a, form, model);
    }

    @PostMapping("/rendez-vous/{token}/deplacer")
    String move(@PathVariable String token, @ModelAttribute("form") MoveForm form, BindingResult result,
                @RequestParam(name = "action", required = false) String action, Model model, Locale locale,
                RedirectAttributes redirect) {
        Appointment a = appointments.byToken(token).orElseThrow(AppointmentNotFoundException::new);
        if (action == null) {
            action = form.getWeek() != null ? "semaine" : "deplacer";
        }
        if (!"deplacer".equals(action)) {
            return showMove(a, form, model);
        }
        try {
            Appointment moved = appointments.moveByPerson(token, form.getSlot(), MeetingMode.parse(form.getMode()));
            redirect.addFlashAttribute("flash", messages.getMessage("support.move.done",
                    new Object[] {views.dateTime(moved.localStart())}, locale));
            return "redirect:/rendez-vous/" + a.token();
        } catch (SupportException e) {
            views.reject(e, result, locale);
            if (isSlotProblem(e)) {
                form.setSlot(null);
            }
            return showMove(a, form, model);
        }
    }

    private String showMove(Appointment a, MoveForm form, Model model) {
        model.addAttribute("a", a);
        List<Slot> slots = availability.freeSlotsForMove(a.staff().personId(), a.id()).stream()
                .filter(s -> !s.localStart().equals(a.localStart())).toList();
        model.addAttribute("week", views.week(slots, team(), parseDate(form.getWeek()), form.getSlot()));
        model.addAttribute("action", "/rendez-vous/" + a.token() + "/deplacer");
        model.addAttribute("back", "/rendez-vous/" + a.token());
        return "support/move";
    }

    // ------------------------------------------------------------------

    private Map<Long, StaffMember> team() {
        Map<Long, StaffMember> out = new LinkedHashMap<>();
        availability.team().forEach(m -> out.put(m.personId(), m));
        return out;
    }

    private StaffMember staffOf(long id) {
        return team().get(id);
    }

    static Appointments.Booking booking(BookingForm form) {
        return new Appointments.Booking(form.getSlot(), Subject.parse(form.getSubject()), parseLong(form.getOrganisationId()),
                form.getMessage(), MeetingMode.parse(form.getMode()));
    }

    static Long parseLong(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
