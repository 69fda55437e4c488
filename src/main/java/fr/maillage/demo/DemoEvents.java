package fr.maillage.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventValidator;
import fr.maillage.agenda.Occurrence;
import fr.maillage.agenda.Recurrence;
import fr.maillage.agenda.TrainingModuleData;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Slugs;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;

/**
 * Loads a synthetic agenda (see {@link DemoEventGenerator}) with PostgreSQL {@code COPY}: events,
 * their organisers, themes, countries, exceptions, programme sessions and questions, and their
 * occurrences computed by the agenda's own {@link Recurrence} exactly as the agenda writes them;
 * plus the four modules of the demo training catalogue. Every generated event passes the agenda's
 * {@link EventValidator}. Demo events carry {@code proposed_by = }{@value DemoData#DEMO_CREATOR}.
 * Idempotent: {@link #ensure} only adds what is missing to reach the number asked, under the demo
 * loader's advisory lock. 10,000 events load in a few seconds.
 */
@Service
public class DemoEvents {

    private static final long LOCK_KEY = 0x4d61696c6c616765L; // the same lock as the structures and projects
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String EVENT_COLUMNS = "id, slug, type, title, summary, description, time_zone, all_day, local_start, local_end, "
            + "starts_at, ends_at, repeat_frequency, repeat_interval, repeat_until, repeat_count, format, venue_name, street, postal_code, "
            + "city, departement, latitude, longitude, online_url, audience, free, price, accessibility, report, training_module_id, "
            + "registration_mode, registration_url, registration_deadline, capacity, waiting_list, ask_structure, status, "
            + "moderation_message, proposed_by, created_at, updated_at, published_at, version";

    private final DataSource dataSource;
    private final Reference reference;
    private final EventValidator validator;

