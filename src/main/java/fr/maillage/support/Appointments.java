package fr.maillage.support;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.accounts.PersonDeleted;
import fr.maillage.agenda.Participation;
import fr.maillage.agenda.Participations;
import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.directory.OrganisationsMerged;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Dates;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments with the team: booking a free slot for one of one's structures, cancelling and
 * moving (by the person through their link, or by staff), the team's private notes and next
 * steps, the outcome (held, missed), and the support history of a structure.
 * <p>
 * Two people never get the same slot: a booking or a move takes a transaction lock on the staff
 * member ({@code pg_advisory_xact_lock}), checks again that the slot is offered (inside a rule or
 * an opening, not in an exception, far enough ahead) and free, then inserts; the partial unique
 * index {@code support_appointment_slot} is the last guard. The loser of a race gets a
 * {@link SlotTakenException} and nothing is saved.
 */
@Service
@Transactional(readOnly = true)
public class Appointments {

    static final int MAX_MESSAGE = 2000;
    static final int MAX_NOTES = 20_000;
    static final int MAX_REASON = 1000;
    static final int PAGE_SIZE = 30;
    /** Namespace of the per-staff advisory locks ("SU"). */
    private static final int LOCK_NAMESPACE = 0x5355;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a person asks for: a slot (its key), a subject, one of their structures, a message, and the mode when the slot offers both. */
    public record Booking(String slotKey, Subject subject, Long organisationId, String message, MeetingMode mode) {
    }

    /** A filter of the staff list: one staff member (null: the whole team), upcoming or past, a status, a structure. */
    public record Query(Long staffId, boolean past, AppointmentStatus status, Long organisationId) {
    }

    public record Page(List<Appointment> items, long total, int page, int totalPages) {
    }

    private static final String SELECT = """
            select a.id, a.token, a.uid, a.sequence, a.staff_id, coalesce(p.display_name, '—') as staff_name, p.role_line as staff_role,
                   a.person_id, a.person_name, a.person_email, a.locale, a.organisation_id, a.organisation_name, a.subject, a.message,
                   a.mode, a.place, a.video_url, a.local_start, a.local_end, a.starts_at, a.ends_at, a.status, a.cancelled_by,
                   a.cancel_reason, a.cancelled_at, (a.notes is not null or a.next_steps is not null) as notes_written, a.created_at
            from support_appointment a left join support_staff_profile p on p.person_id = a.staff_id
            """;

    private final JdbcClient jdbc;
    private final Availability availability;
    private final Directory directory;
    private final Participations participations;
    private final AppointmentMails mails;
    private final StaffActions staffActions;

