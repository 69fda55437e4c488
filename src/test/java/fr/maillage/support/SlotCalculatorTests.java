package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import fr.maillage.shared.text.Dates;

import org.junit.jupiter.api.Test;

/** Free slots in Paris wall-clock time: rules, exceptions, daylight-saving changes, notice, busy times. */
class SlotCalculatorTests {

    static final long CAMILLE = 11;
    static final long PAUL = 12;
    /** Monday 7 December 2026, 10:00 in Paris. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T09:00:00Z");

    static AvailabilityRule rule(long staff, DayOfWeek day, String start, String end, int minutes) {
        return new AvailabilityRule(1L, staff, day, LocalTime.parse(start), LocalTime.parse(end), minutes, MeetingMode.BOTH,
                "Maison des associations, Bordeaux", "https://visio.exemple.org/camille", null, null);
    }

    static List<LocalDateTime> starts(List<Slot> slots) {
        return slots.stream().map(Slot::localStart).toList();
    }

    @Test
    void aWeeklyRuleIsCutIntoSlotsOfItsLengthOnItsWeekdayOnly() {
        List<Slot> slots = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.TUESDAY, "14:00", "17:00", 60)), List.of(), List.of(),
                MONDAY_MORNING, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13));
        assertThat(starts(slots)).containsExactly(
                LocalDateTime.of(2026, 12, 8, 14, 0), LocalDateTime.of(2026, 12, 8, 15, 0), LocalDateTime.of(2026, 12, 8, 16, 0));
        assertThat(slots.get(0).localEnd()).isEqualTo(LocalDateTime.of(2026, 12, 8, 15, 0));
        assertThat(slots.get(0).startsAt()).isEqualTo(Instant.parse("2026-12-08T13:00:00Z")); // winter: UTC+1
        assertThat(slots.get(0).mode()).isEqualTo(MeetingMode.BOTH);
        assertThat(slots.get(0).place()).isEqualTo("Maison des associations, Bordeaux");
    }

    @Test
    void aSlotThatDoesNotFitTheRangeIsLeftOut() {
        // 45-minute slots between 9:00 and 11:00: 9:00 and 9:45 (10:30 would end at 11:15)
        List<Slot> slots = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.WEDNESDAY, "09:00", "11:00", 45)), List.of(), List.of(),
                MONDAY_MORNING, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13));
        assertThat(starts(slots)).containsExactly(LocalDateTime.of(2026, 12, 9, 9, 0), LocalDateTime.of(2026, 12, 9, 9, 45));
    }

    @Test
    void rulesApplyOnlyWithinTheirValidity() {
        AvailabilityRule winter = new AvailabilityRule(1L, CAMILLE, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 60,
                MeetingMode.VIDEO, null, "https://visio.exemple.org/c", LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 22));
        List<Slot> slots = SlotCalculator.compute(List.of(winter), List.of(), List.of(), MONDAY_MORNING,
                LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 10));
        assertThat(starts(slots)).containsExactly(LocalDateTime.of(2026, 12, 15, 9, 0), LocalDateTime.of(2026, 12, 22, 9, 0));
    }

    @Test
    void aSlotStaysAtTheSameWallClockTimeAcrossTheSpringAndAutumnChanges() {
        // Sunday 28 March 2027: summer time starts (02:00 -> 03:00). Mondays at 14:00 before and after.
        List<Slot> spring = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.MONDAY, "14:00", "15:00", 60)), List.of(), List.of(),
                Instant.parse("2027-03-15T00:00:00Z"), LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 29));
        assertThat(starts(spring)).containsExactly(LocalDateTime.of(2027, 3, 22, 14, 0), LocalDateTime.of(2027, 3, 29, 14, 0));
        assertThat(spring.get(0).startsAt()).isEqualTo(Instant.parse("2027-03-22T13:00:00Z")); // UTC+1
        assertThat(spring.get(1).startsAt()).isEqualTo(Instant.parse("2027-03-29T12:00:00Z")); // UTC+2

        // Sunday 31 October 2027: back to winter time
        List<Slot> autumn = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.FRIDAY, "14:00", "15:00", 60)), List.of(), List.of(),
                Instant.parse("2027-10-20T00:00:00Z"), LocalDate.of(2027, 10, 29), LocalDate.of(2027, 11, 5));
        assertThat(autumn).extracting(Slot::startsAt)
                .containsExactly(Instant.parse("2027-10-29T12:00:00Z"), Instant.parse("2027-11-05T13:00:00Z"));
        assertThat(autumn).allSatisfy(s -> assertThat(s.localStart().toLocalTime()).isEqualTo(LocalTime.of(14, 0)));
    }

    @Test
    void theHourSkippedWhenSummerTimeStartsGivesNoSlotAndTheRepeatedHourOneEach() {
        // a (strange) Sunday night rule from 01:00 to 04:00 in 60-minute slots
        List<Slot> spring = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.SUNDAY, "01:00", "04:00", 60)), List.of(), List.of(),
                Instant.parse("2027-03-20T00:00:00Z"), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28));
        // 02:00 does not exist that night: neither the 01:00-02:00 slot (its end) nor 02:00-03:00 are offered
        assertThat(starts(spring)).containsExactly(LocalDateTime.of(2027, 3, 28, 3, 0));
        assertThat(spring.get(0).startsAt()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));

        List<Slot> autumn = SlotCalculator.compute(List.of(rule(CAMILLE, DayOfWeek.SUNDAY, "01:00", "04:00", 60)), List.of(), List.of(),
                Instant.parse("2027-10-20T00:00:00Z"), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31));
        assertThat(starts(autumn)).containsExactly(LocalDateTime.of(2027, 10, 31, 1, 0), LocalDateTime.of(2027, 10, 31, 2, 0),
                LocalDateTime.of(2027, 10, 31, 3, 0));
        assertThat(autumn).extracting(Slot::startsAt).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void nothingIsOfferedBeforeTheMinimumNotice() {
        // now: Monday 10:00; notice 24 h -> Tuesday 10:00. Monday and Tuesday 9:00 are out, Tuesday 10:00 is in.
        List<AvailabilityRule> rules = List.of(rule(CAMILLE, DayOfWeek.MONDAY, "09:00", "12:00", 60),
                rule(CAMILLE, DayOfWeek.TUESDAY, "09:00", "12:00", 60));
        List<Slot> slots = SlotCalculator.compute(rules, List.of(), List.of(), MONDAY_MORNING.plusSeconds(24 * 3600),
                LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8));
        assertThat(starts(slots)).containsExactly(LocalDateTime.of(2026, 12, 8, 10, 0), LocalDateTime.of(2026, 12, 8, 11, 0));
    }

    @Test
    void absencesRemoveWholeDaysOrHoursAndExtraOpeningsAddSlots() {
        List<AvailabilityRule> rules = List.of(rule(CAMILLE, DayOfWeek.TUESDAY, "09:00", "12:00", 60),
                rule(CAMILLE, DayOfWeek.WEDNESDAY, "09:00", "12:00", 60), rule(PAUL, DayOfWeek.TUESDAY, "09:00", "10:00", 60));
        List<AvailabilityException> exceptions = List.of(
                // Camille on a mission abroad from Tuesday 15 to Wednesday 16 December
                new AvailabilityException(1L, CAMILLE, AvailabilityException.Kind.CLOSED, LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 16),
                        null, null, null, null, null, null, "Mission au Sénégal"),
                // Camille away from 10:30 to 11:30 on Tuesday 8: 10:00-11:00 and 11:00-12:00 overlap it
                new AvailabilityException(2L, CAMILLE, AvailabilityException.Kind.CLOSED, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8),
                        LocalTime.of(10, 30), LocalTime.of(11, 30), null, null, null, null, null),
                // an extra opening on Thursday 10, by video, 30-minute slots
                new AvailabilityException(3L, CAMILLE, AvailabilityException.Kind.OPEN, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10),
                        LocalTime.of(17, 0), LocalTime.of(18, 0), 30, MeetingMode.VIDEO, null, "https://visio.exemple.org/c", null));
        List<Slot> slots = SlotCalculator.compute(rules, exceptions, List.of(), MONDAY_MORNING, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 17));
        assertThat(slots.stream().filter(s -> s.staffId() == CAMILLE).map(Slot::localStart).toList()).containsExactly(
                LocalDateTime.of(2026, 12, 8, 9, 0),
                LocalDateTime.of(2026, 12, 9, 9, 0), LocalDateTime.of(2026, 12, 9, 10, 0), LocalDateTime.of(2026, 12, 9, 11, 0),
                LocalDateTime.of(2026, 12, 10, 17, 0), LocalDateTime.of(2026, 12, 10, 17, 30));
        // Paul is not concerned by Camille's exceptions
        assertThat(slots.stream().filter(s -> s.staffId() == PAUL).map(Slot::localStart).toList())
                .containsExactly(LocalDateTime.of(2026, 12, 8, 9, 0), LocalDateTime.of(2026, 12, 15, 9, 0));
        Slot opening = slots.stream().filter(s -> s.localStart().equals(LocalDateTime.of(2026, 12, 10, 17, 0))).findFirst().orElseThrow();
        assertThat(opening.mode()).isEqualTo(MeetingMode.VIDEO);
        assertThat(opening.localEnd()).isEqualTo(LocalDateTime.of(2026, 12, 10, 17, 30));
    }

    @Test
    void bookedTimesAreRemovedForTheirStaffMemberOnly() {
        List<AvailabilityRule> rules = List.of(rule(CAMILLE, DayOfWeek.TUESDAY, "14:00", "17:00", 60),
                rule(PAUL, DayOfWeek.TUESDAY, "14:00", "15:00", 60));
        List<SlotCalculator.Busy> busy = List.of(
                new SlotCalculator.Busy(CAMILLE, Instant.parse("2026-12-08T13:00:00Z"), Instant.parse("2026-12-08T14:00:00Z")),
                // a 30-minute appointment from an extra opening overlapping 16:00-17:00
                new SlotCalculator.Busy(CAMILLE, Instant.parse("2026-12-08T15:30:00Z"), Instant.parse("2026-12-08T16:00:00Z")));
        List<Slot> slots = SlotCalculator.compute(rules, List.of(), busy, MONDAY_MORNING, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8));
        assertThat(slots).extracting(s -> s.staffId() + "@" + s.localStart().toLocalTime())
                .containsExactly("12@14:00", "11@15:00");
    }

    @Test
    void slotKeysReadBack() {
        Slot.Ref ref = Slot.parseKey(Slot.key(CAMILLE, LocalDateTime.of(2026, 12, 8, 14, 0)));
        assertThat(ref).isEqualTo(new Slot.Ref(CAMILLE, LocalDateTime.of(2026, 12, 8, 14, 0)));
        assertThat(Slot.parseKey("11_20261208T1400")).isEqualTo(ref);
        assertThat(Slot.parseKey(null)).isNull();
        assertThat(Slot.parseKey("abc")).isNull();
        assertThat(Slot.parseKey("11_2026-12-08")).isNull();
        assertThat(Slot.parseKey("_20261208T1400")).isNull();
    }

    @Test
    void datesReadAsFrenchPeopleWriteThem() {
        assertThat(Dates.dateTime(LocalDateTime.of(2026, 12, 8, 14, 0), java.util.Locale.FRENCH))
                .isEqualTo("mardi 8 décembre 2026 à 14\u00a0h");
        assertThat(Dates.day(LocalDate.of(2027, 3, 1), java.util.Locale.FRENCH)).isEqualTo("lundi 1er mars 2027");
        assertThat(Dates.dateTime(LocalDateTime.of(2026, 12, 8, 9, 30), java.util.Locale.ENGLISH))
                .isEqualTo("Tuesday 8 December 2026 at 09:30");
        assertThat(Dates.span(LocalDateTime.of(2026, 12, 8, 14, 0), LocalDateTime.of(2026, 12, 8, 15, 0), java.util.Locale.FRENCH))
                .isEqualTo("mardi 8 décembre 2026 de 14\u00a0h à 15\u00a0h");
    }
}
