package fr.maillage.agenda;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.agenda.AgendaException.Problem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training catalogue: modules (objectives, prerequisites, duration, audience, trainer,
 * themes) that staff write, and their sessions, which are events of type TRAINING of the agenda
 * with the module's id ({@link #createSession} creates one through {@link Agenda#create}, so
 * that it gets its occurrences, registration and feeds like any event). Bad input is refused with
 * an {@link AgendaException} naming each field ({@code agenda.training.error.*}), nothing saved.
 */
@Service
@Transactional(readOnly = true)
public class TrainingModules {

    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 600;
    static final int TEXT_MAX = 20_000;
    static final int SHORT_MAX = 300;
    static final BigDecimal DURATION_MIN = new BigDecimal("0.5");
    static final BigDecimal DURATION_MAX = new BigDecimal("999");

    private static final String SELECT = """
            select m.id, m.slug, m.title, m.summary, m.objectives, m.prerequisites, m.duration_hours, m.audience, m.trainer,
                   m.active, m.version, m.created_at, m.updated_at,
                   array(select t.theme_code from agenda_training_module_theme t where t.module_id = m.id order by t.theme_code) as themes
            from agenda_training_module m""";

    private final JdbcClient jdbc;
    private final Reference reference;
    private final Agenda agenda;
    private final StaffActions staffActions;
    private final EventValidator validator;

    TrainingModules(JdbcClient jdbc, Reference reference, Agenda agenda, StaffActions staffActions, EventValidator validator) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.agenda = agenda;
        this.staffActions = staffActions;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ reading

    public Optional<TrainingModule> find(String slug) {
        return jdbc.sql(SELECT + " where m.slug = ?").param(slug).query(TrainingModules::module).optional();
    }

