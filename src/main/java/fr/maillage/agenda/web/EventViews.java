package fr.maillage.agenda.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
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
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates and labels of the agenda's pages, feeds, widget and training pages, in the reader's
 * language. The days and times are worded by {@link Dates} (the one formatter of every module):
 * in sentences ({@link #span}, {@link #when}) "jeudi 8 avril 2027 de 9 h 30 à 17 h", "du
 * samedi 14 au dimanche 22 novembre 2026"; in one short line ({@link #brief}, for feed entries,
 * the widget and training sessions) "jeudi 8 avril 2027, 9 h 30 – 17 h". This class picks the
 * agenda's values (occurrences in Paris, whole days) and adds what only the agenda needs: the
 * hours of an occurrence on one day of the month grid, date badges, labels looked up once per page.
 * Templates call it as {@code ${@eventViews.when(...)}}.
 */
@Component("eventViews")
public class EventViews {

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
        return r.allDay() ? Dates.dayRange(r.startDay(), r.endDay(), locale) : Dates.span(r.startsAt(), r.endsAt(), locale);
    }

    /** One occurrence of an event. */
    public String when(Occurrence o, boolean allDay, Locale locale) {
        return allDay ? Dates.dayRange(o.startDay(), o.endDay(), locale) : Dates.span(o.startsAt(), o.endsAt(), locale);
    }

    /** A span in words, see {@link Dates#span(LocalDateTime, LocalDateTime, boolean, Locale)}. All-day: {@code end} is the last day. */
    public String span(LocalDateTime start, LocalDateTime end, boolean allDay, Locale locale) {
        return Dates.span(start, end, allDay, locale);
    }

    /** The span of a feed entry in one short line: see {@link #brief(Instant, Instant, boolean, LocalDate, LocalDate, Locale)}. */
    public String brief(FeedEntry e, Locale locale) {
        return brief(e.startsAt(), e.endsAt(), e.allDay(), e.startDay(), e.endDay(), locale);
    }

    /**
     * The span of an occurrence in one short line ({@link Dates#brief}): "jeudi 8 avril 2027,
     * 9 h 30 – 17 h"; whole days as {@link #span} writes them ("du samedi 14 au dimanche 22
     * novembre 2026").
     */
    public String brief(Instant start, Instant end, boolean allDay, LocalDate startDay, LocalDate endDay, Locale locale) {
        return allDay ? Dates.dayRange(startDay, endDay, locale) : Dates.brief(start, end, locale);
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
        LocalDateTime s = Dates.paris(r.startsAt());
        LocalDateTime e = Dates.paris(r.endsAt());
        boolean startsToday = s.toLocalDate().equals(day);
        boolean endsToday = e.toLocalDate().equals(day) || (e.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalDate().equals(day.plusDays(1)));
        if (startsToday && endsToday) {
            return Dates.timeRange(s.toLocalTime(), e.toLocalTime(), locale);
        }
        if (startsToday) {
            return words.from().replace("{0}", Dates.time(s.toLocalTime(), locale));
        }
        if (endsToday) {
            return words.until().replace("{0}", Dates.time(e.toLocalTime(), locale));
        }
        return words.allDay();
    }

    // ------------------------------------------------------------------ pieces (see Dates)

    /** "jeudi 8 avril 2027", "mardi 1er décembre 2026", "Thursday 8 April 2027". */
    public String day(LocalDate d, Locale locale) {
        return Dates.day(d, locale);
    }

    public String day(Instant instant, Locale locale) {
        return Dates.day(instant, locale);
    }

    /** "jeudi 8 avril 2027 à 9 h 30". */
    public String dateTime(LocalDateTime t, Locale locale) {
        return Dates.dateTime(t, locale);
    }

    public String dateTime(Instant instant, Locale locale) {
        return Dates.dateTime(instant, locale);
    }

    /** "9 h 30", "17 h" in French; "09:30", "17:00" in English. */
    public String time(LocalTime t, Locale locale) {
        return Dates.time(t, locale);
    }

    /** "9 h 30 – 17 h"; "09:30–17:00". */
    public String timeRange(LocalTime start, LocalTime end, Locale locale) {
        return Dates.timeRange(start, end, locale);
    }

    /** "novembre 2026" / "November 2026". */
    public String month(YearMonth m, Locale locale) {
        return Dates.month(m, locale);
    }

    /** "jeudi 8 avril" (no year). */
    public String dayMonth(LocalDate d, Locale locale) {
        return Dates.dayMonth(d, locale);
    }

    /** "jeudi 8", "mardi 1er". */
    public String weekdayDay(LocalDate d, Locale locale) {
        return Dates.weekdayDay(d, locale);
    }

    /** The words with a capital first letter, at the start of a sentence. */
    public String capitalize(String words) {
        return Dates.capitalize(words);
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
        return t == null ? "" : t.atZone(Dates.PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(Dates.PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
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

    private String raw(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
