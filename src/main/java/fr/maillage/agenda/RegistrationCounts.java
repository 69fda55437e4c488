package fr.maillage.agenda;

import java.util.List;
import java.util.Map;

/**
 * Figures of an event's registrations for the activity report: by status, and the confirmed
 * participants (with how many attended, once attendance is marked) by collège and by
 * département of the structure represented (code null: not known), and by session.
 */
public record RegistrationCounts(Map<RegistrationStatus, Long> byStatus, List<Row> byCollege, List<Row> byDepartement,
                                 List<Row> bySession, long confirmed, long attended) {

    /** {@code code}: a collège code, a département code or a session id; null for "not said". */
    public record Row(String code, long confirmed, long attended) {
    }

    public long count(RegistrationStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
