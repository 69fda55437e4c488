package fr.maillage.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The free slots of the team, computed in Europe/Paris wall-clock time: a rule "Tuesday
 * 14:00-17:00, 60 min" gives 14:00, 15:00 and 16:00 on every Tuesday it is in force, whether
 * summer or winter time applies (the instants shift, the local times do not). A wall-clock
 * time that does not exist (the hour skipped in March) gives no slot; an ambiguous one (the
 * hour repeated in October) is read in summer time. Then: extra openings are added, closed
 * exceptions and busy times (appointments already booked) removed, and nothing starting
 * before {@code notBefore} (now plus the minimum notice) is kept. Pure: no database, no clock.
 */
public final class SlotCalculator {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A time a staff member is already taken ({@code [start, end)}). */
    public record Busy(long staffId, Instant start, Instant end) {
    }

    private SlotCalculator() {
    }

    /**
     * The slots between {@code firstDay} and {@code lastDay} (inclusive, Paris dates), starting
     * at or after {@code notBefore}, by start then staff member.
     */
    public static List<Slot> compute(Collection<AvailabilityRule> rules, Collection<AvailabilityException> exceptions,
                                     Collection<Busy> busy, Instant notBefore, LocalDate firstDay, LocalDate lastDay) {
        List<Slot> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (AvailabilityRule r : rules) {
                if (r.inForceOn(day)) {
                    cut(out, seen, r.staffId(), day, r.start(), r.end(), r.slotMinutes(), r.mode(), r.place(), r.videoUrl());
                }
            }
            for (AvailabilityException e : exceptions) {
                if (e.kind() == AvailabilityException.Kind.OPEN && e.covers(day) && !e.wholeDays() && e.slotMinutes() != null) {
                    cut(out, seen, e.staffId(), day, e.start(), e.end(), e.slotMinutes(), e.mode(), e.place(), e.videoUrl());
                }
            }
        }
        out.removeIf(s -> s.startsAt().isBefore(notBefore)
                || closed(s, exceptions)
                || busy.stream().anyMatch(b -> b.staffId() == s.staffId() && b.start().isBefore(s.endsAt()) && s.startsAt().isBefore(b.end())));
        out.sort(Comparator.comparing(Slot::startsAt).thenComparing(Slot::staffId));
        return out;
    }

    private static void cut(List<Slot> out, Set<String> seen, long staffId, LocalDate day, LocalTime start, LocalTime end,
                            int minutes, MeetingMode mode, String place, String videoUrl) {
        if (minutes <= 0) {
            return;
        }
        LocalDateTime rangeEnd = day.atTime(end);
        for (LocalDateTime s = day.atTime(start); !s.plusMinutes(minutes).isAfter(rangeEnd); s = s.plusMinutes(minutes)) {
            LocalDateTime e = s.plusMinutes(minutes);
            if (!exists(s) || !exists(e)) {
                continue;
            }
            if (!seen.add(staffId + "@" + s)) {
                continue;
            }
            out.add(new Slot(staffId, s, e, instant(s), instant(e), mode, place, videoUrl));
        }
    }

    private static boolean closed(Slot s, Collection<AvailabilityException> exceptions) {
        for (AvailabilityException e : exceptions) {
            if (e.kind() != AvailabilityException.Kind.CLOSED || e.staffId() != s.staffId()) {
                continue;
            }
            LocalDate day = s.localStart().toLocalDate();
            if (e.wholeDays()) {
                if (e.covers(day) || e.covers(s.localEnd().minusNanos(1).toLocalDate())) {
                    return true;
                }
            } else if (e.covers(day)) {
                LocalDateTime from = day.atTime(e.start());
                LocalDateTime to = day.atTime(e.end());
                if (from.isBefore(s.localEnd()) && s.localStart().isBefore(to)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether this wall-clock time exists in Paris (not in the hour skipped when summer time starts). */
    static boolean exists(LocalDateTime local) {
        return !PARIS.getRules().getValidOffsets(local).isEmpty();
    }

    /** The instant of a Paris wall-clock time (the earlier one, summer time, when it happens twice). */
    public static Instant instant(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, PARIS, null).toInstant();
    }
}
