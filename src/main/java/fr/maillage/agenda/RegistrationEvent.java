package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What the registration service reads of an event (one SQL row, locked {@code for update} when
 * registrations change): its status, registration settings, dates and place, for the rules and
 * the e-mails.
 */
record RegistrationEvent(long id, String slug, String title, String summary, EventStatus status, String moderationMessage,
                         RegistrationMode mode, Integer capacity, boolean waitingList, boolean askStructure, Instant deadline,
                         Instant startsAt, Instant endsAt, boolean allDay, LocalDateTime localStart, LocalDateTime localEnd,
                         String timeZone, EventFormat format, String venueName, String street, String postalCode, String city,
                         String onlineUrl, Instant updatedAt, int version) {

    static final String COLUMNS = """
            id, slug, title, summary, status, moderation_message, registration_mode, capacity, waiting_list, ask_structure,
            registration_deadline, starts_at, ends_at, all_day, local_start, local_end, time_zone, format, venue_name, street,
            postal_code, city, online_url, updated_at, version""";

    /**
     * The SEQUENCE of this event's calendar entries sent to participants: the event's version,
     * which grows with every edit, so an updated entry replaces the one sent before; a
     * cancellation uses the next number.
     */
    int calendarSequence() {
        return version;
    }

    /** Registrations close at the deadline, or at the start when there is none. */
    Instant closesAt() {
        return deadline != null ? deadline : startsAt;
    }

    boolean isPublished() {
        return status == EventStatus.PUBLISHED;
    }

    static RegistrationEvent row(ResultSet rs, int n) throws SQLException {
        return new RegistrationEvent(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
                EventStatus.valueOf(rs.getString("status")), rs.getString("moderation_message"),
                RegistrationMode.valueOf(rs.getString("registration_mode")), (Integer) rs.getObject("capacity"),
                rs.getBoolean("waiting_list"), rs.getBoolean("ask_structure"), instant(rs, "registration_deadline"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getBoolean("all_day"),
                rs.getTimestamp("local_start").toLocalDateTime(), rs.getTimestamp("local_end").toLocalDateTime(),
                rs.getString("time_zone"), EventFormat.valueOf(rs.getString("format")), rs.getString("venue_name"),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getString("online_url"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
