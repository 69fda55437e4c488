package fr.maillage.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A weekly opening of a staff member: every {@code weekday} from {@code start} to {@code end}
 * (Paris wall-clock time), cut into slots of {@code slotMinutes}, in force from {@code validFrom}
 * to {@code validUntil} (inclusive; null: open-ended). {@code id} is null before it is saved.
 */
public record AvailabilityRule(Long id, long staffId, DayOfWeek weekday, LocalTime start, LocalTime end, int slotMinutes,
                               MeetingMode mode, String place, String videoUrl, LocalDate validFrom, LocalDate validUntil) {

    public boolean inForceOn(LocalDate day) {
        return day.getDayOfWeek() == weekday && (validFrom == null || !day.isBefore(validFrom))
                && (validUntil == null || !day.isAfter(validUntil));
    }
}
