package fr.maillage.agenda.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.FeedEntry;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates of events as the feeds, the widget and the training pages write them, in Europe/Paris:
 * "jeudi 8 avril 2027, 9 h 30 – 17 h", "du samedi 14 au dimanche 22 novembre 2026",
 * "lundi 1er juin 2026" (English: "Thursday 8 April 2027, 09:30–17:00"). Templates call
 * {@code ${@feedViews.span(...)}}; times use non-breaking spaces so that they never wrap.
 */
@Component("feedViews")
public class FeedViews {

    private final MessageSource messages;

    FeedViews(MessageSource messages) {
        this.messages = messages;
    }

    /** The span of a feed entry. */
    public String when(FeedEntry e, Locale locale) {
        return span(e.startsAt(), e.endsAt(), e.allDay(), e.startDay(), e.endDay(), locale);
    }

    /** "Bordeaux (33)", "En ligne", "Pessac (33) et en ligne"; null when the venue has no town. */
    public String place(FeedEntry e, Locale locale) {
        return IcsEvents.place(e.format(), e.city(), e.departement(), messages, locale == null ? LocaleContextHolder.getLocale() : locale);
    }

    static final ZoneId PARIS = AgendaSearch.PARIS;
    private static final String NBSP = "\u00a0";

    /** The span of an occurrence: one day with its times, several days, or whole days. */
    public String span(Instant start, Instant end, boolean allDay, LocalDate startDay, LocalDate endDay, Locale locale) {
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        boolean fr = !"en".equals(l.getLanguage());
        if (allDay) {
            if (startDay.equals(endDay)) {
                return day(startDay, l);
            }
            return fr ? "du " + dayWithoutYearIfSame(startDay, endDay, l) + " au " + day(endDay, l)
                    : dayWithoutYearIfSame(startDay, endDay, l) + " – " + day(endDay, l);
        }
        LocalDateTime s = LocalDateTime.ofInstant(start, PARIS);
        LocalDateTime e = LocalDateTime.ofInstant(end, PARIS);
        boolean sameDay = s.toLocalDate().equals(e.toLocalDate())
                || (e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalDate().equals(s.toLocalDate().plusDays(1)));
        if (sameDay) {
            return day(s.toLocalDate(), l) + ", " + time(s.toLocalTime(), l) + (fr ? " – " : "–") + time(e.toLocalTime(), l);
        }
        return fr ? "du " + day(s.toLocalDate(), l) + ", " + time(s.toLocalTime(), l) + " au " + day(e.toLocalDate(), l) + ", " + time(e.toLocalTime(), l)
                : day(s.toLocalDate(), l) + ", " + time(s.toLocalTime(), l) + " – " + day(e.toLocalDate(), l) + ", " + time(e.toLocalTime(), l);
    }

    /** "jeudi 8 avril 2027" / "Thursday 8 April 2027", "1er" for the first of the month in French. */
    public String day(LocalDate d, Locale locale) {
        if (d == null) {
            return "";
        }
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        if ("en".equals(l.getLanguage())) {
            return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", l).format(d);
        }
        String dayOfMonth = d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth());
        return DateTimeFormatter.ofPattern("EEEE", l).format(d) + " " + dayOfMonth + " " + DateTimeFormatter.ofPattern("MMMM yyyy", l).format(d);
    }

    /** The day of an instant in Paris. */
    public String day(Instant at, Locale locale) {
        return at == null ? "" : day(LocalDate.ofInstant(at, PARIS), locale);
    }

    /** "jeudi 8 avril 2027, 9 h 30" / "Thursday 8 April 2027, 09:30". */
    public String dateTime(Instant at, Locale locale) {
        if (at == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofInstant(at, PARIS);
        return day(t.toLocalDate(), locale) + ", " + time(t.toLocalTime(), locale);
    }

    /** "9 h 30", "17 h" / "09:30", "17:00". */
    public String time(LocalTime t, Locale locale) {
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        if ("en".equals(l.getLanguage())) {
            return DateTimeFormatter.ofPattern("HH:mm", l).format(t);
        }
        return t.getMinute() == 0 ? t.getHour() + NBSP + "h" : t.getHour() + NBSP + "h" + NBSP + String.format("%02d", t.getMinute());
    }

    /** Day of month and short month for a date badge: {"8", "avr."}. */
    public String dayOfMonth(LocalDate d) {
        return Integer.toString(d.getDayOfMonth());
    }

    public String shortMonth(LocalDate d, Locale locale) {
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        return DateTimeFormatter.ofPattern("MMM", l).format(d);
    }

    /** A duration in hours: "14 h", "3,5 h" / "14 h", "3.5 h". */
    public String hours(java.math.BigDecimal hours, Locale locale) {
        if (hours == null) {
            return "";
        }
        return decimal(hours.doubleValue(), locale) + NBSP + "h";
    }

    /** A number with at most one decimal, in the reader's notation: "4,3" / "4.3"; "—" for none. */
    public String decimal(Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale == null ? LocaleContextHolder.getLocale() : locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        return f.format(value).replace('\u202f', '\u00a0');
    }

    /** A percentage without decimals: "85 %" (non-breaking space in French) / "85%"; "—" for none. */
    public String percent(Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        long rounded = Math.round(value);
        return "en".equals(l.getLanguage()) ? rounded + "%" : rounded + NBSP + "%";
    }

    private String dayWithoutYearIfSame(LocalDate first, LocalDate last, Locale l) {
        if (first.getYear() != last.getYear()) {
            return day(first, l);
        }
        String full = day(first, l);
        return full.substring(0, full.length() - 5); // without " 2026"
    }
}
