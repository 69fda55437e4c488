package fr.maillage.shared.text;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Days and times in words, the one place that writes them for every module's pages, e-mails and
 * feeds: French by default, English when the locale's language is "en"; instants are read in
 * Europe/Paris. Every method returns "" for a null value.
 * <ul>
 * <li>a day: "jeudi 8 avril 2027", "mardi 1er juin 2027" / "Tuesday 1 June 2027"
 * ({@link #day}); without the weekday "1er juin 2027" ({@link #date});</li>
 * <li>a time: "9\u00a0h\u00a030", "17\u00a0h", "0\u00a0h" / "09:30", "17:00", "00:00"
 * ({@link #time}): non-breaking spaces, so that a time never wraps;</li>
 * <li>a day and a time: "jeudi 8 avril 2027 à 9\u00a0h\u00a030" / "Thursday 8 April 2027 at
 * 09:30" ({@link #dateTime}): always "à" / "at" between them;</li>
 * <li>a time range: "9\u00a0h\u00a030 – 17\u00a0h" / "09:30–17:00" ({@link #timeRange});</li>
 * <li>whole days: "du samedi 14 au dimanche 22 novembre 2026", "du lundi 30 novembre au mardi
 * 1er décembre 2026" / "from Saturday 14 to Sunday 22 November 2026" ({@link #dayRange});</li>
 * <li>a span in a sentence: "jeudi 8 avril 2027 de 9\u00a0h\u00a030 à 17\u00a0h", "du jeudi 8
 * avril 2027 à 9\u00a0h\u00a030 au vendredi 9 avril 2027 à 17\u00a0h" / "Thursday 8 April 2027
 * from 09:30 to 17:00" ({@link #span}); in one short line for lists and feeds: "jeudi 8 avril
 * 2027, 9\u00a0h\u00a030 – 17\u00a0h" / "Thursday 8 April 2027, 09:30–17:00" ({@link #brief}).
 * A span that ends at midnight ends on its first day ("de 20\u00a0h à 0\u00a0h").</li>
 * </ul>
 * Lower case, as inside a sentence; {@link #capitalize} when the words start one.
 */
public final class Dates {

    /** The network's time zone: every instant is written as a clock in Paris reads it. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String NBSP = "\u00a0";

    private Dates() {
    }

    /** English when the locale's language is "en"; French otherwise (also for null). */
    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static Locale language(Locale locale) {
        return isEnglish(locale) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The wall-clock time in Paris at this instant. */
    public static LocalDateTime paris(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, PARIS);
    }

    // ------------------------------------------------------------------ days

    /** "jeudi 8 avril 2027", "mardi 1er juin 2027"; "Thursday 8 April 2027". */
    public static String day(LocalDate d, Locale locale) {
        return d == null ? "" : dayMonth(d, locale) + " " + d.getYear();
    }

    /** The day in Paris at this instant, as {@link #day(LocalDate, Locale)}. */
    public static String day(Instant instant, Locale locale) {
        return instant == null ? "" : day(paris(instant).toLocalDate(), locale);
    }

    /** Without the weekday: "8 avril 2027", "1er juin 2027"; "8 April 2027". */
    public static String date(LocalDate d, Locale locale) {
        return d == null ? "" : number(d, locale) + " " + monthName(d, locale) + " " + d.getYear();
    }

    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(paris(instant).toLocalDate(), locale);
    }

    /** "jeudi 8 avril" (no year). */
    public static String dayMonth(LocalDate d, Locale locale) {
        return d == null ? "" : weekdayDay(d, locale) + " " + monthName(d, locale);
    }

    /** "jeudi 8", "mardi 1er"; "Thursday 8". */
    public static String weekdayDay(LocalDate d, Locale locale) {
        return d == null ? "" : weekday(d.getDayOfWeek(), locale) + " " + number(d, locale);
    }

    /** "jeudi"; "Thursday". */
    public static String weekday(DayOfWeek day, Locale locale) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, language(locale));
    }

    /** "avril 2027"; "April 2027". */
    public static String month(YearMonth m, Locale locale) {
        return m == null ? "" : m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language(locale)) + " " + m.getYear();
    }

    /** "avril 2027" for the month of this day. */
    public static String month(LocalDate d, Locale locale) {
        return d == null ? "" : month(YearMonth.from(d), locale);
    }

    private static String monthName(LocalDate d, Locale locale) {
        return d.getMonth().getDisplayName(TextStyle.FULL, language(locale));
    }

    /** The day of the month: "1er" in French on the first, the number otherwise. */
    private static String number(LocalDate d, Locale locale) {
        return d.getDayOfMonth() == 1 && !isEnglish(locale) ? "1er" : Integer.toString(d.getDayOfMonth());
    }

    // ------------------------------------------------------------------ times

    /** "9 h 30", "17 h", "0 h" (non-breaking spaces); "09:30", "17:00". Seconds are not written. */
    public static String time(LocalTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        int h = t.getHour();
        int m = t.getMinute();
        String minutes = m < 10 ? "0" + m : Integer.toString(m);
        if (isEnglish(locale)) {
            return (h < 10 ? "0" : "") + h + ":" + minutes;
        }
        return m == 0 ? h + NBSP + "h" : h + NBSP + "h" + NBSP + minutes;
    }

    /** The time in Paris at this instant, as {@link #time(LocalTime, Locale)}. */
    public static String time(Instant instant, Locale locale) {
        return instant == null ? "" : time(paris(instant).toLocalTime(), locale);
    }

    /** "jeudi 8 avril 2027 à 9 h 30"; "Thursday 8 April 2027 at 09:30". */
    public static String dateTime(LocalDateTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        return day(t.toLocalDate(), locale) + (isEnglish(locale) ? " at " : " à ") + time(t.toLocalTime(), locale);
    }

    /** The day and time in Paris at this instant, as {@link #dateTime(LocalDateTime, Locale)}. */
    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : dateTime(paris(instant), locale);
    }

    /** "9 h 30 – 17 h"; "09:30–17:00". Only the start when there is no end. */
    public static String timeRange(LocalTime start, LocalTime end, Locale locale) {
        if (start == null) {
            return "";
        }
        if (end == null) {
            return time(start, locale);
        }
        return time(start, locale) + (isEnglish(locale) ? "–" : " – ") + time(end, locale);
    }

    // ------------------------------------------------------------------ spans

    /**
     * Whole days, {@code last} included: one day is written as {@link #day}; several days name
     * the month and the year once when they share them: "du samedi 14 au dimanche 22 novembre
     * 2026", "du lundi 30 novembre au mardi 1er décembre 2026", "du jeudi 31 décembre 2026 au
     * vendredi 1er janvier 2027"; "from Saturday 14 to Sunday 22 November 2026".
     */
    public static String dayRange(LocalDate first, LocalDate last, Locale locale) {
        if (first == null) {
            return "";
        }
        if (last == null || !last.isAfter(first)) {
            return day(first, locale);
        }
        String from = first.getYear() != last.getYear() ? day(first, locale)
                : first.getMonth() != last.getMonth() ? dayMonth(first, locale) : weekdayDay(first, locale);
        return isEnglish(locale) ? "from " + from + " to " + day(last, locale) : "du " + from + " au " + day(last, locale);
    }

    /**
     * A timed span in a sentence, in wall-clock time. Within one day (or up to midnight): "jeudi
     * 8 avril 2027 de 9 h 30 à 17 h"; "Thursday 8 April 2027 from 09:30 to 17:00". Across days:
     * "du jeudi 8 avril 2027 à 9 h 30 au vendredi 9 avril 2027 à 17 h"; "from Thursday 8 April
     * 2027 at 09:30 to Friday 9 April 2027 at 17:00". Without an end: {@link #dateTime}.
     */
    public static String span(LocalDateTime start, LocalDateTime end, Locale locale) {
        if (start == null) {
            return "";
        }
        if (end == null) {
            return dateTime(start, locale);
        }
        boolean en = isEnglish(locale);
        if (oneDay(start, end)) {
            String day = day(start.toLocalDate(), locale);
            String from = time(start.toLocalTime(), locale);
            String to = time(end.toLocalTime(), locale);
            return en ? day + " from " + from + " to " + to : day + " de " + from + " à " + to;
        }
        return en ? "from " + dateTime(start, locale) + " to " + dateTime(end, locale)
                : "du " + dateTime(start, locale) + " au " + dateTime(end, locale);
    }

    /** A span between two instants, read in Paris, as {@link #span(LocalDateTime, LocalDateTime, Locale)}. */
    public static String span(Instant start, Instant end, Locale locale) {
        return start == null ? "" : span(paris(start), paris(end), locale);
    }

    /**
     * An event's span as it is stored: whole days ({@code end}'s day is the last day, as
     * {@link #dayRange} writes them) or a timed span ({@link #span(LocalDateTime, LocalDateTime, Locale)}).
     */
    public static String span(LocalDateTime start, LocalDateTime end, boolean allDay, Locale locale) {
        if (start == null) {
            return "";
        }
        if (allDay) {
            return dayRange(start.toLocalDate(), end == null ? null : end.toLocalDate(), locale);
        }
        return span(start, end, locale);
    }

    /**
     * A timed span in one short line, for lists, feeds and the widget. Within one day (or up to
     * midnight): "jeudi 8 avril 2027, 9 h 30 – 17 h"; "Thursday 8 April 2027, 09:30–17:00".
     * Across days it is the sentence of {@link #span(LocalDateTime, LocalDateTime, Locale)}
     * ("du mercredi 12 mai 2027 à 9 h 30 au jeudi 13 mai 2027 à 17 h").
     */
    public static String brief(LocalDateTime start, LocalDateTime end, Locale locale) {
        if (start == null) {
            return "";
        }
        if (end != null && oneDay(start, end)) {
            return day(start.toLocalDate(), locale) + ", " + timeRange(start.toLocalTime(), end.toLocalTime(), locale);
        }
        return span(start, end, locale);
    }

    /** A short line between two instants, read in Paris, as {@link #brief(LocalDateTime, LocalDateTime, Locale)}. */
    public static String brief(Instant start, Instant end, Locale locale) {
        return start == null ? "" : brief(paris(start), paris(end), locale);
    }

    /** Ends on the day it starts, or at midnight at the end of that day. */
    private static boolean oneDay(LocalDateTime start, LocalDateTime end) {
        LocalDate first = start.toLocalDate();
        return end.toLocalDate().equals(first)
                || end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(first.plusDays(1));
    }

    // ------------------------------------------------------------------ sentences

    /** The words with a capital first letter, when they start a sentence or a line: "Jeudi 8 avril 2027", "Du samedi 14…". */
    public static String capitalize(String words) {
        if (words == null || words.isEmpty()) {
            return words == null ? "" : words;
        }
        int first = words.codePointAt(0);
        return new StringBuilder(words.length()).appendCodePoint(Character.toTitleCase(first))
                .append(words, Character.charCount(first), words.length()).toString();
    }
}
