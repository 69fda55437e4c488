package fr.maillage.shared.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes iCalendar (RFC 5545) text, streaming: a VCALENDAR header, the VTIMEZONE of every zone
 * used (Europe/Paris rules written out, so clients without a zone database agree), VEVENTs, and
 * the footer. Lines end with CRLF and are folded at 75 octets without splitting a UTF-8
 * character; text values are escaped (backslash, semicolon, comma, newline).
 *
 * <pre>
 * IcsWriter ics = new IcsWriter(out, "-//Maillage//Agenda//FR", "PUBLISH", "Agenda du réseau");
 * ics.event(e1); ics.event(e2);
 * ics.close();
 * </pre>
 */
public final class IcsWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Appendable out;
    private final Set<ZoneId> zonesWritten = new LinkedHashSet<>();
    private final StringBuilder line = new StringBuilder(256);

    /** Starts a calendar; {@code method} (PUBLISH, REQUEST, CANCEL) and {@code name} may be null. */
    public IcsWriter(Appendable out, String prodId, String method, String name) {
        this.out = out;
        raw("BEGIN:VCALENDAR");
        raw("VERSION:2.0");
        property("PRODID", prodId, false);
        raw("CALSCALE:GREGORIAN");
        if (method != null) {
            raw("METHOD:" + method);
        }
        if (name != null) {
            property("X-WR-CALNAME", name, true);
            property("NAME", name, true);
        }
        zone(PARIS);
    }

    /** A whole calendar with one event, as text (for an e-mail attachment or a download). */
    public static String single(String prodId, String method, IcsEvent event) {
        StringBuilder sb = new StringBuilder(2048);
        IcsWriter w = new IcsWriter(sb, prodId, method, null);
        w.event(event);
        w.close();
        return sb.toString();
    }

    public static byte[] bytes(String ics) {
        return ics.getBytes(StandardCharsets.UTF_8);
    }

    public IcsWriter event(IcsEvent e) {
        if (!e.allDay()) {
            zone(e.zone());
        }
        raw("BEGIN:VEVENT");
        property("UID", e.uid(), false);
        raw("DTSTAMP:" + UTC.format(e.stamp() == null ? Instant.now() : e.stamp()));
        if (e.lastModified() != null) {
            raw("LAST-MODIFIED:" + UTC.format(e.lastModified()));
        }
        if (e.sequence() > 0) {
            raw("SEQUENCE:" + e.sequence());
        }
        if (e.allDay()) {
            raw("DTSTART;VALUE=DATE:" + DAY.format(e.localStart().toLocalDate()));
            LocalDate last = e.localEnd() == null ? e.localStart().toLocalDate() : e.localEnd().toLocalDate();
            raw("DTEND;VALUE=DATE:" + DAY.format(last.plusDays(1)));
        } else {
            String tz = e.zone().getId();
            raw("DTSTART;TZID=" + tz + ":" + LOCAL.format(e.localStart()));
            raw("DTEND;TZID=" + tz + ":" + LOCAL.format(e.localEnd()));
        }
        if (e.rrule() != null && !e.rrule().isBlank()) {
            raw("RRULE:" + e.rrule());
            for (LocalDate day : e.exceptions()) {
                if (e.allDay()) {
                    raw("EXDATE;VALUE=DATE:" + DAY.format(day));
                } else {
                    LocalDateTime at = day.atTime(e.localStart().toLocalTime());
                    raw("EXDATE;TZID=" + e.zone().getId() + ":" + LOCAL.format(at));
                }
            }
        }
        property("SUMMARY", e.summary(), true);
        property("DESCRIPTION", e.description(), true);
        property("LOCATION", e.location(), true);
        if (e.latitude() != null && e.longitude() != null) {
            raw("GEO:" + e.latitude() + ";" + e.longitude());
        }
        property("URL", e.url(), false);
        if (e.status() != null) {
            raw("STATUS:" + e.status());
        }
        if (!e.categories().isEmpty()) {
            StringBuilder c = new StringBuilder();
            for (String cat : e.categories()) {
                if (c.length() > 0) {
                    c.append(',');
                }
                c.append(escape(cat));
            }
            fold("CATEGORIES:" + c);
        }
        if (e.organizerEmail() != null) {
            fold("ORGANIZER" + (e.organizerName() == null ? "" : ";CN=" + quoteParam(e.organizerName())) + ":mailto:" + e.organizerEmail());
        }
        if (e.attendeeEmail() != null) {
            fold("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED" + (e.attendeeName() == null ? "" : ";CN=" + quoteParam(e.attendeeName()))
                    + ":mailto:" + e.attendeeEmail());
        }
        raw("END:VEVENT");
        return this;
    }

    public void close() {
        raw("END:VCALENDAR");
    }

    private void zone(ZoneId zone) {
        if (!zonesWritten.add(zone)) {
            return;
        }
        if (!zone.equals(PARIS)) {
            // only Europe/Paris is written out; other zones are named (clients resolve them)
            return;
        }
        raw("BEGIN:VTIMEZONE");
        raw("TZID:Europe/Paris");
        raw("X-LIC-LOCATION:Europe/Paris");
        raw("BEGIN:DAYLIGHT");
        raw("TZOFFSETFROM:+0100");
        raw("TZOFFSETTO:+0200");
        raw("TZNAME:CEST");
        raw("DTSTART:19700329T020000");
        raw("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        raw("END:DAYLIGHT");
        raw("BEGIN:STANDARD");
        raw("TZOFFSETFROM:+0200");
        raw("TZOFFSETTO:+0100");
        raw("TZNAME:CET");
        raw("DTSTART:19701025T030000");
        raw("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        raw("END:STANDARD");
        raw("END:VTIMEZONE");
    }

    private void property(String name, String value, boolean text) {
        if (value == null || value.isBlank()) {
            return;
        }
        fold(name + ":" + (text ? escape(value) : value.strip()));
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        String v = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String quoteParam(String value) {
        return "\"" + value.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** Writes a content line folded at 75 octets (UTF-8), continuation lines starting with a space. */
    private void fold(String content) {
        if (fitsOnOneLine(content)) {
            raw(content);
            return;
        }
        line.setLength(0);
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + n > 75) {
                line.append("\r\n ");
                octets = 1;
            }
            line.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        raw(line);
    }

    /** True when the line needs no folding: at most 75 octets for sure (3 octets per char at most), or 75 ASCII chars. */
    private static boolean fitsOnOneLine(String content) {
        int n = content.length();
        if (n <= 25) {
            return true;
        }
        if (n > 75) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (content.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void raw(CharSequence s) {
        try {
            out.append(s).append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
