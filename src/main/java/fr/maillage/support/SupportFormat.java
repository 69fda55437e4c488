package fr.maillage.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times of appointments as people read them, in Paris time: "mardi 8 décembre 2026 à
 * 14 h 00", "lundi 1er mars 2027", "14 h 30" in French; "Tuesday 8 December 2026, 14:00" in English.
 */
public final class SupportFormat {

    private SupportFormat() {
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** "mardi 8 décembre 2026" (French "1er" on the first of the month). */
    public static String day(LocalDate day, Locale locale) {
        if (day == null) {
            return "";
        }
        if (english(locale)) {
            return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(day);
        }
        String d = day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth());
        return DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH).format(day) + " " + d + " "
                + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).format(day);
    }

    /** "14 h 00" / "14:00". */
    public static String time(LocalTime time, Locale locale) {
        if (time == null) {
            return "";
        }
        return english(locale) ? DateTimeFormatter.ofPattern("HH:mm").format(time)
                : time.getHour() + "\u00a0h\u00a0" + DateTimeFormatter.ofPattern("mm").format(time);
    }

    /** "mardi 8 décembre 2026 à 14 h 00" / "Tuesday 8 December 2026, 14:00". */
    public static String dateTime(LocalDateTime at, Locale locale) {
        if (at == null) {
            return "";
        }
        return day(at.toLocalDate(), locale) + (english(locale) ? ", " : " à ") + time(at.toLocalTime(), locale);
    }

    /** The Paris wall-clock reading of an instant, as {@link #dateTime(LocalDateTime, Locale)}. */
    public static String dateTime(Instant at, Locale locale) {
        return at == null ? "" : dateTime(LocalDateTime.ofInstant(at, SlotCalculator.PARIS), locale);
    }

    /** "mardi" / "Tuesday". */
    public static String weekday(DayOfWeek day, Locale locale) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, english(locale) ? Locale.ENGLISH : Locale.FRENCH);
    }

    /** An argument of a message, readable: days of the week, dates and times formatted, the rest as is. */
    public static Object argument(Object arg, Locale locale) {
        if (arg instanceof DayOfWeek d) {
            return weekday(d, locale);
        }
        if (arg instanceof LocalTime t) {
            return time(t, locale);
        }
        if (arg instanceof LocalDateTime t) {
            return dateTime(t, locale);
        }
        if (arg instanceof LocalDate d) {
            return day(d, locale);
        }
        if (arg instanceof Integer || arg instanceof Long) {
            return arg.toString();
        }
        return arg;
    }
}
