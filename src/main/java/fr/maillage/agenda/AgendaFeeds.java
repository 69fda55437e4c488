package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the calendar feeds read ({@code /agenda.ics}, a structure's feed, the Atom feed): the
 * occurrences of public events matching a query, over a bounded period and in a bounded number,
 * handed one by one to the writer as the database returns them. One SQL query on the
 * materialised occurrences (the same filters as {@link AgendaSearch}), with the themes of each
 * event aggregated in it: no lookup per event, so a feed over 10,000 events costs one range scan.
 *
 * <p>Bounds: without {@code du}/{@code au}, a feed covers from {@value #PAST_MONTHS} months ago to
 * {@value #FUTURE_MONTHS} months ahead; it holds at most {@value #MAX_ENTRIES} occurrences, the
 * next ones first, then the most recent past ones (calendar programs order them by date).
 */
@Service
public class AgendaFeeds {

    /** A feed starts this many months back, unless the URL says otherwise ({@code du}). */
    public static final int PAST_MONTHS = 3;
    /** A feed ends this many months ahead, unless the URL says otherwise ({@code au}). */
    public static final int FUTURE_MONTHS = 18;
    /** At most this many occurrences in one feed. */
    public static final int MAX_ENTRIES = 1_000;

    private final JdbcClient jdbc;

    AgendaFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the agenda last changed and how many events it holds: what a feed's ETag and Last-Modified derive from. */
    public record Stamp(Instant lastModified, long events) {
    }

    /** One cheap query: the latest change of any event, and the number of events (a deletion changes it). */
    public Stamp stamp() {
        return jdbc.sql("select (select max(updated_at) from agenda_event), (select count(*) from agenda_event)")
                .query((rs, n) -> new Stamp(rs.getTimestamp(1) == null ? Instant.EPOCH : rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .single();
    }

    /**
     * The query over what is still to come, for the Atom feed and the widget: from today (or the
     * first day given, if later) to the last day given, or {@value #FUTURE_MONTHS} months ahead.
     * Its {@code from} may come after its {@code to} (a period over): nothing to show.
     */
    public static AgendaQuery upcoming(AgendaQuery q, LocalDate today) {
        LocalDate from = q.from() != null && q.from().isAfter(today) ? q.from() : today;
        LocalDate to = q.to() != null ? q.to() : today.plusMonths(FUTURE_MONTHS);
        return q.between(from, to);
    }

    /** The query with the feeds' default period where the URL gives none. */
    public static AgendaQuery window(AgendaQuery q, LocalDate today) {
        LocalDate from = q.from() != null ? q.from() : today.minusMonths(PAST_MONTHS);
        LocalDate to = q.to() != null ? q.to() : today.plusMonths(FUTURE_MONTHS);
        return q.between(from, to);
    }

    /**
     * Hands the occurrences matching {@code q} (its period as given: see {@link #window}) to
     * {@code each}, at most {@code limit} (capped at {@value #MAX_ENTRIES}): those not over at
     * {@code now} first in start order, then the past ones, latest first. Returns how many.
     */
    public int each(AgendaQuery q, Instant now, int limit, Consumer<FeedEntry> each) {
        AgendaSearch.Sql sql = AgendaSearch.where(q);
        int max = Math.max(0, Math.min(limit, MAX_ENTRIES));
        Timestamp at = Timestamp.from(now);
        // Two index-ordered halves, the next occurrences then the past ones backwards, so that the
        // database reads only the rows it hands out: an occurrence not over has started at most
        // the longest occurrence ago, which bounds the index range of the first half. The themes
        // are aggregated for the rows kept only.
        String query = "select x.*, (select string_agg(t.theme_code, ',' order by t.theme_code) from agenda_event_theme t"
                + " where t.event_id = x.id) as themes from ("
                + "(" + SELECT + sql.where() + " and o.ends_at >= ? and o.starts_at > ? order by o.starts_at, e.id limit ?)"
                + " union all "
                + "(" + SELECT + sql.where() + " and o.ends_at < ? order by o.starts_at desc, e.id limit ?)"
                + " limit ?) x";
        List<Object> params = new ArrayList<>(sql.params());
        params.add(at);
        params.add(Timestamp.from(now.minus(EventValidator.LONGEST).minus(Duration.ofDays(1))));
        params.add(max);
        params.addAll(sql.params());
        params.add(at);
        params.add(max);
        params.add(max);
        int[] count = {0};
        jdbc.sql(query).params(params).query((ResultSet rs) -> {
            each.accept(entry(rs));
            count[0]++;
        });
        return count[0];
    }

    /** The occurrences matching {@code q} in start order, at most {@code limit}, for pages (the Atom feed, the widget). */
    public List<FeedEntry> list(AgendaQuery q, int limit) {
        AgendaSearch.Sql sql = AgendaSearch.where(q);
        String query = "select x.*, (select string_agg(t.theme_code, ',' order by t.theme_code) from agenda_event_theme t"
                + " where t.event_id = x.id) as themes from (" + SELECT + sql.where() + " order by o.starts_at, e.id limit ?) x";
        List<Object> params = new ArrayList<>(sql.params());
        params.add(Math.max(0, Math.min(limit, MAX_ENTRIES)));
        return jdbc.sql(query).params(params).query((rs, n) -> entry(rs)).list();
    }

    private static final String SELECT = """
            select e.id, e.slug, e.type, e.title, e.summary, o.starts_at, o.ends_at, o.start_day, o.end_day, e.all_day,
                   e.time_zone, e.format, e.venue_name, e.street, e.postal_code, e.city, e.departement, e.latitude, e.longitude,
                   e.status, e.repeat_frequency, e.updated_at, e.version
            from agenda_occurrence o join agenda_event e on e.id = o.event_id
            """;

    private static ZoneId zone(String id) {
        return id == null || id.equals("Europe/Paris") ? AgendaSearch.PARIS : ZoneId.of(id);
    }

    private static FeedEntry entry(ResultSet rs) throws SQLException {
        String themes = rs.getString("themes");
        return new FeedEntry(rs.getLong("id"), rs.getString("slug"), EventType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getString("summary"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getDate("start_day").toLocalDate(), rs.getDate("end_day").toLocalDate(), rs.getBoolean("all_day"),
                zone(rs.getString("time_zone")), EventFormat.valueOf(rs.getString("format")),
                rs.getString("venue_name"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("departement"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                "CANCELLED".equals(rs.getString("status")), rs.getString("repeat_frequency") != null,
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                themes == null ? List.of() : List.of(themes.split(",")));
    }
}
