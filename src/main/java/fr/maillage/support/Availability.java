package fr.maillage.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Dates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's availability: each staff member's presentation, weekly rules and exceptions (edited
 * by that staff member, with every bad input refused as a {@link SupportException}), and the free
 * slots computed from them ({@link SlotCalculator}) minus the appointments already booked. Only
 * people who have the staff role now offer slots.
 */
@Service
@Transactional(readOnly = true)
public class Availability {

    static final int MAX_RULES = 40;
    static final int MAX_EXCEPTION_DAYS = 366;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+\\.[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

    /** A saved exception; {@code bookedInside}: appointments already booked while the staff member is now away. */
    public record SavedException(long id, int bookedInside) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SupportProperties properties;
    private final StaffActions staffActions;
    private final Clock clock;

    Availability(JdbcClient jdbc, Accounts accounts, SupportProperties properties, StaffActions staffActions,
                 ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.staffActions = staffActions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), SlotCalculator.PARIS);
    }

    public SupportProperties properties() {
        return properties;
    }

    // ------------------------------------------------------------------ the team

    /** The staff members (staff role now), with their presentation, by name. */
    public List<StaffMember> team() {
        Map<Long, String[]> profiles = profiles();
        List<StaffMember> out = new ArrayList<>();
        for (PersonSummary p : accounts.staff()) {
            String[] profile = profiles.get(p.id());
            out.add(new StaffMember(p.id(), profile != null ? profile[0] : p.displayName(), profile != null ? profile[1] : null, p.email()));
        }
        out.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        return out;
    }

    /** A staff member's presentation (their account's name until they set one). */
    public StaffMember profile(CurrentPerson me) {
        Map<Long, String[]> profiles = profiles();
        String[] p = profiles.get(me.personId());
        return new StaffMember(me.personId(), p != null ? p[0] : me.displayName(), p != null ? p[1] : null, me.email());
    }

    @Transactional
    public void saveProfile(CurrentPerson me, String displayName, String roleLine) {
        requireStaff(me);
        List<SupportException.Problem> problems = new ArrayList<>();
        String name = clean(displayName);
        String role = clean(roleLine);
        if (name == null) {
            problems.add(new SupportException.Problem("displayName", "support.error.required"));
        } else if (name.length() > 120) {
            problems.add(new SupportException.Problem("displayName", "support.error.too-long", 120));
        }
        if (role != null && role.length() > 160) {
            problems.add(new SupportException.Problem("roleLine", "support.error.too-long", 160));
        }
        if (!problems.isEmpty()) {
            throw new SupportException(problems);
        }
        jdbc.sql("""
                insert into support_staff_profile (person_id, display_name, role_line) values (?, ?, ?)
                on conflict (person_id) do update set display_name = excluded.display_name, role_line = excluded.role_line, updated_at = now()""")
                .params(me.personId(), name, role).update();
    }

    /** Creates the presentation from the account's name when the staff member has none yet. */
    @Transactional
    void ensureProfile(long staffId, String fallbackName) {
        String name = accounts.find(staffId).map(PersonSummary::displayName).orElse(fallbackName);
        jdbc.sql("insert into support_staff_profile (person_id, display_name) values (?, ?) on conflict (person_id) do nothing")
                .params(staffId, name == null || name.isBlank() ? "—" : truncate(name.strip(), 120)).update();
    }

    private Map<Long, String[]> profiles() {
        Map<Long, String[]> out = new LinkedHashMap<>();
        jdbc.sql("select person_id, display_name, role_line from support_staff_profile")
                .query((rs, n) -> out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        return out;
    }

    // ------------------------------------------------------------------ weekly rules

    public List<AvailabilityRule> rulesOf(long staffId) {
        return jdbc.sql("select * from support_availability_rule where staff_id = ? order by weekday, start_time, id")
                .param(staffId).query(Availability::rule).list();
    }

    public Optional<AvailabilityRule> rule(long id) {
        return jdbc.sql("select * from support_availability_rule where id = ?").param(id).query(Availability::rule).optional();
    }

    /** Adds a rule ({@code rule.id()} null) or changes one of the staff member's own; returns its id. */
    @Transactional
    public long saveRule(AvailabilityRule rule, CurrentPerson me) {
        requireStaff(me);
        if (rule.staffId() != me.personId()) {
            throw new AccessDeniedException("Seul le membre de l’équipe concerné modifie ses disponibilités");
        }
        if (rule.id() != null && rule(rule.id()).filter(r -> r.staffId() == me.personId()).isEmpty()) {
            throw new AccessDeniedException("Ce créneau n’est pas le vôtre");
        }
        List<SupportException.Problem> problems = new ArrayList<>();
        if (rule.weekday() == null) {
            problems.add(new SupportException.Problem("weekday", "support.error.weekday"));
        }
        checkRange(problems, rule.start(), rule.end(), rule.slotMinutes());
        checkWhere(problems, rule.mode(), rule.place(), rule.videoUrl());
        if (rule.validFrom() != null && rule.validUntil() != null && rule.validUntil().isBefore(rule.validFrom())) {
            problems.add(new SupportException.Problem("validUntil", "support.error.valid-until-before"));
        } else if (rule.validUntil() != null && rule.validUntil().isBefore(today())) {
            problems.add(new SupportException.Problem("validUntil", "support.error.valid-until-past"));
        }
        if (problems.isEmpty()) {
            List<AvailabilityRule> others = rulesOf(me.personId()).stream().filter(r -> !r.id().equals(rule.id())).toList();
            if (rule.id() == null && others.size() >= MAX_RULES) {
                problems.add(new SupportException.Problem(null, "support.error.too-many-rules", MAX_RULES));
            }
            for (AvailabilityRule other : others) {
                if (other.weekday() == rule.weekday() && other.start().isBefore(rule.end()) && rule.start().isBefore(other.end())
                        && periodsOverlap(other.validFrom(), other.validUntil(), rule.validFrom(), rule.validUntil())) {
                    problems.add(new SupportException.Problem("startTime", "support.error.rule-overlap", other.weekday(), other.start(), other.end()));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SupportException(problems);
        }
        ensureProfile(me.personId(), me.displayName());
        long id;
        if (rule.id() == null) {
            id = jdbc.sql("""
                    insert into support_availability_rule (staff_id, weekday, start_time, end_time, slot_minutes, mode, place, video_url, valid_from, valid_until)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(me.personId(), rule.weekday().getValue(), rule.start(), rule.end(), rule.slotMinutes(), rule.mode().name(),
                            placeFor(rule.mode(), rule.place()), videoFor(rule.mode(), rule.videoUrl()), rule.validFrom(), rule.validUntil())
                    .query(Long.class).single();
        } else {
            id = rule.id();
            jdbc.sql("""
                    update support_availability_rule set weekday = ?, start_time = ?, end_time = ?, slot_minutes = ?, mode = ?, place = ?,
                    video_url = ?, valid_from = ?, valid_until = ?, updated_at = now() where id = ?""")
                    .params(rule.weekday().getValue(), rule.start(), rule.end(), rule.slotMinutes(), rule.mode().name(),
                            placeFor(rule.mode(), rule.place()), videoFor(rule.mode(), rule.videoUrl()), rule.validFrom(), rule.validUntil(), id)
                    .update();
        }
        staffActions.record(me, "support.availability", "support_rule", id, describe(rule));
        return id;
    }

    @Transactional
    public void deleteRule(long id, CurrentPerson me) {
        requireStaff(me);
        AvailabilityRule rule = rule(id).filter(r -> r.staffId() == me.personId())
                .orElseThrow(() -> new AccessDeniedException("Ce créneau n’est pas le vôtre"));
        jdbc.sql("delete from support_availability_rule where id = ?").param(id).update();
        staffActions.record(me, "support.availability.delete", "support_rule", id, describe(rule));
    }

    // ------------------------------------------------------------------ exceptions

    /** The staff member's exceptions that are not over yet, by first day. */
    public List<AvailabilityException> exceptionsOf(long staffId) {
        return jdbc.sql("select * from support_availability_exception where staff_id = ? and last_day >= ? order by first_day, start_time nulls first, id")
                .params(staffId, today()).query(Availability::exception).list();
    }

    @Transactional
    public SavedException addException(AvailabilityException e, CurrentPerson me) {
        requireStaff(me);
        if (e.staffId() != me.personId()) {
            throw new AccessDeniedException("Seul le membre de l’équipe concerné modifie ses disponibilités");
        }
        List<SupportException.Problem> problems = new ArrayList<>();
        LocalDate first = e.firstDay();
        LocalDate last = e.lastDay() == null ? first : e.lastDay();
        if (e.kind() == null) {
            problems.add(new SupportException.Problem("kind", "support.error.exception-kind"));
        }
        if (first == null) {
            problems.add(new SupportException.Problem("firstDay", "support.error.day"));
        } else if (last.isBefore(first)) {
            problems.add(new SupportException.Problem("lastDay", "support.error.last-day-before"));
        } else if (last.isBefore(today())) {
            problems.add(new SupportException.Problem("lastDay", "support.error.exception-past"));
        } else if (first.plusDays(MAX_EXCEPTION_DAYS).isBefore(last)) {
            problems.add(new SupportException.Problem("lastDay", "support.error.exception-too-long", MAX_EXCEPTION_DAYS));
        }
        if (e.kind() == AvailabilityException.Kind.OPEN) {
            if (first != null && !last.equals(first)) {
                problems.add(new SupportException.Problem("lastDay", "support.error.open-one-day"));
            }
            if (first != null && first.isBefore(today())) {
                problems.add(new SupportException.Problem("firstDay", "support.error.exception-past"));
            }
            checkRange(problems, e.start(), e.end(), e.slotMinutes() == null ? 0 : e.slotMinutes());
            checkWhere(problems, e.mode(), e.place(), e.videoUrl());
        } else if (e.start() != null || e.end() != null) {
            if (e.start() == null) {
                problems.add(new SupportException.Problem("startTime", "support.error.time-both"));
            } else if (e.end() == null) {
                problems.add(new SupportException.Problem("endTime", "support.error.time-both"));
            } else if (!e.end().isAfter(e.start())) {
                problems.add(new SupportException.Problem("endTime", "support.error.end-before-start"));
            }
        }
        String reason = clean(e.reason());
        if (reason != null && reason.length() > 300) {
            problems.add(new SupportException.Problem("reason", "support.error.too-long", 300));
        }
        if (problems.isEmpty() && e.kind() == AvailabilityException.Kind.OPEN) {
            for (AvailabilityRule r : rulesOf(me.personId())) {
                if (r.inForceOn(first) && r.start().isBefore(e.end()) && e.start().isBefore(r.end())) {
                    problems.add(new SupportException.Problem("startTime", "support.error.open-overlap", r.weekday(), r.start(), r.end()));
                    break;
                }
            }
            for (AvailabilityException o : exceptionsOf(me.personId())) {
                if (o.kind() == AvailabilityException.Kind.OPEN && o.covers(first) && o.start().isBefore(e.end()) && e.start().isBefore(o.end())) {
                    problems.add(new SupportException.Problem("startTime", "support.error.open-overlap-open", o.start(), o.end()));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SupportException(problems);
        }
        ensureProfile(me.personId(), me.displayName());
        boolean open = e.kind() == AvailabilityException.Kind.OPEN;
        long id = jdbc.sql("""
                insert into support_availability_exception (staff_id, kind, first_day, last_day, start_time, end_time, slot_minutes, mode, place, video_url, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(me.personId(), e.kind().name(), first, last, e.start(), e.end(), open ? e.slotMinutes() : null,
                        open ? e.mode().name() : null, open ? placeFor(e.mode(), e.place()) : null, open ? videoFor(e.mode(), e.videoUrl()) : null, reason)
                .query(Long.class).single();
        staffActions.record(me, open ? "support.opening" : "support.closing", "support_exception", id,
                first + (last.equals(first) ? "" : " → " + last) + (e.start() == null ? "" : " " + e.start() + "–" + e.end()));
        int inside = 0;
        if (!open) {
            inside = bookedDuring(me.personId(), first, last, e.start(), e.end()).size();
        }
        return new SavedException(id, inside);
    }

    @Transactional
    public void deleteException(long id, CurrentPerson me) {
        requireStaff(me);
        AvailabilityException e = jdbc.sql("select * from support_availability_exception where id = ?").param(id)
                .query(Availability::exception).optional().filter(x -> x.staffId() == me.personId())
                .orElseThrow(() -> new AccessDeniedException("Cette exception n’est pas la vôtre"));
        jdbc.sql("delete from support_availability_exception where id = ?").param(id).update();
        staffActions.record(me, "support.exception.delete", "support_exception", id, e.kind() + " " + e.firstDay());
    }

    /** Ids of the staff member's booked appointments during these days (and hours, when given). */
    List<Long> bookedDuring(long staffId, LocalDate first, LocalDate last, LocalTime start, LocalTime end) {
        return jdbc.sql("""
                select id, local_start, local_end from support_appointment
                where staff_id = ? and status = 'BOOKED' and local_start < ? and local_end > ? and starts_at > now()""")
                .params(staffId, last.plusDays(1).atStartOfDay(), first.atStartOfDay())
                .query((rs, n) -> {
                    LocalDateTime s = rs.getObject("local_start", LocalDateTime.class);
                    LocalDateTime e = rs.getObject("local_end", LocalDateTime.class);
                    if (start == null) {
                        return rs.getLong("id");
                    }
                    LocalDateTime from = s.toLocalDate().atTime(start);
                    LocalDateTime to = s.toLocalDate().atTime(end);
                    return from.isBefore(e) && s.isBefore(to) ? rs.getLong("id") : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------ slots

    /**
     * The free slots from now plus the minimum notice to the horizon, of one staff member (all
     * when null), that can be held {@code mode} (any when null).
     */
    public List<Slot> freeSlots(Long staffId, MeetingMode mode) {
        LocalDate today = today();
        return slots(staffId, today, today.plusDays(properties.horizonDays()), null, true).stream()
                .filter(s -> s.mode().allows(mode)).toList();
    }

    /** The same, leaving one appointment out of the busy times (the one being moved). */
    public List<Slot> freeSlotsForMove(long staffId, long appointmentId) {
        LocalDate today = today();
        return slots(staffId, today, today.plusDays(properties.horizonDays()), appointmentId, true);
    }

    /**
     * The slot of this staff member starting at {@code localStart}, when it is offered now (inside
     * the rules or an opening, not in an exception, far enough ahead, within the horizon);
     * {@code withBusy}: also free of other appointments ({@code ignore}: one left out).
     */
    Optional<Slot> offered(long staffId, LocalDateTime localStart, Long ignore, boolean withBusy) {
        LocalDate day = localStart.toLocalDate();
        LocalDate today = today();
        if (day.isBefore(today) || day.isAfter(today.plusDays(properties.horizonDays()))) {
            return Optional.empty();
        }
        return slots(staffId, day, day, ignore, withBusy).stream().filter(s -> s.localStart().equals(localStart)).findFirst();
    }

    private List<Slot> slots(Long staffId, LocalDate first, LocalDate last, Long ignore, boolean withBusy) {
        List<Long> staff = accounts.staff().stream().map(PersonSummary::id)
                .filter(id -> staffId == null || id.equals(staffId)).toList();
        if (staff.isEmpty()) {
            return List.of();
        }
        Long[] ids = staff.toArray(Long[]::new);
        List<AvailabilityRule> rules = jdbc.sql("select * from support_availability_rule where staff_id = any(:ids)"
                        + " and (valid_until is null or valid_until >= :first) and (valid_from is null or valid_from <= :last)")
                .param("ids", ids).param("first", first).param("last", last).query(Availability::rule).list();
        List<AvailabilityException> exceptions = jdbc.sql("select * from support_availability_exception where staff_id = any(:ids)"
                        + " and last_day >= :first and first_day <= :last")
                .param("ids", ids).param("first", first).param("last", last).query(Availability::exception).list();
        List<SlotCalculator.Busy> busy = withBusy ? jdbc.sql("""
                        select staff_id, starts_at, ends_at from support_appointment
                        where staff_id = any(:ids) and status <> 'CANCELLED' and ends_at > :from and starts_at < :to and id <> :ignore""")
                .param("ids", ids).param("from", utc(SlotCalculator.instant(first.atStartOfDay().minusDays(1))))
                .param("to", utc(SlotCalculator.instant(last.plusDays(2).atStartOfDay())))
                .param("ignore", ignore == null ? -1L : ignore)
                .query((rs, n) -> new SlotCalculator.Busy(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list() : List.of();
        return SlotCalculator.compute(rules, exceptions, busy, now().plus(properties.minNotice()), first, last);
    }

    // ------------------------------------------------------------------ checks and rows

    private static void checkRange(List<SupportException.Problem> problems, LocalTime start, LocalTime end, int minutes) {
        if (start == null) {
            problems.add(new SupportException.Problem("startTime", "support.error.start"));
        }
        if (end == null) {
            problems.add(new SupportException.Problem("endTime", "support.error.end"));
        }
        if (minutes < 10 || minutes > 480) {
            problems.add(new SupportException.Problem("slotMinutes", "support.error.slot-length"));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                problems.add(new SupportException.Problem("endTime", "support.error.end-before-start"));
            } else if (minutes >= 10 && minutes <= 480 && Duration.between(start, end).toMinutes() < minutes) {
                problems.add(new SupportException.Problem("slotMinutes", "support.error.slot-too-long", minutes, start, end));
            }
        }
    }

    private static void checkWhere(List<SupportException.Problem> problems, MeetingMode mode, String place, String videoUrl) {
        if (mode == null) {
            problems.add(new SupportException.Problem("mode", "support.error.mode"));
            return;
        }
        String p = clean(place);
        String v = clean(videoUrl);
        if (mode.needsPlace()) {
            if (p == null) {
                problems.add(new SupportException.Problem("place", "support.error.place"));
            } else if (p.length() > 300) {
                problems.add(new SupportException.Problem("place", "support.error.too-long", 300));
            }
        }
        if (mode.needsVideoUrl()) {
            if (v == null) {
                problems.add(new SupportException.Problem("videoUrl", "support.error.video-url"));
            } else if (v.length() > 500 || !URL.matcher(v).matches()) {
                problems.add(new SupportException.Problem("videoUrl", "support.error.url"));
            }
        }
    }

    private static boolean periodsOverlap(LocalDate aFrom, LocalDate aUntil, LocalDate bFrom, LocalDate bUntil) {
        return (aUntil == null || bFrom == null || !bFrom.isAfter(aUntil)) && (bUntil == null || aFrom == null || !aFrom.isAfter(bUntil));
    }

    private static String placeFor(MeetingMode mode, String place) {
        return mode.needsPlace() ? clean(place) : null;
    }

    private static String videoFor(MeetingMode mode, String url) {
        return mode.needsVideoUrl() ? clean(url) : null;
    }

    private static String describe(AvailabilityRule r) {
        return Dates.weekday(r.weekday(), Locale.FRENCH) + " " + Dates.timeRange(r.start(), r.end(), Locale.FRENCH)
                + " (" + r.slotMinutes() + " min, " + r.mode() + ")";
    }

    static void requireStaff(CurrentPerson me) {
        if (me == null || !me.isStaff()) {
            throw new AccessDeniedException("Réservé à l’équipe du réseau");
        }
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static AvailabilityRule rule(ResultSet rs, int n) throws SQLException {
        return new AvailabilityRule(rs.getLong("id"), rs.getLong("staff_id"), DayOfWeek.of(rs.getInt("weekday")),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class), rs.getInt("slot_minutes"),
                MeetingMode.valueOf(rs.getString("mode")), rs.getString("place"), rs.getString("video_url"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));
    }

    static AvailabilityException exception(ResultSet rs, int n) throws SQLException {
        String mode = rs.getString("mode");
        int minutes = rs.getInt("slot_minutes");
        Integer slotMinutes = rs.wasNull() ? null : minutes;
        return new AvailabilityException(rs.getLong("id"), rs.getLong("staff_id"), AvailabilityException.Kind.valueOf(rs.getString("kind")),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                slotMinutes,
                mode == null ? null : MeetingMode.valueOf(mode), rs.getString("place"), rs.getString("video_url"), rs.getString("reason"));
    }
}
