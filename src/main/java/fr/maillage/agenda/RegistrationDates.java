package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates of registrations in words, in Europe/Paris: "jeudi 8 avril 2027, 9 h 30" in French,
 * "Thursday 8 April 2027, 9:30" in English; an event's span "jeudi 8 avril 2027, 9 h 30 – 17 h".
 * Used by the e-mails and the pages of registrations.
 */
public final class RegistrationDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private RegistrationDates() {
    }

    public static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern(english(locale) ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy", locale(locale)).format(day);
    }

    public static String time(LocalTime t, Locale locale) {
        if (english(locale)) {
            return t.getHour() + ":" + String.format("%02d", t.getMinute());
        }
        return t.getMinute() == 0 ? t.getHour() + "\u00a0h" : t.getHour() + "\u00a0h\u00a0" + String.format("%02d", t.getMinute());
    }

    /** "jeudi 8 avril 2027, 9 h 30" (Paris time). */
    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, PARIS);
        return day(t.toLocalDate(), locale) + ", " + time(t.toLocalTime(), locale);
    }

    /** The span of an event in wall-clock time: one day with its hours, several days, or whole days. */
    public static String span(boolean allDay, LocalDateTime start, LocalDateTime end, Locale locale) {
        boolean en = english(locale);
        LocalDate first = start.toLocalDate();
        LocalDate last = end == null ? first : end.toLocalDate();
        if (allDay) {
            if (!last.isAfter(first)) {
                return day(first, locale);
            }
            return en ? "from " + day(first, locale) + " to " + day(last, locale) : "du " + day(first, locale) + " au " + day(last, locale);
        }
        if (end == null) {
            return day(first, locale) + ", " + time(start.toLocalTime(), locale);
        }
        if (first.equals(last)) {
            return day(first, locale) + ", " + time(start.toLocalTime(), locale) + " – " + time(end.toLocalTime(), locale);
        }
        return en ? "from " + day(first, locale) + ", " + time(start.toLocalTime(), locale) + " to " + day(last, locale) + ", " + time(end.toLocalTime(), locale)
                : "du " + day(first, locale) + ", " + time(start.toLocalTime(), locale) + " au " + day(last, locale) + ", " + time(end.toLocalTime(), locale);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static Locale locale(Locale locale) {
        return english(locale) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
