package fr.maillage.support.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.text.Dates;
import fr.maillage.support.Appointment;
import fr.maillage.support.Slot;
import fr.maillage.support.StaffMember;
import fr.maillage.support.SupportException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Dates, slots and errors for the support pages. Templates call it as
 * {@code ${@supportViews.dateTime(a.localStart)}}: "mardi 8 décembre 2026 à 14 h" (Paris time), worded
 * by {@link Dates} as every page of the site.
 */
@Component("supportViews")
public class SupportViews {

    /** A slot with its staff member, as a radio button shows it. */
    public record SlotView(Slot slot, StaffMember staff) {

        public String key() {
            return slot.key();
        }
    }

    /** The slots of one day. */
    public record Day(LocalDate day, List<SlotView> slots) {
    }

    /** One week of slots, and the weeks before and after that have slots (null: none). */
    public record Week(LocalDate monday, List<Day> days, LocalDate previous, LocalDate next, SlotView selectedElsewhere, int total) {

        public boolean isEmpty() {
            return total == 0;
        }
    }

    private final MessageSource messages;

    SupportViews(MessageSource messages) {
        this.messages = messages;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** "mardi 8 décembre 2026 à 14 h" (Paris time). */
    public String dateTime(LocalDateTime at) {
        return Dates.dateTime(at, locale());
    }

    public String dateTime(Instant at) {
        return Dates.dateTime(at, locale());
    }

    /** "mardi 8 décembre 2026", "lundi 1er mars 2027". */
    public String day(LocalDate day) {
        return Dates.day(day, locale());
    }

    /** Whole days: "mardi 8 décembre 2026", "du samedi 14 au dimanche 22 novembre 2026". */
    public String days(LocalDate first, LocalDate last) {
        return Dates.dayRange(first, last, locale());
    }

    /** "14 h", "14 h 30". */
    public String time(LocalTime time) {
        return Dates.time(time, locale());
    }

    public String weekday(DayOfWeek day) {
        return Dates.weekday(day, locale());
    }

    /** "Mardi": a day of the week at the start of a line or in a list. */
    public String weekdayTitle(DayOfWeek day) {
        return Dates.capitalize(weekday(day));
    }

    /** "14 h – 15 h". */
    public String hours(LocalDateTime start, LocalDateTime end) {
        return Dates.timeRange(start.toLocalTime(), end.toLocalTime(), locale());
    }

    /** "mardi 8 décembre 2026 de 14 h à 15 h". */
    public String when(Appointment a) {
        return Dates.span(a.localStart(), a.localEnd(), locale());
    }

    /** "mardi 8 décembre 2026 de 14 h à 15 h" for a slot. */
    public String when(Slot s) {
        return Dates.span(s.localStart(), s.localEnd(), locale());
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** The problem's message in the page's language. */
    public String message(SupportException.Problem p, Locale locale) {
        Object[] args = new Object[p.args() == null ? 0 : p.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = argument(p.args()[i], locale);
        }
        return messages.getMessage(p.messageKey(), args, locale);
    }

    /** Puts each problem next to its field (or on the whole form), in the page's language. */
    public void reject(SupportException e, BindingResult result, Locale locale) {
        for (SupportException.Problem p : e.problems()) {
            String text = message(p, locale);
            // the message is already in the page's language, with its arguments: no code to resolve again
            if (p.field() != null && result.getTarget() != null && hasProperty(result, p.field())) {
                result.addError(new FieldError(result.getObjectName(), p.field(), result.getFieldValue(p.field()), false, null, null, text));
            } else {
                result.addError(new ObjectError(result.getObjectName(), null, null, text));
            }
        }
    }

    private static boolean hasProperty(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The slots of the week starting on {@code monday} (the week of the selected slot, else of the
     * first slot, when null), grouped by day.
     */
    public Week week(List<Slot> slots, Map<Long, StaffMember> staff, LocalDate monday, String selectedKey) {
        SlotView selected = null;
        for (Slot s : slots) {
            if (s.key().equals(selectedKey)) {
                selected = new SlotView(s, staff.get(s.staffId()));
            }
        }
        LocalDate week = monday != null ? monday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : selected != null ? mondayOf(selected.slot())
                : slots.isEmpty() ? null : mondayOf(slots.get(0));
        if (week == null) {
            return new Week(null, List.of(), null, null, null, 0);
        }
        Map<LocalDate, List<SlotView>> days = new LinkedHashMap<>();
        LocalDate previous = null;
        LocalDate next = null;
        for (Slot s : slots) {
            LocalDate m = mondayOf(s);
            if (m.isBefore(week)) {
                previous = m;
            } else if (m.isAfter(week)) {
                if (next == null) {
                    next = m;
                }
            } else {
                days.computeIfAbsent(s.localStart().toLocalDate(), d -> new ArrayList<>()).add(new SlotView(s, staff.get(s.staffId())));
            }
        }
        List<Day> out = new ArrayList<>();
        days.forEach((d, list) -> out.add(new Day(d, list)));
        boolean selectedShown = selected != null && mondayOf(selected.slot()).equals(week);
        return new Week(week, out, previous, next, selected == null || selectedShown ? null : selected, slots.size());
    }

    private static LocalDate mondayOf(Slot s) {
        return s.localStart().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** An argument of a problem's message, readable: days of the week, dates and times in words, the rest as is. */
    static Object argument(Object arg, Locale locale) {
        if (arg instanceof DayOfWeek d) {
            return Dates.weekday(d, locale);
        }
        if (arg instanceof LocalTime t) {
            return Dates.time(t, locale);
        }
        if (arg instanceof LocalDateTime t) {
            return Dates.dateTime(t, locale);
        }
        if (arg instanceof LocalDate d) {
            return Dates.day(d, locale);
        }
        if (arg instanceof Integer || arg instanceof Long) {
            return arg.toString();
        }
        return arg;
    }
}