    public DemoEvents(DataSource dataSource, Reference reference, EventValidator validator) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.validator = validator;
    }

    /** The number of demo events. */
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from agenda_event where proposed_by = " + DemoData.DEMO_CREATOR)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de compter les événements de démonstration", e);
        }
    }

    /**
     * Makes the agenda hold at least {@code target} demo events from a year ago to eighteen
     * months ahead, in the home region's départements, organised by the published demo
     * structures when there are some; generates the missing ones from {@code seed}.
     */
    public DemoData.LoadResult ensure(int target, long seed, String homeRegion) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                long before;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from agenda_event where proposed_by = " + DemoData.DEMO_CREATOR)) {
                    rs.next();
                    before = rs.getLong(1);
                }
                if (target <= before) {
                    c.commit();
                    return new DemoData.LoadResult(before, 0, Duration.ofNanos(System.nanoTime() - start));
                }
                Map<String, Long> modules = modules(c);
                DemoEventGenerator generator = new DemoEventGenerator(seed, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        homeCommunes(homeRegion), organisers(c), modules);
                long inserted = insert(c, generator, before, target);
                c.commit();
                // fresh statistics after a bulk load: without them PostgreSQL plans the month view's
                // range scan as if the occurrences were a few hundred (autovacuum catches up later)
                try (Statement s = c.createStatement()) {
                    s.execute("analyze agenda_event, agenda_occurrence, agenda_event_theme, agenda_event_country, agenda_event_organisation");
                }
                c.commit();
                return new DemoData.LoadResult(before, inserted, Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Chargement des événements de démonstration impossible", e);
        }
    }

    /** Deletes the demo events (with everything attached, registrations included) and the demo modules left without sessions. */
    public int remove() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int removed = s.executeUpdate("delete from agenda_event where proposed_by = " + DemoData.DEMO_CREATOR);
            try (PreparedStatement ps = c.prepareStatement("""
                    delete from agenda_training_module m where m.slug = ?
                    and not exists (select 1 from agenda_event e where e.training_module_id = m.id)""")) {
                for (DemoEventGenerator.Module module : DemoEventGenerator.MODULES) {
                    ps.setString(1, Slugs.slug(module.data().title()));
                    ps.executeUpdate();
                }
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("Suppression des événements de démonstration impossible", e);
        }
    }

    // ------------------------------------------------------------------ what the events refer to

    /** The demo catalogue's modules, created when missing (found by their slug); their ids by key. */
    private static Map<String, Long> modules(Connection c) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (DemoEventGenerator.Module m : DemoEventGenerator.MODULES) {
            TrainingModuleData d = m.data();
            String slug = Slugs.slug(d.title());
            Long id = null;
            try (PreparedStatement ps = c.prepareStatement("select id from agenda_training_module where slug = ?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into agenda_training_module (slug, title, summary, objectives, prerequisites, duration_hours, audience, trainer, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                    ps.setString(1, slug);
                    ps.setString(2, d.title());
                    ps.setString(3, d.summary());
                    ps.setString(4, d.objectives());
                    ps.setString(5, d.prerequisites());
                    ps.setBigDecimal(6, d.durationHours());
                    ps.setString(7, d.audience());
                    ps.setString(8, d.trainer());
                    ps.setBoolean(9, d.active());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into agenda_training_module_theme (module_id, theme_code) values (?, ?)")) {
                    for (String theme : d.themes()) {
                        ps.setLong(1, id);
                        ps.setString(2, theme);
                        ps.executeUpdate();
                    }
                }
            }
            ids.put(m.key(), id);
        }
        return ids;
    }

    /** The communes of the shipped list in the home region (all of them if none is). */
    private List<DemoGenerator.Commune> homeCommunes(String homeRegion) {
        Set<String> departements = new HashSet<>();
        for (RefItem d : reference.list(RefList.DEPARTEMENTS)) {
            if (homeRegion.equals(d.parent())) {
                departements.add(d.code());
            }
        }
        List<DemoGenerator.Commune> all = DemoGenerator.loadCommunes();
        List<DemoGenerator.Commune> home = all.stream().filter(c -> departements.contains(c.departement())).toList();
        return home.isEmpty() ? all : home;
    }

    /** The published demo structures with a postal code, their themes and countries. */
    private static List<DemoEventGenerator.Organiser> organisers(Connection c) throws SQLException {
        List<DemoEventGenerator.Organiser> out = new ArrayList<>();
        String sql = """
                select o.id, o.name, o.postal_code, o.city, o.departement, o.latitude, o.longitude,
                  array(select theme_code from organisation_theme t where t.organisation_id = o.id order by theme_code) as themes,
                  array(select country_code from organisation_country x where x.organisation_id = o.id order by position) as countries
                from organisation o where o.created_by = %d and o.status = 'PUBLISHED' and o.postal_code is not null
                order by o.id limit 20000""".formatted(DemoData.DEMO_CREATOR);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(new DemoEventGenerator.Organiser(rs.getLong("id"), rs.getString("name"), rs.getString("postal_code"),
                            rs.getString("city"), rs.getString("departement"), (Double) rs.getObject("latitude"),
                            (Double) rs.getObject("longitude"), List.of(strings(rs.getArray("themes"))), List.of(strings(rs.getArray("countries")))));
                }
            }
        }
        return out;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    // ------------------------------------------------------------------ writing

    /** Generates events number 0, 1, 2... (skipping those outside the period), and copies those after the first {@code before}. */
    private long insert(Connection c, DemoEventGenerator generator, long before, int target) throws SQLException {
        Set<String> slugs = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select slug from agenda_event")) {
            while (rs.next()) {
                slugs.add(rs.getString(1));
            }
        }
        Map<String, Integer> nextSuffix = new HashMap<>();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long kept = 0;
        long inserted = 0;
        long n = 0;
        List<DemoEventGenerator.DemoEvent> batch = new ArrayList<>();
        while (kept < target) {
            DemoEventGenerator.DemoEvent e = generator.event(n++);
            if (e == null) {
                continue;
            }
            if (kept++ < before) {
                continue;
            }
            List<AgendaException.Problem> problems = validator.problems(e.data());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Événement de démonstration invalide « " + e.data().title() + " » : " + problems);
            }
            batch.add(e);
            if (batch.size() == DemoData.BATCH) {
                inserted += copyBatch(c, copy, batch, slugs, nextSuffix);
                batch.clear();
            }
        }
        inserted += copyBatch(c, copy, batch, slugs, nextSuffix);
        return inserted;
    }

    private int copyBatch(Connection c, CopyManager copy, List<DemoEventGenerator.DemoEvent> batch, Set<String> slugs,
                          Map<String, Integer> nextSuffix) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Long> ids = nextIds(c, "agenda_event", batch.size());
        int sessionCount = batch.stream().mapToInt(e -> e.data().sessions().size()).sum();
        int questionCount = batch.stream().mapToInt(e -> e.data().questions().size()).sum();
        List<Long> sessionIds = nextIds(c, "agenda_session", sessionCount);
        List<Long> questionIds = nextIds(c, "agenda_question", questionCount);
        int nextSession = 0;
        int nextQuestion = 0;
        DemoData.Rows events = new DemoData.Rows();
        DemoData.Rows organisers = new DemoData.Rows();
        DemoData.Rows themes = new DemoData.Rows();
        DemoData.Rows countries = new DemoData.Rows();
        DemoData.Rows exceptions = new DemoData.Rows();
        DemoData.Rows sessions = new DemoData.Rows();
        DemoData.Rows questions = new DemoData.Rows();
        DemoData.Rows occurrences = new DemoData.Rows();
        for (int i = 0; i < batch.size(); i++) {
            DemoEventGenerator.DemoEvent e = batch.get(i);
            EventData d = e.data();
            long id = ids.get(i);
            String base = Slugs.slug(d.title());
            if (base.length() > 150) {
                base = base.substring(0, 150).replaceAll("-+$", "");
            }
            String slug = DemoData.uniqueSlug((base.isEmpty() ? "evenement" : base) + "-" + d.start().toLocalDate(), slugs, nextSuffix);
            // as Agenda writes them: wall-clock times, occurrences from Recurrence, the span of the occurrences
            List<Occurrence> occ = Recurrence.expand(d, PARIS);
            LocalDateTime localStart = d.allDay() ? d.start().toLocalDate().atStartOfDay() : d.start();
            LocalDateTime localEnd = d.allDay() ? d.end().toLocalDate().atStartOfDay() : d.end();
            String departement = d.postalCode() == null ? null : reference.departementForPostalCode(d.postalCode()).orElse(null);
            EventData.Repeat r = d.repeats() ? d.repeat() : null;
            EventData.RegistrationSettings reg = d.registration();
            Instant deadline = reg.deadline() == null || !reg.mode().onSite() ? null : ZonedDateTime.of(reg.deadline(), PARIS).toInstant();
            Instant published = e.status() == fr.maillage.agenda.EventStatus.PUBLISHED || e.status() == fr.maillage.agenda.EventStatus.CANCELLED
                    ? e.createdAt() : null;
            events.row(id, slug, d.type().name(), d.title(), d.summary(), d.description(), "Europe/Paris", d.allDay(), localStart, localEnd,
                    occ.get(0).startsAt(), occ.get(occ.size() - 1).endsAt(), r == null ? null : r.frequency().name(),
                    r == null ? 1 : r.interval(), r == null ? null : r.until(), r == null ? null : r.count(), d.format().name(),
                    d.format().hasVenue() ? d.venueName() : null, d.format().hasVenue() ? d.street() : null,
                    d.format().hasVenue() ? d.postalCode() : null, d.format().hasVenue() ? d.city() : null, departement,
                    d.format().hasVenue() ? d.latitude() : null, d.format().hasVenue() ? d.longitude() : null,
                    d.format().hasLink() ? d.onlineUrl() : null, d.audience(), d.free(), d.free() ? null : d.price(), d.accessibility(),
                    e.report(), d.trainingModuleId(), reg.mode().name(), reg.url(), deadline, reg.mode().onSite() ? reg.capacity() : null,
                    reg.waitingList(), reg.askStructure(), e.status().name(), e.moderationMessage(), DemoData.DEMO_CREATOR,
                    e.createdAt(), e.createdAt(), published, 0);
            for (int k = 0; k < d.organisationIds().size(); k++) {
                organisers.row(id, k, d.organisationIds().get(k));
            }
            d.themes().forEach(t -> themes.row(id, t));
            d.countries().forEach(x -> countries.row(id, x));
            if (r != null) {
                r.exceptions().forEach(day -> exceptions.row(id, day));
            }
            for (int k = 0; k < d.sessions().size(); k++) {
                EventData.SessionData s = d.sessions().get(k);
                sessions.row(sessionIds.get(nextSession++), id, k, s.title(), s.description(), s.start(), s.end(), s.room(), s.speakers(),
                        s.capacity());
            }
            for (int k = 0; k < d.questions().size(); k++) {
                EventData.QuestionData q = d.questions().get(k);
                questions.row(questionIds.get(nextQuestion++), id, k, q.label(), q.kind().name(), q.choices(), q.required());
            }
            for (Occurrence o : occ) {
                occurrences.row(id, o.startsAt(), o.endsAt(), o.startDay(), o.endDay());
            }
        }
        events.copy(copy, "agenda_event (" + EVENT_COLUMNS + ")");
        organisers.copy(copy, "agenda_event_organisation (event_id, position, organisation_id)");
        themes.copy(copy, "agenda_event_theme (event_id, theme_code)");
        countries.copy(copy, "agenda_event_country (event_id, country_code)");
        exceptions.copy(copy, "agenda_event_exception (event_id, day)");
        sessions.copy(copy, "agenda_session (id, event_id, position, title, description, local_start, local_end, room, speakers, capacity)");
        questions.copy(copy, "agenda_question (id, event_id, position, label, kind, choices, required)");
        occurrences.copy(copy, "agenda_occurrence (event_id, starts_at, ends_at, start_day, end_day)");
        return batch.size();
    }

    private static List<Long> nextIds(Connection c, String table, int n) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
