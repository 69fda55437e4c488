package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.maillage.shared.text.Slugs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the public agenda: occurrences of published (and cancelled, shown as such) events that
 * overlap a period and match the filters, in time order. One SQL query on the materialised
 * {@code agenda_occurrence} table (index on the start), so a month grid or a feed over tens of
 * thousands of events costs a range scan. Lists, month views, maps, feeds and the widget all
 * read here.
 */
@Service
public class AgendaSearch {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** No occurrence is longer: the validator's longest event, a whole last day, a clock change. */
    static final java.time.Duration LONGEST_OCCURRENCE = EventValidator.LONGEST.plusDays(2);

    private final JdbcClient jdbc;

    AgendaSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The occurrences matching {@code q}, in start order, from {@code offset}, at most {@code limit}. */
    public List<OccurrenceRow> occurrences(AgendaQuery q, int offset, int limit) {
        Sql sql = where(q);
        String query = """
                select e.id, e.slug, e.type, e.title, e.summary, o.starts_at, o.ends_at, o.start_day, o.end_day, e.all_day,
                       e.format, e.venue_name, e.city, e.departement, e.latitude, e.longitude, e.registration_mode, e.status,
                       e.repeat_frequency, e.updated_at
                from agenda_occurrence o join agenda_event e on e.id = o.event_id
                """ + sql.where + " order by o.starts_at, e.id limit ? offset ?";
        sql.params.add(Math.max(0, limit));
        sql.params.add(Math.max(0, offset));
        return jdbc.sql(query).params(sql.params).query(AgendaSearch::row).list();
    }

    /** How many occurrences match {@code q}. */
    public int count(AgendaQuery q) {
        Sql sql = where(q);
        return jdbc.sql("select count(*) from agenda_occurrence o join agenda_event e on e.id = o.event_id " + sql.where)
                .params(sql.params).query(Integer.class).single();
    }

    /** The next occurrences from now on, for the home page and "what's next" blocks. */
    public List<OccurrenceRow> upcoming(AgendaQuery q, int limit) {
        return occurrences(q.between(LocalDate.now(PARIS), q.to()), 0, limit);
    }

    record Sql(String where, List<Object> params) {
    }

    static Sql where(AgendaQuery q) {
        StringBuilder w = new StringBuilder(" where e.status in ('PUBLISHED', 'CANCELLED')");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            java.time.Instant from = q.from().atStartOfDay(PARIS).toInstant();
            w.append(" and o.ends_at > ?");
            params.add(Timestamp.from(from));
            // redundant, since no occurrence lasts longer (EventValidator.LONGEST, plus a whole last
            // day and a clock change): a range on the indexed start lets PostgreSQL estimate a
            // month's few hundred occurrences instead of thousands, and look their events up
            w.append(" and o.starts_at > ?");
            params.add(Timestamp.from(from.minus(LONGEST_OCCURRENCE)));
        }
        if (q.to() != null) {
            w.append(" and o.starts_at < ?");
            params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (!q.types().isEmpty()) {
            w.append(" and e.type in (").append(marks(q.types().size())).append(")");
            q.types().forEach(t -> params.add(t.name()));
        }
        if (!q.departements().isEmpty()) {
            w.append(" and e.departement in (").append(marks(q.departements().size())).append(")");
            params.addAll(q.departements());
        }
        if (!q.themes().isEmpty()) {
            w.append(" and exists (select 1 from agenda_event_theme t where t.event_id = e.id and t.theme_code in (")
                    .append(marks(q.themes().size())).append("))");
            params.addAll(q.themes());
        }
        if (!q.countries().isEmpty()) {
            w.append(" and exists (select 1 from agenda_event_country c where c.event_id = e.id and c.country_code in (")
                    .append(marks(q.countries().size())).append("))");
            q.countries().forEach(c -> params.add(c.toUpperCase(Locale.ROOT)));
        }
        if (q.online() != null) {
            w.append(q.online() ? " and e.format in ('ONLINE', 'HYBRID')" : " and e.format in ('IN_PERSON', 'HYBRID')");
        }
        if (q.organisationId() != null) {
            w.append(" and exists (select 1 from agenda_event_organisation g where g.event_id = e.id and g.organisation_id = ?)");
            params.add(q.organisationId());
        }
        if (q.trainingModuleId() != null) {
            w.append(" and e.training_module_id = ?");
            params.add(q.trainingModuleId());
        }
        if (q.text() != null) {
            // accent- and case-insensitive match on the title, the summary and the town, folded by
            // PostgreSQL when the row is written (column search_folded, V38; the agenda is small
            // enough per period for a scan; the directory and projects have full-text indexes)
            w.append(" and e.search_folded like ?");
            params.add("%" + Slugs.fold(q.text()).replace("%", "").replace("_", "") + "%");
        }
        return new Sql(w.toString(), params);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static OccurrenceRow row(ResultSet rs, int n) throws SQLException {
        return new OccurrenceRow(rs.getLong("id"), rs.getString("slug"), EventType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getString("summary"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getDate("start_day").toLocalDate(), rs.getDate("end_day").toLocalDate(), rs.getBoolean("all_day"),
                EventFormat.valueOf(rs.getString("format")), rs.getString("venue_name"), rs.getString("city"),
                rs.getString("departement"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                RegistrationMode.valueOf(rs.getString("registration_mode")), "CANCELLED".equals(rs.getString("status")),
                rs.getString("repeat_frequency") != null, instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
