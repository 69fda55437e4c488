package fr.maillage.support;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An exception to a staff member's weekly rules. {@link Kind#CLOSED}: no appointment from
 * {@code firstDay} to {@code lastDay} (whole days when {@code start} and {@code end} are null,
 * else between those hours on each of these days): holidays, a mission abroad. {@link Kind#OPEN}:
 * an extra opening on {@code firstDay} from {@code start} to {@code end}, in slots of
 * {@code slotMinutes}, held {@code mode} at {@code place} or {@code videoUrl}. {@code reason} is
 * for the team only.
 */
public record AvailabilityException(Long id, long staffId, Kind kind, LocalDate firstDay, LocalDate lastDay, LocalTime start,
                                    LocalTime end, Integer slotMinutes, MeetingMode mode, String place, String videoUrl,
                                    String reason) {

    public enum Kind {
        CLOSED, OPEN
    }

    public boolean wholeDays() {
        return start == null || end == null;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