    public Optional<TrainingModule> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(TrainingModules::module).optional();
    }

    /**
     * The catalogue: modules with one of {@code themes} (all when empty), the active ones only
     * unless {@code withInactive}; those with a session planned first (soonest first), then by title.
     */
    public List<TrainingModuleSummary> catalogue(Collection<String> themes, boolean withInactive, Instant now) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        params.add(at);
        params.add(at);
        params.add(at);
        if (!withInactive) {
            where.append(" and m.active");
        }
        if (themes != null && !themes.isEmpty()) {
            where.append(" and exists (select 1 from agenda_training_module_theme t where t.module_id = m.id and t.theme_code in (")
                    .append(String.join(", ", java.util.Collections.nCopies(themes.size(), "?"))).append("))");
            params.addAll(themes);
        }
        return jdbc.sql("""
                select m.id, m.slug, m.title, m.summary, m.duration_hours, m.audience, m.trainer, m.active,
                       array(select t.theme_code from agenda_training_module_theme t where t.module_id = m.id order by t.theme_code) as themes,
                       n.starts_at as next_at, n.slug as next_slug,
                       (select count(*) from agenda_event e where e.training_module_id = m.id and e.status = 'PUBLISHED' and e.ends_at > ?) as upcoming,
                       (select count(*) from agenda_event e where e.training_module_id = m.id and e.status = 'PUBLISHED' and e.ends_at <= ?) as past
                from agenda_training_module m
                left join lateral (select e.slug, e.starts_at from agenda_event e
                                   where e.training_module_id = m.id and e.status = 'PUBLISHED' and e.starts_at > ?
                                   order by e.starts_at limit 1) n on true
                """ + where + " order by n.starts_at nulls last, lower(m.title)")
                .params(params)
                .query((rs, n) -> new TrainingModuleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("summary"), rs.getBigDecimal("duration_hours"), rs.getString("audience"), rs.getString("trainer"),
                        strings(rs.getArray("themes")), rs.getBoolean("active"), instant(rs.getTimestamp("next_at")),
                        rs.getString("next_slug"), rs.getInt("upcoming"), rs.getInt("past")))
                .list();
    }

    /** The module's sessions that anyone may see (published or cancelled), in date order. */
    public List<TrainingSession> sessions(long moduleId) {
        return jdbc.sql("""
                select e.id, e.slug, e.title, e.starts_at, e.ends_at, e.all_day, e.local_start, e.local_end, e.format, e.venue_name,
                       e.city, e.departement, e.status, e.registration_mode, e.capacity,
                       (select count(*) from agenda_registration r where r.event_id = e.id and r.status = 'CONFIRMED') as confirmed
                from agenda_event e
                where e.training_module_id = ? and e.status in ('PUBLISHED', 'CANCELLED')
                order by e.starts_at, e.id""")
                .param(moduleId)
                .query((rs, n) -> {
                    LocalDateTime ls = rs.getTimestamp("local_start").toLocalDateTime();
                    LocalDateTime le = rs.getTimestamp("local_end").toLocalDateTime();
                    return new TrainingSession(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("all_day"),
                            ls.toLocalDate(), le.toLocalDate(), EventFormat.valueOf(rs.getString("format")), rs.getString("venue_name"),
                            rs.getString("city"), rs.getString("departement"), EventStatus.valueOf(rs.getString("status")),
                            RegistrationMode.valueOf(rs.getString("registration_mode")), (Integer) rs.getObject("capacity"),
                            rs.getInt("confirmed"));
                })
                .list();
    }

    // ------------------------------------------------------------------ writing (staff)

    @Transactional
    public long create(TrainingModuleData data, CurrentPerson staff) {
        requireStaff(staff);
        TrainingModuleData d = check(data);
        String slug = uniqueSlug(d.title(), null);
        long id = jdbc.sql("""
                insert into agenda_training_module (slug, title, summary, objectives, prerequisites, duration_hours, audience, trainer, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(slug, d.title(), d.summary(), d.objectives(), d.prerequisites(), d.durationHours(), d.audience(), d.trainer(), d.active())
                .query(Long.class).single();
        writeThemes(id, d.themes());
        staffActions.record(staff, "agenda.training.create", "training-module", id, d.title());
        return id;
    }

    /** Changes a module; fails with {@code agenda.training.error.concurrent} when someone saved it since {@code version} was read. */
    @Transactional
    public void update(long id, int version, TrainingModuleData data, CurrentPerson staff) {
        requireStaff(staff);
        TrainingModuleData d = check(data);
        TrainingModule current = find(id).orElseThrow(() -> new TrainingModuleNotFoundException("#" + id));
        String slug = current.title().equals(d.title()) ? current.slug() : uniqueSlug(d.title(), id);
        int changed = jdbc.sql("""
                update agenda_training_module set slug = ?, title = ?, summary = ?, objectives = ?, prerequisites = ?, duration_hours = ?,
                       audience = ?, trainer = ?, active = ?, updated_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(slug, d.title(), d.summary(), d.objectives(), d.prerequisites(), d.durationHours(), d.audience(), d.trainer(),
                        d.active(), id, version)
                .update();
        if (changed == 0) {
            throw new AgendaException(null, "agenda.training.error.concurrent");
        }
        jdbc.sql("delete from agenda_training_module_theme where module_id = ?").param(id).update();
        writeThemes(id, d.themes());
        staffActions.record(staff, "agenda.training.update", "training-module", id, d.title());
    }

    /** Deletes a module that never had a session; one with sessions is deactivated instead (its history stays). */
    @Transactional
    public void delete(long id, CurrentPerson staff) {
        requireStaff(staff);
        TrainingModule m = find(id).orElseThrow(() -> new TrainingModuleNotFoundException("#" + id));
        long sessions = jdbc.sql("select count(*) from agenda_event where training_module_id = ?").param(id).query(Long.class).single();
        if (sessions > 0) {
            throw new AgendaException(null, "agenda.training.error.has-sessions", sessions);
        }
        jdbc.sql("delete from agenda_training_module where id = ?").param(id).update();
        staffActions.record(staff, "agenda.training.delete", "training-module", id, m.title());
    }

    /**
     * Creates a session of the module: a published TRAINING event through {@link Agenda#create},
     * titled, described and themed as the module, with open registration (the given capacity, a
     * waiting list, the deadline). Problems name the request's fields ({@code day}, {@code start},
     * {@code end}, {@code lastDay}, {@code city}, {@code postalCode}, {@code onlineUrl},
     * {@code capacity}, {@code deadline}, {@code place}). Returns the event's id.
     */
    @Transactional
    public long createSession(long moduleId, SessionRequest r, CurrentPerson staff) {
        requireStaff(staff);
        TrainingModule m = find(moduleId).orElseThrow(() -> new TrainingModuleNotFoundException("#" + moduleId));
        List<Problem> problems = basicSessionProblems(r);
        if (!problems.isEmpty()) {
            throw new AgendaException(problems);
        }
        try {
            return agenda.create(sessionData(m, r), staff);
        } catch (AgendaException e) {
            throw new AgendaException(e.problems().stream().map(p -> new Problem(sessionField(p.field()), p.messageKey(), p.args())).toList());
        }
    }

    /** Every problem of a session request (empty when {@link #createSession} would accept it), for forms. */
    public List<Problem> sessionProblems(long moduleId, SessionRequest r) {
        TrainingModule m = find(moduleId).orElseThrow(() -> new TrainingModuleNotFoundException("#" + moduleId));
        List<Problem> problems = new ArrayList<>(basicSessionProblems(r));
        if (r.day() != null && r.start() != null && r.end() != null) {
            validator.problems(sessionData(m, r)).stream()
                    .map(p -> new Problem(sessionField(p.field()), p.messageKey(), p.args()))
                    .filter(p -> problems.stream().noneMatch(q -> java.util.Objects.equals(q.field(), p.field())))
                    .forEach(problems::add);
        }
        return problems;
    }

    private static List<Problem> basicSessionProblems(SessionRequest r) {
        List<Problem> problems = new ArrayList<>();
        if (r.day() == null) {
            problems.add(new Problem("day", "agenda.training.error.day", List.of()));
        }
        if (r.start() == null) {
            problems.add(new Problem("start", "agenda.training.error.start", List.of()));
        }
        if (r.end() == null) {
            problems.add(new Problem("end", "agenda.training.error.end", List.of()));
        }
        boolean venue = venue(r);
        if (!venue && !notBlank(r.onlineUrl())) {
            problems.add(new Problem("place", "agenda.training.error.place", List.of()));
        }
        if (venue && !notBlank(r.city())) {
            problems.add(new Problem("city", "agenda.error.required", List.of()));
        }
        if (r.capacity() != null && r.capacity() < 0) {
            problems.add(new Problem("capacity", "agenda.error.capacity-negative", List.of()));
        }
        return problems;
    }

    private static boolean venue(SessionRequest r) {
        return notBlank(r.city()) || notBlank(r.venueName()) || notBlank(r.street()) || notBlank(r.postalCode());
    }

    /** The event of a session: the module's title, description (objectives, prerequisites) and themes, open registration. */
    private static EventData sessionData(TrainingModule m, SessionRequest r) {
        LocalDateTime start = r.day().atTime(r.start());
        LocalDateTime end = (r.lastDay() == null ? r.day() : r.lastDay()).atTime(r.end());
        boolean venue = venue(r);
        boolean online = notBlank(r.onlineUrl());
        EventFormat format = venue && online ? EventFormat.HYBRID : online ? EventFormat.ONLINE : EventFormat.IN_PERSON;
        StringBuilder description = new StringBuilder(m.objectives());
        if (m.prerequisites() != null) {
            description.append("\n\n").append(m.prerequisites());
        }
        return new EventData(EventType.TRAINING, m.title(), m.summary(), description.toString(), false, start, end, null,
                format, r.venueName(), r.street(), r.postalCode(), r.city(), null, null, r.onlineUrl(), List.of(), Set.copyOf(m.themes()),
                Set.of(), m.audience(), true, null, null, List.of(), m.id(),
                new EventData.RegistrationSettings(RegistrationMode.OPEN, null, r.deadline(), r.capacity(), true, true), List.of(), List.of());
    }

    /** The session form's field for a field of the event. */
    private static String sessionField(String eventField) {
        if (eventField == null) {
            return null;
        }
        return switch (eventField) {
            case "start" -> "day";
            case "end" -> "end";
            case "registration.capacity" -> "capacity";
            case "registration.deadline" -> "deadline";
            case "venueName", "street", "postalCode", "city", "onlineUrl" -> eventField;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ helpers

    /** The data stripped, or every problem at once. */
    TrainingModuleData check(TrainingModuleData d) {
        List<Problem> p = problems(d);
        if (!p.isEmpty()) {
            throw new AgendaException(p);
        }
        return new TrainingModuleData(d.title().strip(), Agenda.blankToNull(d.summary()), d.objectives().strip(),
                Agenda.blankToNull(d.prerequisites()), d.durationHours(), Agenda.blankToNull(d.audience()),
                Agenda.blankToNull(d.trainer()), new TreeSet<>(d.themes()), d.active());
    }

    /** Every problem of a module's data (empty when it may be saved), for forms that show them all at once. */
    public List<Problem> problems(TrainingModuleData d) {
        List<Problem> p = new ArrayList<>();
        EventValidator.text(p, "title", d.title(), TITLE_MAX, true);
        EventValidator.text(p, "summary", d.summary(), SUMMARY_MAX, false);
        EventValidator.text(p, "objectives", d.objectives(), TEXT_MAX, true);
        EventValidator.text(p, "prerequisites", d.prerequisites(), TEXT_MAX, false);
        EventValidator.text(p, "audience", d.audience(), SHORT_MAX, false);
        EventValidator.text(p, "trainer", d.trainer(), SHORT_MAX, false);
        if (d.durationHours() != null
                && (d.durationHours().compareTo(DURATION_MIN) < 0 || d.durationHours().compareTo(DURATION_MAX) > 0)) {
            p.add(new Problem("durationHours", "agenda.training.error.duration", List.of(DURATION_MAX.intValue())));
        } else if (d.durationHours() != null && d.durationHours().stripTrailingZeros().scale() > 1) {
            p.add(new Problem("durationHours", "agenda.training.error.duration-step", List.of()));
        }
        for (String theme : d.themes()) {
            if (!reference.exists(RefList.THEMES, theme)) {
                p.add(new Problem("themes", "agenda.error.theme", List.of(theme)));
            }
        }
        return p;
    }

    private void writeThemes(long id, Set<String> themes) {
        for (String t : new TreeSet<>(themes)) {
            jdbc.sql("insert into agenda_training_module_theme (module_id, theme_code) values (?, ?)").params(id, t).update();
        }
    }

    private String uniqueSlug(String title, Long except) {
        String base = Slugs.slug(title);
        if (base.isBlank()) {
            base = "formation";
        }
        if (base.length() > 170) {
            base = base.substring(0, 170).replaceAll("-+$", "");
        }
        String slug = base;
        for (int i = 2; taken(slug, except); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private boolean taken(String slug, Long except) {
        return jdbc.sql("select count(*) from agenda_training_module where slug = ? and id <> ?")
                .params(slug, except == null ? -1L : except).query(Long.class).single() > 0;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private static TrainingModule module(ResultSet rs, int n) throws SQLException {
        return new TrainingModule(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
                rs.getString("objectives"), rs.getString("prerequisites"), rs.getBigDecimal("duration_hours"), rs.getString("audience"),
                rs.getString("trainer"), strings(rs.getArray("themes")), rs.getBoolean("active"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
