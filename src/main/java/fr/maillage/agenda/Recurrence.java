package fr.maillage.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands an event into its occurrences, in wall-clock time of its zone: a weekly 18:00 meeting
 * stays at 18:00 when France changes to or from summer time (so the instants move by an hour),
 * and a wall-clock time that does not exist on the day of the change (02:30 on the last Sunday
 * of March) moves forward by the gap, as {@link ZonedDateTime#of} does. An all-day event spans
 * from midnight of its first day to midnight after its last day.
 */
public final class Recurrence {

    /** Repeating events without an end are expanded this far ahead of their first occurrence. */
    public static final int OPEN_ENDED_YEARS = 2;
    /** Never more occurrences than this for one event. */
    public static final int MAX_OCCURRENCES = 750;

    private Recurrence() {
    }

    public static List<Occurrence> expand(EventData d, ZoneId zone) {
        return expand(d.allDay(), d.start(), d.end(), d.repeats() ? d.repeat() : null, zone);
    }

    static List<Occurrence> expand(AgendaEvent e) {
        EventData.Repeat repeat = e.repeats()
                ? new EventData.Repeat(e.repeatFrequency, e.repeatInterval, e.repeatUntil, e.repeatCount, List.copyOf(e.exceptions))
                : null;
        return expand(e.allDay, e.localStart, e.localEnd, repeat, ZoneId.of(e.timeZone));
    }

    static List<Occurrence> expand(boolean allDay, LocalDateTime start, LocalDateTime end, EventData.Repeat repeat, ZoneId zone) {
        LocalDateTime first = allDay ? start.toLocalDate().atStartOfDay() : start;
        LocalDateTime firstEnd = allDay ? end.toLocalDate().plusDays(1).atStartOfDay() : end;
        Duration length = Duration.between(first, firstEnd);
        List<Occurrence> out = new ArrayList<>();
        if (repeat == null || repeat.frequency() == null) {
            out.add(occurrence(first, first.plus(length), allDay, zone));
            return out;
        }
        int interval = Math.max(1, repeat.interval());
        Set<LocalDate> skipped = new HashSet<>(repeat.exceptions());
        LocalDate lastDay = repeat.until() != null ? repeat.until() : first.toLocalDate().plusYears(OPEN_ENDED_YEARS);
        int wanted = repeat.count() != null ? Math.min(repeat.count(), MAX_OCCURRENCES) : MAX_OCCURRENCES;
        int generated = 0; // occurrences in the rule, skipped ones included (COUNT counts them, as RFC 5545 does)
        for (int step = 0; generated < wanted; step++) {
            LocalDateTime at = switch (repeat.frequency()) {
                case WEEKLY -> first.plusWeeks((long) step * interval);
                case MONTHLY -> first.plusMonths((long) step * interval);
            };
            if (at.toLocalDate().isAfter(lastDay)) {
                break;
            }
            // a monthly event on the 31st does not happen in months without a 31st (RFC 5545 semantics)
            if (repeat.frequency() == RepeatFrequency.MONTHLY && at.getDayOfMonth() != first.getDayOfMonth()) {
                if (step > 12 * 100) {
                    break;
                }
                continue;
            }
            generated++;
            if (!skipped.contains(at.toLocalDate())) {
                out.add(occurrence(at, at.plus(length), allDay, zone));
            }
        }
        return out;
    }

    private static Occurrence occurrence(LocalDateTime start, LocalDateTime end, boolean allDay, ZoneId zone) {
        Instant s = ZonedDateTime.of(start, zone).toInstant();
        Instant e = ZonedDateTime.of(end, zone).toInstant();
        LocalDate endDay = allDay ? end.toLocalDate().minusDays(1)
                : (end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.isAfter(start) ? end.toLocalDate().minusDays(1) : end.toLocalDate());
        return new Occurrence(s, e, start.toLocalDate(), endDay);
    }
}