    Appointments(JdbcClient jdbc, Availability availability, Directory directory, Participations participations,
                 AppointmentMails mails, StaffActions staffActions) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.directory = directory;
        this.participations = participations;
        this.mails = mails;
        this.staffActions = staffActions;
    }

    // ------------------------------------------------------------------ reading

    public Optional<Appointment> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Appointments::row).optional();
    }

    public Optional<Appointment> byToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where a.token = ?").param(token).query(Appointments::row).optional();
    }

    /** The structures a person may book for: theirs, unless refused or merged. */
    public List<MyStructure> bookableStructures(long personId) {
        return directory.structuresOf(personId).stream()
                .filter(s -> s.status() != OrganisationStatus.REFUSED && s.status() != OrganisationStatus.MERGED).toList();
    }

    /** A person's appointments to come (booked, not over), soonest first. */
    public List<Appointment> upcomingOf(long personId) {
        return jdbc.sql(SELECT + " where a.person_id = ? and a.status = 'BOOKED' and a.ends_at > ? order by a.starts_at")
                .params(personId, Availability.utc(availability.now())).query(Appointments::row).list();
    }

    /** The staff list, 30 a page: upcoming soonest first, past latest first. */
    public Page list(Query q, int page) {
        StringBuilder where = new StringBuilder(q.past() ? " where a.starts_at < :now" : " where a.ends_at > :now");
        if (q.staffId() != null) {
            where.append(" and a.staff_id = :staff");
        }
        if (q.status() != null) {
            where.append(" and a.status = :status");
        }
        if (q.organisationId() != null) {
            where.append(" and a.organisation_id = :org");
        }
        var count = jdbc.sql("select count(*) from support_appointment a" + where);
        var select = jdbc.sql(SELECT + where + (q.past() ? " order by a.starts_at desc, a.id desc" : " order by a.starts_at, a.id")
                + " offset :offset limit :limit");
        OffsetDateTime now = Availability.utc(availability.now());
        count = count.param("now", now);
        select = select.param("now", now);
        if (q.staffId() != null) {
            count = count.param("staff", q.staffId());
            select = select.param("staff", q.staffId());
        }
        if (q.status() != null) {
            count = count.param("status", q.status().name());
            select = select.param("status", q.status().name());
        }
        if (q.organisationId() != null) {
            count = count.param("org", q.organisationId());
            select = select.param("org", q.organisationId());
        }
        long total = count.query(Long.class).single();
        int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, Math.max(0, pages - 1)));
        List<Appointment> items = select.param("offset", p * PAGE_SIZE).param("limit", PAGE_SIZE).query(Appointments::row).list();
        return new Page(items, total, p, pages);
    }

    /** Appointments (not cancelled) of the team this week, Monday to Sunday, Paris time. */
    public long countThisWeek() {
        LocalDate monday = availability.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return jdbc.sql("select count(*) from support_appointment where status <> 'CANCELLED' and local_start >= ? and local_start < ?")
                .params(monday.atStartOfDay(), monday.plusWeeks(1).atStartOfDay()).query(Long.class).single();
    }

    /** Past appointments still BOOKED: staff should mark them and write the follow-up. */
    public long countAwaitingFollowUp() {
        return jdbc.sql("select count(*) from support_appointment where status = 'BOOKED' and starts_at < ?")
                .param(Availability.utc(availability.now())).query(Long.class).single();
    }

    // ------------------------------------------------------------------ booking

    /** What a booking would be, once checked: the slot, the mode, the structure. */
    public record Preview(Slot slot, MeetingMode mode, OrganisationRef organisation) {
    }

    /** Checks a booking without making it (the "check and confirm" step): the same problems as {@link #book}. */
    public Preview check(Booking b, CurrentPerson me) {
        return prepare(b, me, false);
    }

    /** Books a slot for {@code me}; both get an e-mail with an invitation. */
    @Transactional
    public Appointment book(Booking b, CurrentPerson me) {
        Preview p = prepare(b, me, true);
        Slot slot = p.slot();
        MeetingMode mode = p.mode();
        OrganisationRef organisation = p.organisation();
        String message = Availability.clean(b.message());
        availability.ensureProfile(slot.staffId(), null);
        long id;
        try {
            id = jdbc.sql("""
                    insert into support_appointment (token, uid, staff_id, person_id, person_name, person_email, locale, organisation_id,
                        organisation_name, subject, message, mode, place, video_url, local_start, local_end, starts_at, ends_at, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED') returning id""")
                    .params(token(), uid(), slot.staffId(), me.personId(), Availability.truncate(nonBlank(me.displayName(), me.email()), 200),
                            me.email(), language(), organisation.id(),
                            Availability.truncate(organisation.displayName(), 300), b.subject().name(), message, mode.name(),
                            mode == MeetingMode.IN_PERSON ? slot.place() : null, mode == MeetingMode.VIDEO ? slot.videoUrl() : null,
                            slot.localStart(), slot.localEnd(), Availability.utc(slot.startsAt()), Availability.utc(slot.endsAt()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new SlotTakenException();
        }
        Appointment a = find(id).orElseThrow();
        mails.booked(a);
        return a;
    }

    private Preview prepare(Booking b, CurrentPerson me, boolean lock) {
        if (me == null) {
            throw new AccessDeniedException("Connexion requise");
        }
        List<SupportException.Problem> problems = new ArrayList<>();
        if (b.subject() == null) {
            problems.add(new SupportException.Problem("subject", "support.error.subject"));
        }
        OrganisationRef organisation = null;
        if (b.organisationId() == null) {
            problems.add(new SupportException.Problem("organisationId", "support.error.structure"));
        } else if (bookableStructures(me.personId()).stream().noneMatch(s -> s.id() == b.organisationId())) {
            problems.add(new SupportException.Problem("organisationId", "support.error.structure-not-yours"));
        } else {
            organisation = directory.ref(b.organisationId()).orElse(null);
        }
        String message = Availability.clean(b.message());
        if (message != null && message.length() > MAX_MESSAGE) {
            problems.add(new SupportException.Problem("message", "support.error.too-long", MAX_MESSAGE));
        }
        Slot.Ref ref = Slot.parseKey(b.slotKey());
        if (ref == null) {
            problems.add(new SupportException.Problem("slot", "support.error.slot"));
        } else if (ref.staffId() == me.personId()) {
            problems.add(new SupportException.Problem("slot", "support.error.own-slot"));
        }
        if (!problems.isEmpty()) {
            throw new SupportException(problems);
        }
        if (lock) {
            lockStaff(ref.staffId());
        }
        Slot slot = freeSlot(ref, null);
        MeetingMode mode = chosenMode(slot, b.mode(), null);
        long upcoming = jdbc.sql("select count(*) from support_appointment where person_id = ? and status = 'BOOKED' and ends_at > ?")
                .params(me.personId(), Availability.utc(availability.now())).query(Long.class).single();
        if (upcoming >= availability.properties().maxUpcoming()) {
            throw new SupportException(null, "support.error.max-upcoming", availability.properties().maxUpcoming());
        }
        personFree(me.personId(), slot, null);
        return new Preview(slot, mode, organisation);
    }

    // ------------------------------------------------------------------ cancel and move

    /** The person cancels through their link. */
    @Transactional
    public Appointment cancelByPerson(String token, String reason) {
        Appointment a = lockByToken(token);
        return cancel(a, reason, false, null);
    }

    @Transactional
    public Appointment cancelByStaff(long id, String reason, CurrentPerson staff) {
        Availability.requireStaff(staff);
        Appointment a = lock(id);
        Appointment done = cancel(a, reason, true, staff);
        staffActions.record(staff, "support.cancel", "support_appointment", id,
                a.personName() + ", " + a.organisationName() + " – " + Dates.dateTime(a.localStart(), Locale.FRENCH));
        return done;
    }

    /** The person moves it to another free slot of the same staff member. */
    @Transactional
    public Appointment moveByPerson(String token, String slotKey, MeetingMode mode) {
        Appointment a = lockByToken(token);
        return move(a, slotKey, mode, false);
    }

    @Transactional
    public Appointment moveByStaff(long id, String slotKey, MeetingMode mode, CurrentPerson staff) {
        Availability.requireStaff(staff);
        Appointment a = lock(id);
        Appointment moved = move(a, slotKey, mode, true);
        staffActions.record(staff, "support.move", "support_appointment", id, Dates.dateTime(a.localStart(), Locale.FRENCH) + " → " + Dates.dateTime(moved.localStart(), Locale.FRENCH));
        return moved;
    }

    private Appointment cancel(Appointment a, String reason, boolean byStaff, CurrentPerson staff) {
        if (!a.isChangeable(availability.now())) {
            throw new SupportException(null, a.isCancelled() ? "support.error.already-cancelled" : "support.error.not-changeable");
        }
        String r = Availability.clean(reason);
        if (r != null && r.length() > MAX_REASON) {
            throw new SupportException("reason", "support.error.too-long", MAX_REASON);
        }
        jdbc.sql("""
                update support_appointment set status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?, cancelled_at = now(),
                sequence = sequence + 1, updated_at = now() where id = ?""")
                .params(byStaff ? "STAFF" : "PERSON", r, a.id()).update();
        Appointment cancelled = find(a.id()).orElseThrow();
        mails.cancelled(cancelled, byStaff, r);
        return cancelled;
    }

    private Appointment move(Appointment a, String slotKey, MeetingMode wanted, boolean byStaff) {
        if (!a.isChangeable(availability.now())) {
            throw new SupportException(null, a.isCancelled() ? "support.error.already-cancelled" : "support.error.not-changeable");
        }
        Slot.Ref ref = Slot.parseKey(slotKey);
        if (ref == null || ref.staffId() != a.staff().personId()) {
            throw new SupportException("slot", "support.error.slot");
        }
        if (ref.localStart().equals(a.localStart())) {
            throw new SupportException("slot", "support.error.same-slot");
        }
        lockStaff(ref.staffId());
        Slot slot = freeSlot(ref, a.id());
        // when moving, the mode chosen matters only for a slot offered both ways
        MeetingMode mode = chosenMode(slot, slot.mode() == MeetingMode.BOTH ? wanted : null, a.mode());
        personFree(a.personId(), slot, a.id());
        try {
            jdbc.sql("""
                    update support_appointment set local_start = ?, local_end = ?, starts_at = ?, ends_at = ?, mode = ?, place = ?, video_url = ?,
                    sequence = sequence + 1, reminder_sent_at = null, updated_at = now() where id = ? and status = 'BOOKED'""")
                    .params(slot.localStart(), slot.localEnd(), Availability.utc(slot.startsAt()), Availability.utc(slot.endsAt()), mode.name(),
                            mode == MeetingMode.IN_PERSON ? slot.place() : null, mode == MeetingMode.VIDEO ? slot.videoUrl() : null, a.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new SlotTakenException();
        }
        Appointment moved = find(a.id()).orElseThrow();
        mails.moved(a, moved, byStaff);
        return moved;
    }

    /** The slot, checked again under the staff lock: offered now, and free. */
    private Slot freeSlot(Slot.Ref ref, Long ignore) {
        Slot offered = availability.offered(ref.staffId(), ref.localStart(), ignore, false)
                .orElseThrow(() -> new SupportException("slot", "support.error.slot-gone"));
        if (availability.offered(ref.staffId(), ref.localStart(), ignore, true).isEmpty()) {
            throw new SlotTakenException();
        }
        return offered;
    }

    private static MeetingMode chosenMode(Slot slot, MeetingMode wanted, MeetingMode current) {
        if (slot.mode() == MeetingMode.BOTH) {
            MeetingMode m = wanted != null && wanted != MeetingMode.BOTH ? wanted : current;
            if (m == null) {
                throw new SupportException("mode", "support.error.mode-choose");
            }
            return m;
        }
        if (wanted != null && wanted != MeetingMode.BOTH && wanted != slot.mode()) {
            throw new SupportException("mode", "support.error.mode-not-offered." + slot.mode());
        }
        return slot.mode();
    }

    private void personFree(long personId, Slot slot, Long ignore) {
        long clash = jdbc.sql("""
                select count(*) from support_appointment where person_id = ? and status = 'BOOKED' and starts_at < ? and ends_at > ? and id <> ?""")
                .params(personId, Availability.utc(slot.endsAt()), Availability.utc(slot.startsAt()), ignore == null ? -1L : ignore)
                .query(Long.class).single();
        if (clash > 0) {
            throw new SupportException("slot", "support.error.person-busy");
        }
    }

    private void lockStaff(long staffId) {
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(?, ?)) l").params(LOCK_NAMESPACE, (int) staffId).query(Long.class).single();
    }

    private Appointment lock(long id) {
        jdbc.sql("select id from support_appointment where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(AppointmentNotFoundException::new);
        return find(id).orElseThrow(AppointmentNotFoundException::new);
    }

    private Appointment lockByToken(String token) {
        Appointment a = byToken(token).orElseThrow(AppointmentNotFoundException::new);
        return lock(a.id());
    }

    // ------------------------------------------------------------------ the team's follow-up

    /** The private notes and next steps: staff only. */
    public StaffNotes notes(long id, CurrentPerson staff) {
        Availability.requireStaff(staff);
        return jdbc.sql("""
                select a.notes, a.next_steps, a.notes_updated_at, coalesce(p.display_name, '—') as by_name, a.notes_version
                from support_appointment a left join support_staff_profile p on p.person_id = a.notes_updated_by where a.id = ?""")
                .param(id)
                .query((rs, n) -> new StaffNotes(rs.getString(1), rs.getString(2), instant(rs, "notes_updated_at"),
                        rs.getTimestamp("notes_updated_at") == null ? null : rs.getString("by_name"), rs.getInt("notes_version")))
                .optional().orElseThrow(AppointmentNotFoundException::new);
    }

    /** Saves the notes and next steps ({@code version}: as read; someone else's save in between is refused). */
    @Transactional
    public void writeNotes(long id, int version, String notes, String nextSteps, CurrentPerson staff) {
        Availability.requireStaff(staff);
        find(id).orElseThrow(AppointmentNotFoundException::new);
        List<SupportException.Problem> problems = new ArrayList<>();
        String n = Availability.clean(notes);
        String s = Availability.clean(nextSteps);
        if (n != null && n.length() > MAX_NOTES) {
            problems.add(new SupportException.Problem("notes", "support.error.too-long", MAX_NOTES));
        }
        if (s != null && s.length() > MAX_NOTES) {
            problems.add(new SupportException.Problem("nextSteps", "support.error.too-long", MAX_NOTES));
        }
        if (!problems.isEmpty()) {
            throw new SupportException(problems);
        }
        availability.ensureProfile(staff.personId(), staff.displayName());
        int updated = jdbc.sql("""
                update support_appointment set notes = ?, next_steps = ?, notes_updated_at = now(), notes_updated_by = ?,
                notes_version = notes_version + 1 where id = ? and notes_version = ?""")
                .params(n, s, staff.personId(), id, version).update();
        if (updated == 0) {
            throw new SupportException(null, "support.error.notes-concurrent");
        }
        // the journal says who wrote, never what
        staffActions.record(staff, "support.notes", "support_appointment", id, null);
    }

    /** Marks a started appointment held ({@code DONE}) or missed ({@code NO_SHOW}). */
    @Transactional
    public void markOutcome(long id, AppointmentStatus outcome, CurrentPerson staff) {
        Availability.requireStaff(staff);
        if (outcome != AppointmentStatus.DONE && outcome != AppointmentStatus.NO_SHOW) {
            throw new SupportException("status", "support.error.outcome");
        }
        Appointment a = lock(id);
        if (a.isCancelled()) {
            throw new SupportException(null, "support.error.already-cancelled");
        }
        if (!a.hasStarted(availability.now())) {
            throw new SupportException(null, "support.error.not-started");
        }
        jdbc.sql("update support_appointment set status = ?, updated_at = now() where id = ?").params(outcome.name(), id).update();
        staffActions.record(staff, outcome == AppointmentStatus.DONE ? "support.done" : "support.no-show", "support_appointment", id,
                a.personName() + ", " + a.organisationName());
    }

    // ------------------------------------------------------------------ support history

    /**
     * A structure's support history for staff, newest first: its appointments (with their next
     * steps) and its people's registrations to trainings and events (cancelled and expired
     * registrations left out).
     */
    public List<HistoryEntry> history(long organisationId, CurrentPerson staff) {
        Availability.requireStaff(staff);
        List<HistoryEntry> out = new ArrayList<>();
        jdbc.sql("""
                select a.id, a.starts_at, a.subject, a.status, a.next_steps, a.person_name, coalesce(p.display_name, '—') as staff_name
                from support_appointment a left join support_staff_profile p on p.person_id = a.staff_id
                where a.organisation_id = ?""")
                .param(organisationId)
                .query((rs, n) -> out.add(new HistoryEntry(HistoryEntry.Kind.APPOINTMENT, instant(rs, "starts_at"), rs.getString("subject"),
                        rs.getString("staff_name") + " · " + rs.getString("person_name"), rs.getString("status"), null,
                        rs.getString("next_steps"), "/admin/rendez-vous/" + rs.getLong("id"))))
                .list();
        for (Participation p : participations.ofOrganisation(organisationId)) {
            if ("CANCELLED".equals(p.status()) || "EXPIRED".equals(p.status())) {
                continue;
            }
            boolean training = p.trainingModuleTitle() != null;
            out.add(new HistoryEntry(training ? HistoryEntry.Kind.TRAINING : HistoryEntry.Kind.EVENT, p.startsAt(), p.eventTitle(),
                    p.personName() + (training && !p.trainingModuleTitle().equals(p.eventTitle()) ? " · " + p.trainingModuleTitle() : ""),
                    p.status(), p.attended(), null, "/agenda/" + p.eventSlug()));
        }
        out.sort(Comparator.comparing(HistoryEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    // ------------------------------------------------------------------ other modules' events

    /** A merged duplicate's appointments move to the structure kept. */
    @EventListener
    @Transactional
    public void on(OrganisationsMerged event) {
        jdbc.sql("update support_appointment set organisation_id = ? where organisation_id = ?").params(event.keptId(), event.removedId()).update();
    }

    /**
     * A person deletes their account: their upcoming appointments are cancelled (the staff member
     * is told), then their name, address and messages are no longer kept. A staff member's
     * availability goes with their account, and the people they were to meet are told.
     */
    @EventListener
    @Transactional
    public void on(PersonDeleted event) {
        long id = event.personId();
        Instant now = availability.now();
        for (Appointment a : jdbc.sql(SELECT + " where a.person_id = ? and a.status = 'BOOKED' and a.starts_at > ?")
                .params(id, Availability.utc(now)).query(Appointments::row).list()) {
            jdbc.sql("update support_appointment set status = 'CANCELLED', cancelled_by = 'PERSON', cancelled_at = now(), sequence = sequence + 1 where id = ?")
                    .param(a.id()).update();
            mails.cancelled(find(a.id()).orElseThrow(), false, null, false, true);
        }
        jdbc.sql("update support_appointment set person_name = '—', person_email = '—', message = null, cancel_reason = null where person_id = ?")
                .param(id).update();
        for (Appointment a : jdbc.sql(SELECT + " where a.staff_id = ? and a.status = 'BOOKED' and a.starts_at > ?")
                .params(id, Availability.utc(now)).query(Appointments::row).list()) {
            jdbc.sql("update support_appointment set status = 'CANCELLED', cancelled_by = 'STAFF', cancelled_at = now(), sequence = sequence + 1 where id = ?")
                    .param(a.id()).update();
            mails.cancelled(find(a.id()).orElseThrow(), true, null, true, false);
        }
        jdbc.sql("delete from support_availability_rule where staff_id = ?").param(id).update();
        jdbc.sql("delete from support_availability_exception where staff_id = ?").param(id).update();
    }

    // ------------------------------------------------------------------ rows

    static Appointment row(ResultSet rs, int n) throws SQLException {
        long orgId = rs.getLong("organisation_id");
        Long organisationId = rs.wasNull() ? null : orgId;
        return new Appointment(rs.getLong("id"), rs.getString("token"), rs.getString("uid"), rs.getInt("sequence"),
                new StaffMember(rs.getLong("staff_id"), rs.getString("staff_name"), rs.getString("staff_role"), null),
                rs.getLong("person_id"), rs.getString("person_name"), rs.getString("person_email"), Locale.forLanguageTag(rs.getString("locale")),
                organisationId, rs.getString("organisation_name"), Subject.valueOf(rs.getString("subject")), rs.getString("message"),
                MeetingMode.valueOf(rs.getString("mode")), rs.getString("place"), rs.getString("video_url"),
                rs.getObject("local_start", LocalDateTime.class), rs.getObject("local_end", LocalDateTime.class),
                instant(rs, "starts_at"), instant(rs, "ends_at"), AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("cancelled_by"), rs.getString("cancel_reason"), instant(rs, "cancelled_at"), rs.getBoolean("notes_written"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private String uid() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "rendez-vous-" + HexFormat.of().formatHex(b) + "@" + mails.host();
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The language of the page the person books from (French outside a request). */
    private static String language() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
    }

    private static String nonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a.strip();
    }
}
