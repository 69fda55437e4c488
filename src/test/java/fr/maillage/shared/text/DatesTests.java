package fr.maillage.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The wording of days and times that every page, e-mail and feed shares, in French and English. */
class DatesTests {

    static final Locale FR = Locale.FRENCH;
    static final Locale EN = Locale.ENGLISH;

    static LocalDateTime at(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi);
    }

    @Test
    void aDayWithItsWeekdayAndTheFirstOfTheMonthAsFrenchWritesIt() {
        assertThat(Dates.day(LocalDate.of(2027, 4, 8), FR)).isEqualTo("jeudi 8 avril 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), FR)).isEqualTo("mardi 1er juin 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), EN)).isEqualTo("Tuesday 1 June 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 11), FR)).as("only the first is 1er").isEqualTo("vendredi 11 juin 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), Locale.FRANCE)).isEqualTo("mardi 1er juin 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), Locale.UK)).isEqualTo("Tuesday 1 June 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), null)).as("French by default").isEqualTo("mardi 1er juin 2027");
        assertThat(Dates.day(LocalDate.of(2027, 6, 1), Locale.GERMAN)).as("French for other languages").isEqualTo("mardi 1er juin 2027");
        assertThat(Dates.date(LocalDate.of(2025, 3, 1), FR)).isEqualTo("1er mars 2025");
        assertThat(Dates.date(LocalDate.of(2026, 6, 3), EN)).isEqualTo("3 June 2026");
        assertThat(Dates.dayMonth(LocalDate.of(2026, 12, 1), FR)).isEqualTo("mardi 1er décembre");
        assertThat(Dates.weekdayDay(LocalDate.of(2026, 12, 1), EN)).isEqualTo("Tuesday 1");
        assertThat(Dates.weekday(DayOfWeek.MONDAY, FR)).isEqualTo("lundi");
        assertThat(Dates.weekday(DayOfWeek.MONDAY, EN)).isEqualTo("Monday");
        assertThat(Dates.month(YearMonth.of(2026, 11), FR)).isEqualTo("novembre 2026");
        assertThat(Dates.month(YearMonth.of(2026, 11), EN)).isEqualTo("November 2026");
        assertThat(Dates.day((LocalDate) null, FR)).isEmpty();
        assertThat(Dates.dateTime((Instant) null, FR)).isEmpty();
        assertThat(Dates.span((LocalDateTime) null, null, FR)).isEmpty();
    }

    @Test
    void timesWithNonBreakingSpacesInFrenchAndTwentyFourHourClockInEnglish() {
        assertThat(Dates.time(LocalTime.of(9, 30), FR)).isEqualTo("9\u00a0h\u00a030");
        assertThat(Dates.time(LocalTime.of(9, 5), FR)).isEqualTo("9\u00a0h\u00a005");
        assertThat(Dates.time(LocalTime.of(17, 0), FR)).as("no minutes on the hour").isEqualTo("17\u00a0h");
        assertThat(Dates.time(LocalTime.of(23, 59, 59), FR)).as("no seconds").isEqualTo("23\u00a0h\u00a059");
        assertThat(Dates.time(LocalTime.of(9, 5), EN)).isEqualTo("09:05");
        assertThat(Dates.time(LocalTime.of(17, 0), EN)).isEqualTo("17:00");
        assertThat(Dates.timeRange(LocalTime.of(9, 30), LocalTime.of(17, 0), FR)).isEqualTo("9\u00a0h\u00a030 – 17\u00a0h");
        assertThat(Dates.timeRange(LocalTime.of(9, 30), LocalTime.of(17, 0), EN)).isEqualTo("09:30–17:00");
        assertThat(Dates.timeRange(LocalTime.of(9, 30), null, FR)).isEqualTo("9\u00a0h\u00a030");
    }

    @Test
    void aDayAndATimeAlwaysJoinedByAOrAt() {
        assertThat(Dates.dateTime(at(2031, 4, 8, 23, 59), FR)).isEqualTo("mardi 8 avril 2031 à 23\u00a0h\u00a059");
        assertThat(Dates.dateTime(at(2031, 4, 8, 23, 59), EN)).isEqualTo("Tuesday 8 April 2031 at 23:59");
        assertThat(Dates.dateTime(at(2027, 4, 1, 18, 0), FR)).isEqualTo("jeudi 1er avril 2027 à 18\u00a0h");
        assertThat(Dates.dateTime(at(2027, 4, 8, 9, 30), EN)).isEqualTo("Thursday 8 April 2027 at 09:30");
    }

    @Test
    void midnight() {
        assertThat(Dates.dateTime(at(2027, 4, 9, 0, 0), FR)).as("a start at midnight").isEqualTo("vendredi 9 avril 2027 à 0\u00a0h");
        assertThat(Dates.dateTime(at(2027, 4, 9, 0, 0), EN)).isEqualTo("Friday 9 April 2027 at 00:00");
        assertThat(Dates.span(at(2027, 4, 8, 20, 0), at(2027, 4, 9, 0, 0), FR)).as("up to midnight: one day")
                .isEqualTo("jeudi 8 avril 2027 de 20\u00a0h à 0\u00a0h");
        assertThat(Dates.brief(at(2027, 4, 8, 20, 0), at(2027, 4, 9, 0, 0), FR)).isEqualTo("jeudi 8 avril 2027, 20\u00a0h – 0\u00a0h");
        assertThat(Dates.span(at(2027, 4, 8, 20, 0), at(2027, 4, 9, 0, 30), FR)).as("past midnight: two days")
                .isEqualTo("du jeudi 8 avril 2027 à 20\u00a0h au vendredi 9 avril 2027 à 0\u00a0h\u00a030");
        assertThat(Dates.span(at(2027, 4, 8, 20, 0), at(2027, 4, 10, 0, 0), FR)).as("midnight a day later: two days")
                .isEqualTo("du jeudi 8 avril 2027 à 20\u00a0h au samedi 10 avril 2027 à 0\u00a0h");
        // 22:30 UTC on a summer evening is already the next day in Paris
        assertThat(Dates.day(Instant.parse("2027-04-07T22:30:00Z"), FR)).isEqualTo("jeudi 8 avril 2027");
        assertThat(Dates.dateTime(Instant.parse("2027-04-07T22:30:00Z"), FR)).isEqualTo("jeudi 8 avril 2027 à 0\u00a0h\u00a030");
        // 23:30 UTC in winter too
        assertThat(Dates.dateTime(Instant.parse("2026-12-31T23:30:00Z"), FR)).isEqualTo("vendredi 1er janvier 2027 à 0\u00a0h\u00a030");
    }

    @Test
    void instantsAreReadInParisAcrossTheChangesOfTime() {
        // spring forward, Sunday 28 March 2027: 2:00 CET becomes 3:00 CEST
        assertThat(Dates.dateTime(Instant.parse("2027-03-28T00:30:00Z"), FR)).isEqualTo("dimanche 28 mars 2027 à 1\u00a0h\u00a030");
        assertThat(Dates.dateTime(Instant.parse("2027-03-28T01:30:00Z"), FR)).isEqualTo("dimanche 28 mars 2027 à 3\u00a0h\u00a030");
        assertThat(Dates.span(Instant.parse("2027-03-28T07:30:00Z"), Instant.parse("2027-03-28T15:00:00Z"), FR))
                .as("a working day after the change: Paris hours, not UTC")
                .isEqualTo("dimanche 28 mars 2027 de 9\u00a0h\u00a030 à 17\u00a0h");
        assertThat(Dates.span(Instant.parse("2027-03-27T08:30:00Z"), Instant.parse("2027-03-27T16:00:00Z"), FR))
                .as("the day before: one hour less from UTC")
                .isEqualTo("samedi 27 mars 2027 de 9\u00a0h\u00a030 à 17\u00a0h");
        // fall back, Sunday 31 October 2027: 3:00 CEST becomes 2:00 CET, 2:30 happens twice
        assertThat(Dates.time(Instant.parse("2027-10-31T00:30:00Z"), FR)).isEqualTo("2\u00a0h\u00a030");
        assertThat(Dates.time(Instant.parse("2027-10-31T01:30:00Z"), FR)).isEqualTo("2\u00a0h\u00a030");
        assertThat(Dates.brief(Instant.parse("2027-10-31T08:30:00Z"), Instant.parse("2027-10-31T16:00:00Z"), EN))
                .as("the day of the change: one hour from UTC again")
                .isEqualTo("Sunday 31 October 2027, 09:30–17:00");
        assertThat(Dates.span(Instant.parse("2027-10-30T16:00:00Z"), Instant.parse("2027-10-30T22:00:00Z"), FR))
                .as("ends at midnight Paris time, the night the clocks go back")
                .isEqualTo("samedi 30 octobre 2027 de 18\u00a0h à 0\u00a0h");
    }

    @Test
    void spansInSentences() {
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 8, 17, 0), FR)).isEqualTo("jeudi 8 avril 2027 de 9\u00a0h\u00a030 à 17\u00a0h");
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 8, 17, 0), EN)).isEqualTo("Thursday 8 April 2027 from 09:30 to 17:00");
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 9, 17, 0), FR))
                .isEqualTo("du jeudi 8 avril 2027 à 9\u00a0h\u00a030 au vendredi 9 avril 2027 à 17\u00a0h");
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 9, 17, 0), EN))
                .isEqualTo("from Thursday 8 April 2027 at 09:30 to Friday 9 April 2027 at 17:00");
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), null, FR)).as("no end: the start").isEqualTo("jeudi 8 avril 2027 à 9\u00a0h\u00a030");
        assertThat(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 8, 17, 0), false, FR)).isEqualTo("jeudi 8 avril 2027 de 9\u00a0h\u00a030 à 17\u00a0h");
        assertThat(Dates.span(at(2026, 11, 14, 0, 0), at(2026, 11, 22, 0, 0), true, FR)).isEqualTo("du samedi 14 au dimanche 22 novembre 2026");
    }

    @Test
    void wholeDaysNameTheMonthAndTheYearOnceWhenTheyShareThem() {
        LocalDate first = LocalDate.of(2026, 11, 14);
        assertThat(Dates.dayRange(first, LocalDate.of(2026, 11, 22), FR)).isEqualTo("du samedi 14 au dimanche 22 novembre 2026");
        assertThat(Dates.dayRange(first, LocalDate.of(2026, 11, 22), EN)).isEqualTo("from Saturday 14 to Sunday 22 November 2026");
        assertThat(Dates.dayRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1), FR))
                .isEqualTo("du lundi 30 novembre au mardi 1er décembre 2026");
        assertThat(Dates.dayRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1), EN))
                .isEqualTo("from Monday 30 November to Tuesday 1 December 2026");
        assertThat(Dates.dayRange(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), FR))
                .isEqualTo("du jeudi 31 décembre 2026 au vendredi 1er janvier 2027");
        assertThat(Dates.dayRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), FR)).isEqualTo("du mardi 1er au jeudi 3 décembre 2026");
        assertThat(Dates.dayRange(first, first, FR)).as("one day").isEqualTo("samedi 14 novembre 2026");
        assertThat(Dates.dayRange(first, null, FR)).isEqualTo("samedi 14 novembre 2026");
    }

    @Test
    void spansInOneShortLine() {
        assertThat(Dates.brief(at(2027, 4, 8, 9, 30), at(2027, 4, 8, 17, 0), FR)).isEqualTo("jeudi 8 avril 2027, 9\u00a0h\u00a030 – 17\u00a0h");
        assertThat(Dates.brief(at(2027, 4, 8, 9, 30), at(2027, 4, 8, 17, 0), EN)).isEqualTo("Thursday 8 April 2027, 09:30–17:00");
        assertThat(Dates.brief(at(2027, 5, 12, 9, 30), at(2027, 5, 13, 17, 0), FR)).as("across days: the sentence, with à")
                .isEqualTo("du mercredi 12 mai 2027 à 9\u00a0h\u00a030 au jeudi 13 mai 2027 à 17\u00a0h");
        assertThat(Dates.brief(at(2027, 5, 12, 9, 30), null, EN)).isEqualTo("Wednesday 12 May 2027 at 09:30");
    }

    @Test
    void aCapitalWhenTheWordsStartASentence() {
        assertThat(Dates.capitalize(Dates.dayRange(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 22), FR)))
                .isEqualTo("Du samedi 14 au dimanche 22 novembre 2026");
        assertThat(Dates.capitalize(Dates.dateTime(at(2027, 4, 8, 9, 30), FR))).isEqualTo("Jeudi 8 avril 2027 à 9\u00a0h\u00a030");
        assertThat(Dates.capitalize(Dates.span(at(2027, 4, 8, 9, 30), at(2027, 4, 9, 17, 0), EN))).startsWith("From Thursday");
        assertThat(Dates.capitalize("")).isEmpty();
        assertThat(Dates.capitalize(null)).isEmpty();
    }
}
