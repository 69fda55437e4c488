package fr.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecurrenceTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aWeeklyMeetingStaysAtSixInTheEveningAcrossTheChangeToWinterTime() {
        // France leaves summer time on Sunday 25 October 2026
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 10, 15, 18, 0), LocalDateTime.of(2026, 10, 15, 20, 0),
                new EventData.Repeat(RepeatFrequency.WEEKLY, 1, LocalDate.of(2026, 11, 5), null, List.of()), PARIS);
        assertThat(o).extracting(Occurrence::startsAt).containsExactly(
                Instant.parse("2026-10-15T16:00:00Z"), // UTC+2
                Instant.parse("2026-10-22T16:00:00Z"),
                Instant.parse("2026-10-29T17:00:00Z"), // UTC+1
                Instant.parse("2026-11-05T17:00:00Z"));
        assertThat(o.get(2).endsAt()).isEqualTo(Instant.parse("2026-10-29T19:00:00Z"));
    }

    @Test
    void anEventOnTheNightOfTheChangeLastsItsRealLength() {
        // 29 March 2026, 01:00 to 04:00 wall-clock: the clocks skip from 02:00 to 03:00, so two real hours
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 3, 29, 1, 0), LocalDateTime.of(2026, 3, 29, 4, 0), null, PARIS);
        assertThat(o.get(0).startsAt()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(o.get(0).endsAt()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void allDayEventsCoverWholeDaysInParis() {
        List<Occurrence> o = Recurrence.expand(true, LocalDateTime.of(2026, 11, 14, 0, 0), LocalDateTime.of(2026, 11, 22, 0, 0), null, PARIS);
        assertThat(o).hasSize(1);
        assertThat(o.get(0).startsAt()).isEqualTo(Instant.parse("2026-11-13T23:00:00Z"));
        assertThat(o.get(0).endsAt()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(o.get(0).startDay()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(o.get(0).endDay()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void exceptionsAreSkippedAndCountIncludesThem() {
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 1, 5, 10, 0), LocalDateTime.of(2026, 1, 5, 12, 0),
                new EventData.Repeat(RepeatFrequency.WEEKLY, 2, null, 4, List.of(LocalDate.of(2026, 1, 19))), PARIS);
        assertThat(o).extracting(Occurrence::startDay).containsExactly(
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 16));
    }

    @Test
    void aMonthlyEventOnThe31stSkipsShorterMonths() {
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 1, 31, 14, 0), LocalDateTime.of(2026, 1, 31, 16, 0),
                new EventData.Repeat(RepeatFrequency.MONTHLY, 1, LocalDate.of(2026, 8, 31), null, List.of()), PARIS);
        assertThat(o).extracting(Occurrence::startDay).containsExactly(
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 31),
                LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31));
    }

    @Test
    void openEndedRepetitionsStopTwoYearsAhead() {
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 1, 1, 9, 0), LocalDateTime.of(2026, 1, 1, 10, 0),
                new EventData.Repeat(RepeatFrequency.MONTHLY, 1, null, null, List.of()), PARIS);
        assertThat(o).hasSize(25);
        assertThat(o.get(24).startDay()).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void anEveningEndingAtMidnightStaysOnItsDay() {
        List<Occurrence> o = Recurrence.expand(false, LocalDateTime.of(2026, 6, 21, 20, 0), LocalDateTime.of(2026, 6, 22, 0, 0), null, PARIS);
        assertThat(o.get(0).endDay()).isEqualTo(LocalDate.of(2026, 6, 21));
    }
}
