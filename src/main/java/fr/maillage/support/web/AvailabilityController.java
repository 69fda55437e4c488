package fr.maillage.support.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import fr.maillage.support.Availability;
import fr.maillage.support.AvailabilityException;
import fr.maillage.support.AvailabilityRule;
import fr.maillage.support.MeetingMode;
import fr.maillage.support.StaffMember;
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
 * A staff member's availability ({@code /admin/rendez-vous/disponibilites}): how they present
 * themself, their weekly rules, their absences and extra openings, and a preview of the slots
 * people can book. Each form shows its errors next to its fields and keeps what was typed;
 * nothing is saved while anything is wrong.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AvailabilityController {

    static final String PATH = "/admin/rendez-vous/disponibilites";

    private final Availability availability;
    private final SupportViews views;
    private final MessageSource messages;

    AvailabilityController(Availability availability, SupportViews views, MessageSource messages) {
        this.availability = availability;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "modifier", required = false) Long edit, @AuthenticationPrincipal CurrentPerson me, Model model) {
        RuleForm ruleForm = new RuleForm();
        if (edit != null) {
            ruleForm = availability.rule(edit).filter(r -> r.staffId() == me.personId()).map(RuleForm::of).orElse(ruleForm);
        }
        model.addAttribute("ruleForm", ruleForm);
        return show(me, model);
    }

    @PostMapping(PATH + "/profil")
    String profile(@ModelAttribute("profileForm") ProfileForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                   Model model, Locale locale, RedirectAttributes redirect) {
        try {
            availability.saveProfile(me, form.getDisplayName(), form.getRoleLine());
        } catch (SupportException e) {
            views.reject(e, result, locale);
            return show(me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("support.availability.profile.saved", null, locale));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/regles")
    String rule(@ModelAttribute("ruleForm") RuleForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                Model model, Locale locale, RedirectAttributes redirect) {
        DayOfWeek weekday = null;
        Integer day = integer(form.getWeekday());
        if (day != null && day >= 1 && day <= 7) {
            weekday = DayOfWeek.of(day);
        }
        LocalTime start = time(form.getStartTime(), "startTime", result);
        LocalTime end = time(form.getEndTime(), "endTime", result);
        Integer minutes = minutes(form.getSlotMinutes(), result);
        LocalDate from = date(form.getValidFrom(), "validFrom", result);
        LocalDate until = date(form.getValidUntil(), "validUntil", result);
        if (!result.hasErrors()) {
            try {
                availability.saveRule(new AvailabilityRule(form.getId(), me.personId(), weekday, start, end, minutes == null ? 0 : minutes,
                        MeetingMode.parse(form.getMode()), form.getPlace(), form.getVideoUrl(), from, until), me);
                redirect.addFlashAttribute("flash", messages.getMessage(form.getId() == null ? "support.availability.rule.added"
                        : "support.availability.rule.saved", null, locale));
                return "redirect:" + PATH;
            } catch (SupportException e) {
                views.reject(e, result, locale);
            }
        }
        return show(me, model);
    }

    @PostMapping(PATH + "/regles/{id}/supprimer")
    String deleteRule(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        availability.deleteRule(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("support.availability.rule.deleted", null, locale));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/exceptions")
    String exception(@ModelAttribute("exceptionForm") ExceptionForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                     Model model, Locale locale, RedirectAttributes redirect) {
        AvailabilityException.Kind kind = "OPEN".equals(form.getKind()) ? AvailabilityException.Kind.OPEN
                : "CLOSED".equals(form.getKind()) ? AvailabilityException.Kind.CLOSED : null;
        LocalDate first = date(form.getFirstDay(), "firstDay", result);
        LocalDate last = date(form.getLastDay(), "lastDay", result);
        LocalTime start = time(form.getStartTime(), "startTime", result);
        LocalTime end = time(form.getEndTime(), "endTime", result);
        Integer minutes = kind == AvailabilityException.Kind.OPEN ? minutes(form.getSlotMinutes(), result) : null;
        if (!result.hasErrors()) {
            try {
                Availability.SavedException saved = availability.addException(new AvailabilityException(null, me.personId(), kind, first, last,
                        start, end, minutes, kind == AvailabilityException.Kind.OPEN ? MeetingMode.parse(form.getMode()) : null,
                        form.getPlace(), form.getVideoUrl(), form.getReason()), me);
                redirect.addFlashAttribute("flash", messages.getMessage(kind == AvailabilityException.Kind.OPEN
                        ? "support.availability.opening.added" : "support.availability.closing.added", null, locale));
                if (saved.bookedInside() > 0) {
                    redirect.addFlashAttribute("error", messages.getMessage("support.availability.closing.booked",
                            new Object[] {saved.bookedInside()}, locale));
                }
                return "redirect:" + PATH;
            } catch (SupportException e) {
                views.reject(e, result, locale);
            }
        }
        return show(me, model);
    }

    @PostMapping(PATH + "/exceptions/{id}/supprimer")
    String deleteException(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        availability.deleteException(id, me);
        redirect.addFlashAttribute("flash", messages.getMessage("support.availability.exception.deleted", null, locale));
        return "redirect:" + PATH;
    }

    private String show(CurrentPerson me, Model model) {
        StaffMember profile = availability.profile(me);
        if (!model.containsAttribute("profileForm")) {
            ProfileForm p = new ProfileForm();
            p.setDisplayName(profile.displayName());
            p.setRoleLine(profile.roleLine());
            model.addAttribute("profileForm", p);
        }
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", new RuleForm());
        }
        if (!model.containsAttribute("exceptionForm")) {
            model.addAttribute("exceptionForm", new ExceptionForm());
        }
        model.addAttribute("profile", profile);
        model.addAttribute("rules", availability.rulesOf(me.personId()));
        model.addAttribute("exceptions", availability.exceptionsOf(me.personId()));
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("modes", MeetingMode.values());
        model.addAttribute("lengths", List.of("20", "30", "45", "60", "90", "120"));
        model.addAttribute("preview", availability.freeSlots(me.personId(), null).stream().limit(12).toList());
        model.addAttribute("settings", availability.properties());
        return "admin/support/availability";
    }

    private static Integer integer(String s) {
        Long l = BookingController.parseLong(s);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    private Integer minutes(String s, BindingResult result) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        Integer m = integer(s);
        if (m == null) {
            result.rejectValue("slotMinutes", "support.error.number", message("support.error.slot-length"));
        }
        return m;
    }

    private LocalTime time(String s, String field, BindingResult result) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(s.strip().length() == 4 ? "0" + s.strip() : s.strip());
        } catch (DateTimeParseException e) {
            result.rejectValue(field, "support.error.time-format", message("support.error.time-format"));
            return null;
        }
    }

    private LocalDate date(String s, String field, BindingResult result) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                result.rejectValue(field, "support.error.year", message("support.error.year"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            result.rejectValue(field, "support.error.date-format", message("support.error.date-format"));
            return null;
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
