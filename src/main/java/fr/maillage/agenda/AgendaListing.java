package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.shared.text.Slugs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events whatever their status, as lists: the staff's list (filtered by status and words, the
 * proposals waiting first), the count of proposals to moderate, and the events a person
 * organises ("Mes événements"). One query per list, no entity loaded.
 */
@Service
@Transactional(readOnly = true)
public class AgendaListing {

    /** A page of rows; {@code page} counts from 0. */
    public record RowPage(List<EventRow> items, long total, int page, int size) {
        public int totalPages() {
            return size <= 0 ? 0 : (int) ((total + size - 1) / size);
        }
    }

    private static final String SELECT = """
            select e.id, e.slug, e.title, e.type, e.status, e.starts_at, e.ends_at, e.all_day, e.repeat_frequency, e.city, e.format,
                   e.moderation_message, e.proposed_by, e.created_at, e.updated_at,
                   (select string_agg(o.name, ', ' order by g.position) from agenda_event_organisation g
                      join organisation o on o.id = g.organisation_id where g.event_id = e.id) as organisations
            from agenda_event e
            """;

    private final JdbcClient jdbc;

    AgendaListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every event with this status (all when null) whose title, summary or city contains
     * {@code text} (accents and case ignored): proposals waiting for staff first (oldest first),
     * then the latest start first.
     */
    public RowPage page(EventStatus status, String text, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and e.status = ?");
            params.add(status.name());
        }
        String folded = text == null ? "" : Slugs.fold(text).strip();
        if (!folded.isEmpty()) {
            where.append(" and translate(lower(e.title || ' ' || coalesce(e.summary, '') || ' ' || coalesce(e.city, '')),")
                    .append(" 'àâäéèêëîïôöùûüçœæ', 'aaaeeeeiioouuucoa') like ?");
            params.add("%" + folded.replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("select count(*) from agenda_event e" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(Math.max(1, size));
        pageParams.add((long) Math.max(0, page) * Math.max(1, size));
        List<EventRow> items = jdbc.sql(SELECT + where
                        + " order by (e.status = 'PENDING') desc, case when e.status = 'PENDING' then e.created_at end, e.starts_at desc, e.id desc"
                        + " limit ? offset ?")
                .params(pageParams).query(AgendaListing::row).list();
        return new RowPage(items, total, Math.max(0, page), Math.max(1, size));
    }

    /** How many proposals wait for staff. */
    public long countPending() {
        return jdbc.sql("select count(*) from agenda_event where status = 'PENDING'").query(Long.class).single();
    }

    /**
     * The events a person proposed, or that a structure they belong to organises, every status:
     * upcoming ones first (soonest first), then past ones (latest first).
     */
    public List<EventRow> organisedBy(long personId) {
        return jdbc.sql(SELECT + """
                 where e.proposed_by = ? or exists (select 1 from agenda_event_organisation g
                   join organisation_member m on m.organisation_id = g.organisation_id
                   where g.event_id = e.id and m.person_id = ?)
                 order by (e.ends_at >= now()) desc,
                          case when e.ends_at >= now() then e.starts_at end asc,
                          e.starts_at desc, e.id desc
                 limit 500""")
                .params(personId, personId).query(AgendaListing::row).list();
    }

    private static EventRow row(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), EventType.valueOf(rs.getString("type")),
                EventStatus.valueOf(rs.getString("status")), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getBoolean("all_day"), rs.getString("repeat_frequency") != null, rs.getString("city"),
                EventFormat.valueOf(rs.getString("format")), rs.getString("moderation_message"), rs.getString("organisations"),
                (Long) rs.getObject("proposed_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
