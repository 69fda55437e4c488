package fr.maillage.agenda.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.FeedEntry;
import fr.maillage.agenda.Occurrence;
import fr.maillage.agenda.OccurrenceRow;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates and labels of the agenda, in Europe/Paris and the reader's language: the one place that
 * writes a date of the agenda in words, for its pages, feeds, widget and training pages.
 * In sentences ({@link #span}, {@link #when}): "jeudi 8 avril 2027 de 9 h 30 à 17 h",
 * "du vendredi 14 au dimanche 22 novembre 2026", "du lundi 30 novembre au mardi 1er décembre
 * 2026"; in one short line ({@link #brief}, for feed entries, the widget and training sessions):
 * "jeudi 8 avril 2027, 9 h 30 – 17 h" (English: "Thursday 8 April 2027, 09:30–17:00").
 * Templates call it as {@code ${@eventViews.when(...)}}; controllers build lists of labels once
 * per page with it. Times use non-breaking spaces so that they never wrap.
 */
@Component("eventViews")
public class EventViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final MessageSource messages;
    private final Reference reference;

    EventViews(MessageSource messages, Reference reference) {
        this.messages = messages;
        this.reference = reference;
    }

    // ------------------------------------------------------------------ spans

    /** The first occurrence of an event as written (wall-clock in Paris). */
    public String when(EventData d, Locale locale) {
        if (d.start() == null || d.end() == null) {
            return "";
        }
        return span(d.start(), d.end(), d.allDay(), locale);
    }

    /** One occurrence of a list or a feed. */
    public String when(OccurrenceRow r, Locale locale) {
        if (r.allDay()) {
            return span(r.startDay().atStartOfDay(), r.endDay().atStartOfDay(), true, locale);
        }
        return span(paris(r.startsAt()), paris(r.endsAt()), false, locale);
    }

    /** One occurrence of an event. */
    public String when(Occurrence o, boolean allDay, Locale locale) {
        if (allDay) {
            return span(o.startDay().atStartOfDay(), o.endDay().atStartOfDay(), true, locale);
        }
        return span(paris(o.startsAt()), paris(o.endsAt()), false, locale);
    }

    /**
     * A span in words. All-day: {@code end} is the last day. Timed: a span inside one day (or
     * ending at midnight) reads "jeudi 8 avril 2027 de 9 h 30 à 17 h"; across days "du jeudi 8
     * avril 2027 à 9 h 30 au vendredi 9 avril 2027 à 17 h".
     */
    public String span(LocalDateTime start, LocalDateTime end, boolean allDay, Locale locale) {
        if (allDay) {
            LocalDate s = start.toLocalDate();
            LocalDate e = end.toLocalDate();
            if (!e.isAfter(s)) {
                return day(s, locale);
            }
            String first = s.getYear() != e.getYear() ? day(s, locale)
                    : s.getMonth() != e.getMonth() ? dayMonth(s, locale) : weekdayDay(s, locale);
            return fill(phrases(locale).days(), first, day(e, locale));
        }
        boolean endsAtMidnight = end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(start.toLocalDate().plusDays(1));
        if (end.toLocalDate().equals(start.toLocalDate()) || endsAtMidnight) {
            return fill(phrases(locale).hours(), day(start.toLocalDate(), locale), time(start.toLocalTime(), locale),
                    time(end.toLocalTime(), locale));
        }
        return fill(phrases(locale).span(), day(start.toLocalDate(), locale), time(start.toLocalTime(), locale),
                day(end.toLocalDate(), locale), time(end.toLocalTime(), locale));
    }

    /** The span of a feed entry in one short line: see {@link #brief(Instant, Instant, boolean, LocalDate, LocalDate, Locale)}. */
    public String brief(FeedEntry e, Locale locale) {
        return brief(e.startsAt(), e.endsAt(), e.allDay(), e.startDay(), e.endDay(), locale);
    }

    /**
     * The span of an occurrence in one short line: "jeudi 8 avril 2027, 9 h 30 – 17 h" within a
     * day (or up to midnight), "du jeudi 8 avril 2027, 9 h 30 au vendredi 9 avril 2027, 17 h"
     * across days; whole days as {@link #span} writes them ("du samedi 14 au dimanche 22
     * novembre 2026"). English: "Thursday 8 April 2027, 09:30–17:00".
     */
    public String brief(Instant start, Instant end, boolean allDay, LocalDate startDay, LocalDate endDay, Locale locale) {
        if (allDay) {
            return span(startDay.atStartOfDay(), endDay.atStartOfDay(), true, locale);
        }
        boolean fr = isFrench(locale);
        LocalDateTime s = paris(start);
        LocalDateTime e = paris(end);
        boolean endsAtMidnight = e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalDate().equals(s.toLocalDate().plusDays(1));
        String first = day(s.toLocalDate(), locale) + ", " + time(s.toLocalTime(), locale);
        if (s.toLocalDate().equals(e.toLocalDate()) || endsAtMidnight) {
            return first + (fr ? " – " : "–") + time(e.toLocalTime(), locale);
        }
        String last = day(e.toLocalDate(), locale) + ", " + time(e.toLocalTime(), locale);
        return fr ? "du " + first + " au " + last : first + " – " + last;
    }

    /** Words of the day lists and the month grid, looked up once per page. */
    public record Words(String allDay, String from, String until, String continued) {
    }

    public Words words(Locale locale) {
        return new Words(raw("agenda.events.when.allDay", locale), raw("agenda.events.when.from", locale),
                raw("agenda.events.when.until", locale), raw("agenda.events.when.continued", locale));
    }

    /**
     * The hours of an occurrence on one day of a month grid or a day list, without a message
     * lookup: "9 h 30 – 17 h", "dès 9 h 30", "jusqu’à 17 h", "toute la journée".
     */
    public String hoursOn(OccurrenceRow r, LocalDate day, Words words, Locale locale) {
        if (r.allDay()) {
            return words.allDay();
        }
        LocalDateTime s = paris(r.startsAt());
        LocalDateTime e = paris(r.endsAt());
        boolean startsToday = s.toLocalDate().equals(day);
        boolean endsToday = e.toLocalDate().equals(day) || (e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalDate().equals(day.plusDays(1)));
        if (startsToday && endsToday) {
            return time(s.toLocalTime(), locale) + " – " + time(e.toLocalTime(), locale);
        }
        if (startsToday) {
            return words.from().replace("{0}", time(s.toLocalTime(), locale));
        }
        if (endsToday) {
            return words.until().replace("{0}", time(e.toLocalTime(), locale));
        }
        return words.allDay();
    }

    // ------------------------------------------------------------------ pieces

    /** "jeudi 8 avril 2027", "mardi 1er décembre 2026", "Thursday 8 April 2027". */
    public String day(LocalDate d, Locale locale) {
        return d == null ? "" : dayMonth(d, locale) + " " + d.getYear();
    }

    public String day(Instant instant, Locale locale) {
        return instant == null ? "" : day(paris(instant).toLocalDate(), locale);
    }

    /** "jeudi 8 avril 2027 à 9 h 30". */
    public String dateTime(LocalDateTime t, Locale locale) {
        return t == null ? "" : fill(phrases(locale).at(), day(t.toLocalDate(), locale), time(t.toLocalTime(), locale));
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : dateTime(paris(instant), locale);
    }

    /** "9 h 30", "17 h" in French; "09:30", "17:00" in English. */
    public String time(LocalTime t, Locale locale) {
        int m = t.getMinute();
        String minutes = m < 10 ? "0" + m : String.valueOf(m);
        if (isFrench(locale)) {
            return m == 0 ? t.getHour() + "\u00a0h" : t.getHour() + "\u00a0h\u00a0" + minutes;
        }
        return (t.getHour() < 10 ? "0" : "") + t.getHour() + ":" + minutes;
    }

    /** "novembre 2026" / "November 2026". */
    public String month(YearMonth m, Locale locale) {
        return m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + m.getYear();
    }

    /** "jeudi 8 avril" (no year). */
    public String dayMonth(LocalDate d, Locale locale) {
        return weekdayDay(d, locale) + " " + d.getMonth().getDisplayName(TextStyle.FULL, locale);
    }

    /** "jeudi 8", "mardi 1er". */
    public String weekdayDay(LocalDate d, Locale locale) {
        String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        String n = isFrench(locale) && d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth());
        return weekday + " " + n;
    }

    /** The day of the month of a date badge: "8". */
    public String dayOfMonth(LocalDate d) {
        return Integer.toString(d.getDayOfMonth());
    }

    /** The short month of a date badge: "avr.", "Apr". */
    public String shortMonth(LocalDate d, Locale locale) {
        return d.getMonth().getDisplayName(TextStyle.SHORT, locale);
    }

    /** Short weekday names from Monday, for the month grid's header ("lun.", "Mon"). */
    public List<String> weekdays(Locale locale, TextStyle style) {
        return java.util.Arrays.stream(java.time.DayOfWeek.values()).map(d -> d.getDisplayName(style, locale)).toList();
    }

    public String iso(LocalDateTime t) {
        return t == null ? "" : t.atZone(PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    // ------------------------------------------------------------------ labels, once per page

    /** Every event type's label, for a page to look up in a loop without a message per row. */
    public Map<EventType, String> typeLabels(Locale locale) {
        Map<EventType, String> out = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            out.put(t, messages.getMessage("agenda.type." + t.name(), null, t.name(), locale));
        }
        return out;
    }

    /** Every format's label ("En ligne"...). */
    public Map<fr.maillage.agenda.EventFormat, String> formatLabels(Locale locale) {
        Map<fr.maillage.agenda.EventFormat, String> out = new EnumMap<>(fr.maillage.agenda.EventFormat.class);
        for (fr.maillage.agenda.EventFormat f : fr.maillage.agenda.EventFormat.values()) {
            out.put(f, messages.getMessage("agenda.format." + f.name(), null, f.name(), locale));
        }
        return out;
    }

    /** Labels of a reference list by code. */
    public Map<String, String> labels(RefList list, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RefItem i : reference.sorted(list, locale)) {
            out.put(i.code(), i.label(locale));
        }
        return out;
    }

    public String label(RefList list, String code, Locale locale) {
        return code == null ? "" : reference.label(list, code, locale);
    }

    /** The extension a downloaded file of this type gets ("pdf"), or "". */
    public String extension(String mediaType) {
        return EventUploads.extension(mediaType);
    }

    /** "120 ko", "1,2 Mo". */
    public String size(Long bytes, Locale locale) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024 * 1024) {
            return messages.getMessage("agenda.events.size.kb", new Object[] {Math.max(1, Math.round(bytes / 1024.0))}, locale);
        }
        java.text.NumberFormat n = java.text.NumberFormat.getNumberInstance(locale);
        n.setMaximumFractionDigits(1);
        return messages.getMessage("agenda.events.size.mb", new Object[] {n.format(bytes / 1024.0 / 1024.0)}, locale);
    }

    static LocalDateTime paris(Instant instant) {
        return LocalDateTime.ofInstant(instant, PARIS);
    }

    private static boolean isFrench(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }

    /** The phrases of {@link #span}, read once per language: a month grid or a feed formats hundreds of spans. */
    private record Phrases(String days, String hours, String span, String at) {
    }

    private final Map<String, Phrases> phrases = new java.util.concurrent.ConcurrentHashMap<>();

    private Phrases phrases(Locale locale) {
        String lang = isFrench(locale) ? "fr" : "en";
        return phrases.computeIfAbsent(lang, l -> new Phrases(raw("agenda.events.when.days", locale), raw("agenda.events.when.hours", locale),
                raw("agenda.events.when.span", locale), raw("agenda.events.when.at", locale)));
    }

    private String raw(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String fill(String pattern, String... args) {
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", args[i]);
        }
        return out;
    }
}
