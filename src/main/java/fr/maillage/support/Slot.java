package fr.maillage.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A free slot of a staff member: wall-clock times in Europe/Paris and the matching instants, how
 * it can be held ({@code mode}, possibly BOTH) and where. {@link #key()} names it in forms.
 */
public record Slot(long staffId, LocalDateTime localStart, LocalDateTime localEnd, Instant startsAt, Instant endsAt,
                   MeetingMode mode, String place, String videoUrl) {

    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    /** "12_20261208T1400": the staff member and the local start. */
    public String key() {
        return key(staffId, localStart);
    }

    public static String key(long staffId, LocalDateTime localStart) {
        return staffId + "_" + KEY.format(localStart);
    }

    /** A slot key read back (staff id and local start), or null when it is not one. */
    public static Ref parseKey(String key) {
        if (key == null) {
            return null;
        }
        String k = key.strip();
        int sep = k.indexOf('_');
        if (sep <= 0 || sep > 19) {
            return null;
        }
        try {
            return new Ref(Long.parseLong(k.substring(0, sep)), LocalDateTime.parse(k.substring(sep + 1), KEY));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** A slot as a form names it. */
    public record Ref(long staffId, LocalDateTime localStart) {

        public String key() {
            return Slot.key(staffId, localStart);
        }
    }
}
