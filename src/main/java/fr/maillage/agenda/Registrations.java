package fr.maillage.agenda;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonDeleted;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.agenda.AgendaException.Problem;
import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations to events with on-site registration (modes OPEN and APPROVAL).
 *
 * <h2>Places</h2>
 * Every change of an event's registrations starts by locking the event's row
 * ({@code select ... for update}), then counts the places taken and decides: simultaneous
 * registrations queue on that lock, so the capacity is never exceeded. A place is taken by a
 * CONFIRMED registration, an OFFERED one (promoted from the waiting list, until it is confirmed
 * or the offer expires) and, on events with approval, a PENDING one: a request holds its place
 * while staff decide, so approving never exceeds the capacity and a refusal gives the place to
 * the next person waiting. A session's capacity counts the same registrations among those who
 * chose it.
 *
 * <h2>Full</h2>
 * A full event with a waiting list puts newcomers on it (WAITING, in order of arrival); without
 * a waiting list it refuses them. A newcomer never overtakes people already waiting. A full
 * <em>session</em> refuses the registration with a clear error (the person chooses another
 * workshop); people on the waiting list only wish for their sessions, which they get on
 * promotion if those still have room (full ones are dropped and the person is told).
 *
 * <h2>Promotion</h2>
 * When a place frees (a cancellation, a refusal, an expired offer, a capacity raised by an
 * edit), the first person waiting is promoted: on an open event the place is OFFERED until
 * {@code now + maillage.agenda.offer-time} (48 h), never beyond the deadline (or the start),
 * and the person confirms it through the link of the e-mail; not confirmed in time, it EXPIRES
 * ({@link #expireOffers(long, Instant)}, run by a job) and goes to the next one. On an event with
 * approval, the first person waiting becomes PENDING: staff decide. No promotion once the
 * deadline (or the start) has passed. Lowering the capacity by an edit never removes anyone:
 * the places above it are simply not given again.
 *
 * <h2>Rules</h2>
 * Registration is open for PUBLISHED events in mode OPEN or APPROVAL, before the deadline (or
 * the start); staff may still register someone after the deadline, until the event is over.
 * Required questions must be answered (staff registering someone may leave them), CHOICE answers be one of the choices; chosen sessions
 * belong to the event, have room and do not overlap. One live registration (PENDING,
 * CONFIRMED, WAITING, OFFERED) per e-mail address and event. Bad input throws an
 * {@link AgendaException} naming the field; nothing is written then.
 */
@Service
@Transactional(readOnly = true)
public class Registrations {

    static final String LIVE = "('PENDING', 'CONFIRMED', 'WAITING', 'OFFERED')";
    static final String HOLDING = "('PENDING', 'CONFIRMED', 'OFFERED')";
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 320;
    static final int ORGANISATION_NAME_MAX = 300;
    static final int ANSWER_MAX = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final String SELECT = """
            select r.*,
                   case when r.status = 'WAITING' then (select count(*) from agenda_registration w
                        where w.event_id = r.event_id and w.status = 'WAITING'
                          and (w.waiting_since, w.id) <= (r.waiting_since, r.id)) end as waiting_position
            from agenda_registration r
            """;

    private final JdbcClient jdbc;
    private final AgendaEventRepository events;
    private final Directory directory;
    private final Reference reference;
    private final Accounts accounts;
    private final RegistrationMails mails;
    private final EventCalendar calendar;
    private final StaffActions staffActions;
    private final RegistrationProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Registrations(JdbcClient jdbc, AgendaEventRepository events, Directory directory, Reference reference, Accounts accounts, RegistrationMails mails,
                  EventCalendar calendar, StaffActions staffActions, RegistrationProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.directory = directory;
        this.reference = reference;
        this.accounts = accounts;
        this.mails = mails;
        this.calendar = calendar;
        this.staffActions = staffActions;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    // ------------------------------------------------------------------ reading

    public Optional<RegistrationDetails> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::row).optional().map(this::withChoices);
    }

    /** The registration whose page this token opens (the link of the e-mails). */
    public Optional<RegistrationDetails> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where r.cancel_token = ?").param(token).query(this::row).optional().map(this::withChoices);
    }

    /** The person's live registration to the event (by account, or by their address when staff registered them), if any. */
    public Optional<RegistrationDetails> liveOf(long eventId, CurrentPerson me) {
        if (me == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where r.event_id = ? and (r.person_id = ? or lower(r.email) = lower(?)) and r.status in " + LIVE
                        + " order by r.id desc limit 1")
                .params(eventId, me.personId(), me.email()).query(this::row).optional().map(this::withChoices);
    }

    /** The person's latest registration to the event, live or not (to show "cancelled", "refused"...). */
    public Optional<RegistrationDetails> latestOf(long eventId, CurrentPerson me) {
        if (me == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where r.event_id = ? and (r.person_id = ? or lower(r.email) = lower(?)) order by r.id desc limit 1")
                .params(eventId, me.personId(), me.email()).query(this::row).optional().map(this::withChoices);
    }

    /**
     * Every registration of the event, in the order staff read them: confirmed, offered, pending,
     * the waiting list in its order, then cancelled, refused and expired ones; by name inside.
     */
    public List<RegistrationDetails> ofEvent(long eventId) {
        List<RegistrationDetails> rows = jdbc.sql(SELECT + """
                 where r.event_id = ?
                 order by case r.status when 'CONFIRMED' then 0 when 'OFFERED' then 1 when 'PENDING' then 2 when 'WAITING' then 3
                          when 'CANCELLED' then 4 when 'REFUSED' then 5 else 6 end,
                          case when r.status = 'WAITING' then r.waiting_since end, lower(r.full_name), r.id""")
                .param(eventId).query(this::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> sessions = new HashMap<>();
        jdbc.sql("""
                select s.registration_id, s.session_id from agenda_registration_session s
                join agenda_registration r on r.id = s.registration_id
                join agenda_session x on x.id = s.session_id
                where r.event_id = ? order by x.position""").param(eventId)
                .query(rs -> {
                    sessions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        jdbc.sql("""
                select a.registration_id, a.question_id, a.answer from agenda_registration_answer a
                join agenda_registration r on r.id = a.registration_id where r.event_id = ?""").param(eventId)
                .query(rs -> {
                    answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3));
                });
        return rows.stream().map(r -> with(r, sessions.getOrDefault(r.id(), List.of()), answers.getOrDefault(r.id(), Map.of()))).toList();
    }

    /** The places of the event now. */
    public EventPlaces places(long eventId) {
        return places(eventId, clock.instant());
    }

    EventPlaces places(long eventId, Instant now) {
        RegistrationEvent e = event(eventId);
        Map<RegistrationStatus, Integer> byStatus = statusCounts(eventId);
        int confirmed = byStatus.getOrDefault(RegistrationStatus.CONFIRMED, 0);
        int pending = byStatus.getOrDefault(RegistrationStatus.PENDING, 0);
        int offered = byStatus.getOrDefault(RegistrationStatus.OFFERED, 0);
        int waiting = byStatus.getOrDefault(RegistrationStatus.WAITING, 0);
        boolean open = e.isPublished() && e.mode().onSite() && now.isBefore(e.closesAt());
        return new EventPlaces(eventId, e.mode(), e.capacity(), confirmed + pending + offered, confirmed, pending, offered, waiting,
                e.waitingList(), e.closesAt(), open, sessionPlaces(eventId, null));
    }

    /** Figures for the activity report: by status; confirmed participants by collège, département and session. */
    public RegistrationCounts counts(long eventId) {
        Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);
        statusCounts(eventId).forEach((s, n) -> byStatus.put(s, (long) n));
        List<RegistrationCounts.Row> byCollege = jdbc.sql("""
                select college, count(*), count(*) filter (where attended) from agenda_registration
                where event_id = ? and status = 'CONFIRMED' group by college order by count(*) desc, college nulls last""")
                .param(eventId).query((rs, n) -> new RegistrationCounts.Row(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<RegistrationCounts.Row> byDepartement = jdbc.sql("""
                select departement, count(*), count(*) filter (where attended) from agenda_registration
                where event_id = ? and status = 'CONFIRMED' group by departement order by count(*) desc, departement nulls last""")
                .param(eventId).query((rs, n) -> new RegistrationCounts.Row(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<RegistrationCounts.Row> bySession = jdbc.sql("""
                select x.id, count(r.id), count(r.id) filter (where r.attended) from agenda_session x
                left join agenda_registration_session s on s.session_id = x.id
                left join agenda_registration r on r.id = s.registration_id and r.status = 'CONFIRMED'
                where x.event_id = ? group by x.id, x.position order by x.position""")
                .param(eventId).query((rs, n) -> new RegistrationCounts.Row(String.valueOf(rs.getLong(1)), rs.getLong(2), rs.getLong(3))).list();
        long confirmed = byStatus.getOrDefault(RegistrationStatus.CONFIRMED, 0L);
        long attended = jdbc.sql("select count(*) from agenda_registration where event_id = ? and status = 'CONFIRMED' and attended")
                .param(eventId).query(Long.class).single();
        return new RegistrationCounts(byStatus, byCollege, byDepartement, bySession, confirmed, attended);
    }

    /** A person's registrations (every status), the next events first, then the past ones latest first. */
    public List<PersonRegistration> ofPerson(long personId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select r.id, r.cancel_token, r.status, r.offer_expires_at, e.id as event_id, e.slug, e.title, e.status as event_status,
                       e.starts_at, e.ends_at,
                       case when r.status = 'WAITING' then (select count(*) from agenda_registration w
                            where w.event_id = r.event_id and w.status = 'WAITING'
                              and (w.waiting_since, w.id) <= (r.waiting_since, r.id)) end as waiting_position
                from agenda_registration r join agenda_event e on e.id = r.event_id
                where r.person_id = ?
                order by (e.ends_at < ?), case when e.ends_at < ? then -extract(epoch from e.starts_at) else extract(epoch from e.starts_at) end, r.id desc""")
                .params(personId, Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new PersonRegistration(rs.getLong("id"), rs.getString("cancel_token"),
                        RegistrationStatus.valueOf(rs.getString("status")), (Integer) intOrNull(rs, "waiting_position"),
                        RegistrationEvent.instant(rs, "offer_expires_at"), rs.getLong("event_id"), rs.getString("slug"),
                        rs.getString("title"), EventStatus.valueOf(rs.getString("event_status")), RegistrationEvent.instant(rs, "starts_at"),
                        RegistrationEvent.instant(rs, "ends_at")))
                .list();
    }

    /** The calendar entry of a confirmed registration (to download from the person's page), in {@code locale}. */
    public Optional<String> invitation(String token, Locale locale) {
        return byToken(token).filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .map(r -> fr.maillage.shared.ical.IcsWriter.single(EventCalendar.PROD_ID, "PUBLISH",
                        calendar.invitation(r, event(r.eventId()), 0, "CONFIRMED", locale, clock.instant())));
    }

    /** The structures a person may say they represent (theirs, neither refused nor merged). */
    public List<MyStructure> structuresOf(CurrentPerson me) {
        if (me == null) {
            return List.of();
        }
        return directory.structuresOf(me.personId()).stream()
                .filter(s -> s.status() != OrganisationStatus.REFUSED && s.status() != OrganisationStatus.MERGED).toList();
    }

    /** How long a person promoted from the waiting list has to confirm (for pages: "48 h"). */
    public java.time.Duration offerTime() {
        return properties.offerTime();
    }

    // ------------------------------------------------------------------ registering

    /** The signed-in person registers themselves. */
    @Transactional
    public RegistrationDetails register(long eventId, RegistrationRequest request, CurrentPerson me) {
        return register(eventId, request, me, clock.instant());
    }

    @Transactional
    RegistrationDetails register(long eventId, RegistrationRequest request, CurrentPerson me, Instant now) {
        if (me == null) {
            throw new AccessDeniedException("Sign in to register");
        }
        return doRegister(eventId, request, me, false, now);
    }

    /** Staff register someone else, by name and address (linked to their account when one has that address). */
    @Transactional
    public RegistrationDetails registerSomeone(long eventId, RegistrationRequest request, CurrentPerson staff) {
        return registerSomeone(eventId, request, staff, clock.instant());
    }

    @Transactional
    RegistrationDetails registerSomeone(long eventId, RegistrationRequest request, CurrentPerson staff, Instant now) {
        requireStaff(staff);
        return doRegister(eventId, request, staff, true, now);
    }

    private RegistrationDetails doRegister(long eventId, RegistrationRequest request, CurrentPerson by, boolean byStaff, Instant now) {
        // what does not depend on the places is checked before taking the lock, to keep it short
        RegistrationEvent e = event(eventId);
        checkOpen(e, byStaff, now);
        List<Problem> problems = new ArrayList<>();

        // who
        Long personId;
        String email;
        String fullName;
        if (byStaff) {
            fullName = request.fullName() == null ? "" : request.fullName().strip();
            email = request.email() == null ? "" : request.email().strip();
            if (fullName.isEmpty()) {
                problems.add(new Problem("fullName", "agenda.reg.error.name-required", List.of()));
            } else if (fullName.length() > NAME_MAX) {
                problems.add(new Problem("fullName", "agenda.reg.error.too-long", List.of(NAME_MAX)));
            }
            if (email.isEmpty()) {
                problems.add(new Problem("email", "agenda.reg.error.email-required", List.of()));
            } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem("email", "agenda.reg.error.email", List.of()));
            }
            personId = problems.stream().anyMatch(p -> "email".equals(p.field())) ? null
                    : accounts.findByEmail(email).map(PersonSummary::id).orElse(null);
        } else {
            personId = by.personId();
            email = by.email();
            fullName = by.displayName() == null || by.displayName().isBlank() ? by.email() : by.displayName().strip();
        }

        Structure structure = structure(e, request, byStaff ? null : by, problems);
        List<SessionRow> sessions = sessions(eventId);
        Set<Long> chosen = checkSessions(sessions, request.sessionIds(), problems);
        Map<Long, String> answers = checkAnswers(eventId, request.answers(), !byStaff, problems);
        if (!problems.isEmpty()) {
            throw new AgendaException(problems);
        }

        // the places: under the event's lock, simultaneous registrations of the event queue here
        e = lockEvent(eventId);
        checkOpen(e, byStaff, now);
        if (liveExists(eventId, email)) {
            throw alreadyRegistered(byStaff);
        }
        // first give free places to people already waiting, then decide for the newcomer
        Map<RegistrationStatus, Integer> counts = fillFreePlaces(e, now);
        int taken = holding(counts);
        int waiting = counts.getOrDefault(RegistrationStatus.WAITING, 0);
        boolean room = (e.capacity() == null || taken < e.capacity()) && (waiting == 0 || byStaff);
        RegistrationStatus status;
        if (room) {
            status = e.mode() == RegistrationMode.APPROVAL && !byStaff ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
        } else if (e.waitingList()) {
            status = RegistrationStatus.WAITING;
        } else {
            throw new AgendaException(null, "agenda.reg.error.full");
        }
        if (status.holdsAPlace() && !chosen.isEmpty()) {
            Map<Long, Integer> sessionTaken = sessionTaken(eventId, null);
            for (SessionRow s : sessions) {
                if (chosen.contains(s.id()) && s.capacity() != null && sessionTaken.getOrDefault(s.id(), 0) >= s.capacity()) {
                    throw new AgendaException("sessionIds", "agenda.reg.error.session-full", s.title());
                }
            }
        }

        long id;
        try {
            id = jdbc.sql("""
                    insert into agenda_registration (event_id, person_id, email, full_name, organisation_id, organisation_name, college,
                        departement, status, waiting_since, cancel_token, registered_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(eventId, personId, email, fullName, structure.organisationId(), structure.name(), structure.college(),
                            structure.departement(), status.name(), status == RegistrationStatus.WAITING ? Timestamp.from(now) : null,
                            newToken(), byStaff ? by.personId() : null, Timestamp.from(now), Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException ex) {
            throw alreadyRegistered(byStaff);
        }
        for (Long s : chosen) {
            jdbc.sql("insert into agenda_registration_session (registration_id, session_id) values (?, ?)").params(id, s).update();
        }
        answers.forEach((q, a) -> jdbc.sql("insert into agenda_registration_answer (registration_id, question_id, answer) values (?, ?, ?)")
                .params(id, q, a).update());

        RegistrationDetails r = find(id).orElseThrow();
        switch (status) {
            case CONFIRMED -> mails.confirmed(r, e, sessionTitles(sessions, r.sessionIds()), false, now);
            case PENDING -> mails.pending(r, e, false);
            case WAITING -> mails.waiting(r, e);
            default -> throw new IllegalStateException(status.name());
        }
        if (byStaff) {
            staffActions.record(by, "agenda.reg.register", "event", eventId, fullName + " <" + email + "> : " + status.name());
        }
        return r;
    }

    /** Published, on-site registration, before the deadline (or the start; staff: until the end). */
    private static void checkOpen(RegistrationEvent e, boolean byStaff, Instant now) {
        if (!e.isPublished() || !e.mode().onSite()) {
            throw new AgendaException(null, "agenda.reg.error.not-open");
        }
        if (byStaff ? !now.isBefore(e.endsAt()) : !now.isBefore(e.closesAt())) {
            throw new AgendaException(null, e.deadline() != null && !byStaff ? "agenda.reg.error.deadline" : "agenda.reg.error.started");
        }
    }

    private AgendaException alreadyRegistered(boolean byStaff) {
        return byStaff ? new AgendaException("email", "agenda.reg.error.already-someone")
                : new AgendaException(null, "agenda.reg.error.already");
    }

    // ------------------------------------------------------------------ the person's own changes

    /** The person cancels their own registration (or staff cancel anyone's). */
    @Transactional
    public void cancel(long registrationId, CurrentPerson by) {
        if (by == null) {
            throw new AccessDeniedException("Sign in");
        }
        RegistrationDetails r = find(registrationId).orElseThrow(() -> new RegistrationNotFoundException("#" + registrationId));
        boolean own = r.personId() != null && r.personId() == by.personId();
        if (!own && !by.isStaff()) {
            throw new AccessDeniedException("Not this person's registration");
        }
        doCancel(registrationId, !own, by, clock.instant());
    }

    /** Cancels through the link of the e-mails: the token is the key. */
    @Transactional
    public RegistrationDetails cancelByToken(String token) {
        return cancelByToken(token, clock.instant());
    }

    @Transactional
    RegistrationDetails cancelByToken(String token, Instant now) {
        RegistrationDetails r = byToken(token).orElseThrow(() -> new RegistrationNotFoundException("token"));
        return doCancel(r.id(), false, null, now);
    }

    /** Staff cancel a registration (the person is told). */
    @Transactional
    public void cancelByStaff(long registrationId, CurrentPerson staff) {
        requireStaff(staff);
        doCancel(registrationId, true, staff, clock.instant());
    }

    private RegistrationDetails doCancel(long registrationId, boolean byStaff, CurrentPerson by, Instant now) {
        RegistrationDetails before = find(registrationId).orElseThrow(() -> new RegistrationNotFoundException("#" + registrationId));
        RegistrationEvent e = lockEvent(before.eventId());
        RegistrationDetails r = find(registrationId).orElseThrow();
        if (!r.isLive()) {
            throw new AgendaException(null, "agenda.reg.error.not-live");
        }
        if (!byStaff && !now.isBefore(e.startsAt())) {
            throw new AgendaException(null, "agenda.reg.error.cancel-started");
        }
        jdbc.sql("update agenda_registration set status = 'CANCELLED', cancelled_at = ?, updated_at = ?, offer_expires_at = null where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), registrationId).update();
        RegistrationDetails cancelled = find(registrationId).orElseThrow();
        mails.cancelled(cancelled, e, r.status() == RegistrationStatus.CONFIRMED, byStaff, now);
        if (byStaff && by != null) {
            staffActions.record(by, "agenda.reg.cancel", "event", e.id(), r.fullName() + " <" + r.email() + ">");
        }
        fillFreePlaces(e, now);
        return cancelled;
    }

    /** The person confirms the place offered to them (link of the e-mail). */
    @Transactional
    public RegistrationDetails confirmOffer(String token) {
        return confirmOffer(token, clock.instant());
    }

    @Transactional
    RegistrationDetails confirmOffer(String token, Instant now) {
        RegistrationDetails before = byToken(token).orElseThrow(() -> new RegistrationNotFoundException("token"));
        RegistrationEvent e = lockEvent(before.eventId());
        RegistrationDetails r = find(before.id()).orElseThrow();
        if (r.status() == RegistrationStatus.CONFIRMED) {
            return r;
        }
        if (r.status() != RegistrationStatus.OFFERED) {
            throw new AgendaException(null, r.status() == RegistrationStatus.EXPIRED ? "agenda.reg.error.offer-expired" : "agenda.reg.error.no-offer");
        }
        if (r.offerExpiresAt() != null && !now.isBefore(r.offerExpiresAt())) {
            throw new AgendaException(null, "agenda.reg.error.offer-expired");
        }
        jdbc.sql("update agenda_registration set status = 'CONFIRMED', offer_expires_at = null, updated_at = ? where id = ?")
                .params(Timestamp.from(now), r.id()).update();
        RegistrationDetails confirmed = find(r.id()).orElseThrow();
        mails.confirmed(confirmed, e, sessionTitles(sessions(e.id()), confirmed.sessionIds()), false, now);
        return confirmed;
    }

    /** The person changes their choice of sessions (before the registrations close), within the sessions' places. */
    @Transactional
    public RegistrationDetails changeSessions(String token, Set<Long> sessionIds) {
        return changeSessions(token, sessionIds, clock.instant());
    }

    @Transactional
    RegistrationDetails changeSessions(String token, Set<Long> sessionIds, Instant now) {
        RegistrationDetails before = byToken(token).orElseThrow(() -> new RegistrationNotFoundException("token"));
        RegistrationEvent e = lockEvent(before.eventId());
        RegistrationDetails r = find(before.id()).orElseThrow();
        if (!r.isLive()) {
            throw new AgendaException(null, "agenda.reg.error.not-live");
        }
        if (!now.isBefore(e.closesAt())) {
            throw new AgendaException(null, e.deadline() != null ? "agenda.reg.error.deadline" : "agenda.reg.error.started");
        }
        List<Problem> problems = new ArrayList<>();
        List<SessionRow> sessions = sessions(e.id());
        Set<Long> chosen = checkSessions(sessions, sessionIds == null ? Set.of() : sessionIds, problems);
        if (!problems.isEmpty()) {
            throw new AgendaException(problems);
        }
        if (r.status().holdsAPlace()) {
            Map<Long, Integer> taken = sessionTaken(e.id(), r.id());
            for (SessionRow s : sessions) {
                if (chosen.contains(s.id()) && !r.sessionIds().contains(s.id()) && s.capacity() != null
                        && taken.getOrDefault(s.id(), 0) >= s.capacity()) {
                    throw new AgendaException("sessionIds", "agenda.reg.error.session-full", s.title());
                }
            }
        }
        jdbc.sql("delete from agenda_registration_session where registration_id = ?").param(r.id()).update();
        for (Long s : chosen) {
            jdbc.sql("insert into agenda_registration_session (registration_id, session_id) values (?, ?)").params(r.id(), s).update();
        }
        jdbc.sql("update agenda_registration set updated_at = ? where id = ?").params(Timestamp.from(now), r.id()).update();
        return find(r.id()).orElseThrow();
    }

    // ------------------------------------------------------------------ staff

    /** Staff accept a request (event with approval): it becomes CONFIRMED, the person gets the invitation. */
    @Transactional
    public void approve(long registrationId, CurrentPerson staff) {
        requireStaff(staff);
        Instant now = clock.instant();
        RegistrationDetails before = find(registrationId).orElseThrow(() -> new RegistrationNotFoundException("#" + registrationId));
        RegistrationEvent e = lockEvent(before.eventId());
        RegistrationDetails r = find(registrationId).orElseThrow();
        if (r.status() != RegistrationStatus.PENDING) {
            throw new AgendaException(null, "agenda.reg.error.not-pending");
        }
        jdbc.sql("update agenda_registration set status = 'CONFIRMED', updated_at = ? where id = ?").params(Timestamp.from(now), r.id()).update();
        RegistrationDetails confirmed = find(r.id()).orElseThrow();
        mails.confirmed(confirmed, e, sessionTitles(sessions(e.id()), confirmed.sessionIds()), true, now);
        staffActions.record(staff, "agenda.reg.approve", "event", e.id(), r.fullName() + " <" + r.email() + ">");
    }

    /** Staff refuse a request or a place on the waiting list, with an optional message for the person. */
    @Transactional
    public void refuse(long registrationId, String message, CurrentPerson staff) {
        requireStaff(staff);
        Instant now = clock.instant();
        RegistrationDetails before = find(registrationId).orElseThrow(() -> new RegistrationNotFoundException("#" + registrationId));
        RegistrationEvent e = lockEvent(before.eventId());
        RegistrationDetails r = find(registrationId).orElseThrow();
        if (r.status() != RegistrationStatus.PENDING && r.status() != RegistrationStatus.WAITING) {
            throw new AgendaException(null, "agenda.reg.error.not-pending");
        }
        String why = message == null || message.isBlank() ? null : message.strip();
        if (why != null && why.length() > ANSWER_MAX) {
            throw new AgendaException("message", "agenda.reg.error.too-long", ANSWER_MAX);
        }
        jdbc.sql("update agenda_registration set status = 'REFUSED', updated_at = ?, offer_expires_at = null where id = ?")
                .params(Timestamp.from(now), r.id()).update();
        mails.refused(find(r.id()).orElseThrow(), e, why);
        staffActions.record(staff, "agenda.reg.refuse", "event", e.id(), r.fullName() + " <" + r.email() + ">");
        fillFreePlaces(e, now);
    }

    /**
     * Staff mark who came: {@code attended} maps registration ids to true (came), false (did not
     * come) or null (not marked). Only confirmed registrations of this event are changed; returns how many.
     */
    @Transactional
    public int markAttendance(long eventId, Map<Long, Boolean> attended, CurrentPerson staff) {
        requireStaff(staff);
        RegistrationEvent e = event(eventId);
        int changed = 0;
        for (Map.Entry<Long, Boolean> m : attended.entrySet()) {
            changed += jdbc.sql("""
                    update agenda_registration set attended = ?, updated_at = now()
                    where id = ? and event_id = ? and status = 'CONFIRMED' and attended is distinct from ?""")
                    .params(m.getValue(), m.getKey(), eventId, m.getValue()).update();
        }
        if (changed > 0) {
            staffActions.record(staff, "agenda.reg.attendance", "event", e.id(), e.title() + " : " + changed);
        }
        return changed;
    }

    // ------------------------------------------------------------------ jobs and event changes

    /** Ids of the events with an offer expired at {@code now}. */
    public List<Long> eventsWithExpiredOffers(Instant now) {
        return jdbc.sql("select distinct event_id from agenda_registration where status = 'OFFERED' and offer_expires_at <= ? order by event_id")
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    /** Expires the offers of the event not confirmed by {@code now} and offers the places to the next people; returns how many expired. */
    @Transactional
    public int expireOffers(long eventId, Instant now) {
        RegistrationEvent e = lockEvent(eventId);
        List<Long> ids = jdbc.sql("select id from agenda_registration where event_id = ? and status = 'OFFERED' and offer_expires_at <= ? order by offer_expires_at, id")
                .params(eventId, Timestamp.from(now)).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("update agenda_registration set status = 'EXPIRED', updated_at = ? where id = ?").params(Timestamp.from(now), id).update();
            mails.expired(find(id).orElseThrow(), e);
        }
        fillFreePlaces(e, now);
        return ids.size();
    }

    /** Confirmed registrations whose reminder is due at {@code now} (the event starts within the reminder time). */
    public List<Long> remindersDue(Instant now) {
        return jdbc.sql("""
                select r.id from agenda_registration r join agenda_event e on e.id = r.event_id
                where r.status = 'CONFIRMED' and r.reminder_sent_at is null and e.status = 'PUBLISHED'
                  and e.starts_at > ? and e.starts_at <= ? order by e.starts_at, r.id""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(properties.reminderBefore()))).query(Long.class).list();
    }

    /** Sends the reminder of one registration, once: false when it was already sent (or is no longer due). */
    @Transactional
    public boolean remind(long registrationId, Instant now) {
        int marked = jdbc.sql("update agenda_registration set reminder_sent_at = ? where id = ? and status = 'CONFIRMED' and reminder_sent_at is null")
                .params(Timestamp.from(now), registrationId).update();
        if (marked == 0) {
            return false;
        }
        RegistrationDetails r = find(registrationId).orElseThrow();
        RegistrationEvent e = event(r.eventId());
        mails.reminder(r, e, sessionTitles(sessions(e.id()), r.sessionIds()));
        return true;
    }

    /**
     * Reacts to a change of an event, in its writer's transaction: a cancelled event tells every
     * live registrant; an edited published event may have more places (capacity raised): the
     * people waiting get them.
     */
    @EventListener
    @Transactional
    public void onEventChanged(EventChanged change) {
        if (change.deleted()) {
            return;
        }
        // the writer may not have flushed its change yet (status, message): this reads the row with SQL
        events.flush();
        if (change.status() == EventStatus.CANCELLED && change.previous() != EventStatus.CANCELLED) {
            RegistrationEvent e = lockEvent(change.eventId());
            Instant now = clock.instant();
            for (RegistrationDetails r : ofEvent(e.id())) {
                if (r.isLive()) {
                    mails.eventCancelled(r, e, r.status() == RegistrationStatus.CONFIRMED, now);
                }
            }
        } else if (change.status() == EventStatus.PUBLISHED && change.previous() == EventStatus.PUBLISHED) {
            fillFreePlaces(lockEvent(change.eventId()), clock.instant());
        }
    }

    /** An edit moved a published event or changed its place: every live registrant is told, with the new calendar entry. */
    @EventListener
    @Transactional
    public void onEventRescheduled(EventRescheduled moved) {
        events.flush();
        RegistrationEvent e = lockEvent(moved.eventId());
        Instant now = clock.instant();
        for (RegistrationDetails r : ofEvent(e.id())) {
            if (r.isLive()) {
                mails.rescheduled(r, e, sessionTitles(sessions(e.id()), r.sessionIds()), r.status() == RegistrationStatus.CONFIRMED, now);
            }
        }
    }

    /**
     * A deleted account (RGPD): the person's live registrations are cancelled, their places going
     * to the next people waiting; every registration of the person is anonymised (no name, no
     * address, no answers, which may tell health needs), keeping the collège and département that
     * the activity figures of past events count.
     */
    @EventListener
    @Transactional
    public void onPersonDeleted(PersonDeleted deleted) {
        Instant now = clock.instant();
        List<Long> eventIds = jdbc.sql("select distinct event_id from agenda_registration where person_id = ? and status in " + LIVE + " order by event_id")
                .param(deleted.personId()).query(Long.class).list();
        for (long eventId : eventIds) {
            RegistrationEvent e = lockEvent(eventId);
            jdbc.sql("update agenda_registration set status = 'CANCELLED', cancelled_at = ?, updated_at = ?, offer_expires_at = null"
                            + " where event_id = ? and person_id = ? and status in " + LIVE)
                    .params(Timestamp.from(now), Timestamp.from(now), eventId, deleted.personId()).update();
            fillFreePlaces(e, now);
        }
        jdbc.sql("delete from agenda_registration_answer where registration_id in (select id from agenda_registration where person_id = ?)")
                .param(deleted.personId()).update();
        jdbc.sql("""
                update agenda_registration set full_name = '—', email = 'anonyme-' || id || '@invalid', person_id = null,
                       organisation_name = case when organisation_id is null then null else organisation_name end, updated_at = ?
                where person_id = ?""").params(Timestamp.from(now), deleted.personId()).update();
    }

    // ------------------------------------------------------------------ places

    /**
     * Promotes people waiting, in order, while the event has free places and an offer may still
     * be made; returns the registrations by status afterwards.
     */
    private Map<RegistrationStatus, Integer> fillFreePlaces(RegistrationEvent e, Instant now) {
        while (true) {
            Map<RegistrationStatus, Integer> counts = statusCounts(e.id());
            if (!e.isPublished() || !e.mode().onSite() || !now.isBefore(e.closesAt())
                    || counts.getOrDefault(RegistrationStatus.WAITING, 0) == 0 || (e.capacity() != null && holding(counts) >= e.capacity())) {
                return counts;
            }
            long next = jdbc.sql("select id from agenda_registration where event_id = ? and status = 'WAITING' order by waiting_since, id limit 1")
                    .param(e.id()).query(Long.class).single();
            promote(next, e, now);
        }
    }

    private void promote(long registrationId, RegistrationEvent e, Instant now) {
        RegistrationDetails r = find(registrationId).orElseThrow();
        // the sessions wished for that have no room left are dropped
        List<SessionRow> sessions = sessions(e.id());
        Map<Long, Integer> taken = sessionTaken(e.id(), registrationId);
        List<String> dropped = new ArrayList<>();
        for (SessionRow s : sessions) {
            if (r.sessionIds().contains(s.id()) && s.capacity() != null && taken.getOrDefault(s.id(), 0) >= s.capacity()) {
                jdbc.sql("delete from agenda_registration_session where registration_id = ? and session_id = ?").params(registrationId, s.id()).update();
                dropped.add(s.title());
            }
        }
        if (e.mode() == RegistrationMode.APPROVAL) {
            jdbc.sql("update agenda_registration set status = 'PENDING', updated_at = ? where id = ?").params(Timestamp.from(now), registrationId).update();
            mails.pending(find(registrationId).orElseThrow(), e, true);
        } else {
            Instant expires = now.plus(properties.offerTime());
            if (expires.isAfter(e.closesAt())) {
                expires = e.closesAt();
            }
            jdbc.sql("update agenda_registration set status = 'OFFERED', offer_expires_at = ?, updated_at = ? where id = ?")
                    .params(Timestamp.from(expires), Timestamp.from(now), registrationId).update();
            mails.offered(find(registrationId).orElseThrow(), e, dropped);
        }
    }

    private static int holding(Map<RegistrationStatus, Integer> counts) {
        return counts.getOrDefault(RegistrationStatus.CONFIRMED, 0) + counts.getOrDefault(RegistrationStatus.OFFERED, 0)
                + counts.getOrDefault(RegistrationStatus.PENDING, 0);
    }

    private Map<RegistrationStatus, Integer> statusCounts(long eventId) {
        Map<RegistrationStatus, Integer> out = new EnumMap<>(RegistrationStatus.class);
        jdbc.sql("select status, count(*) from agenda_registration where event_id = ? group by status").param(eventId)
                .query(rs -> {
                    out.put(RegistrationStatus.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return out;
    }

    /** Registrations holding a place in each session of the event, leaving one registration out (or none). */
    private Map<Long, Integer> sessionTaken(long eventId, Long except) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("select s.session_id, count(*) from agenda_registration_session s join agenda_registration r on r.id = s.registration_id"
                        + " where r.event_id = ? and r.status in " + HOLDING + " and r.id <> ? group by s.session_id")
                .params(eventId, except == null ? -1L : except)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    private List<EventPlaces.SessionPlaces> sessionPlaces(long eventId, Long except) {
        Map<Long, Integer> taken = sessionTaken(eventId, except);
        return sessions(eventId).stream()
                .map(s -> new EventPlaces.SessionPlaces(s.id(), s.title(), s.capacity(), taken.getOrDefault(s.id(), 0))).toList();
    }

    private boolean liveExists(long eventId, String email) {
        return jdbc.sql("select count(*) from agenda_registration where event_id = ? and lower(email) = lower(?) and status in " + LIVE)
                .params(eventId, email).query(Integer.class).single() > 0;
    }

    // ------------------------------------------------------------------ checks

    record Structure(Long organisationId, String name, String college, String departement) {
        static final Structure NONE = new Structure(null, null, null, null);
    }

    /** The structure represented: one of the person's (staff: any live one), or a typed name with its département. */
    private Structure structure(RegistrationEvent e, RegistrationRequest r, CurrentPerson self, List<Problem> problems) {
        if (!e.askStructure()) {
            return Structure.NONE;
        }
        String dep = r.departement() == null || r.departement().isBlank() ? null : r.departement().strip().toUpperCase(Locale.ROOT);
        if (dep != null && !reference.exists(RefList.DEPARTEMENTS, dep)) {
            problems.add(new Problem("departement", "agenda.reg.error.departement", List.of()));
            dep = null;
        }
        if (r.organisationId() != null) {
            Optional<OrganisationRef> ref = directory.ref(r.organisationId())
                    .filter(o -> o.status() != OrganisationStatus.MERGED && o.status() != OrganisationStatus.REFUSED);
            if (ref.isEmpty() || (self != null && structuresOf(self).stream().noneMatch(s -> s.id() == r.organisationId()))) {
                problems.add(new Problem("organisationId", "agenda.reg.error.structure-not-yours", List.of()));
                return Structure.NONE;
            }
            return of(ref.get(), dep);
        }
        String name = r.organisationName() == null ? "" : r.organisationName().strip();
        if (name.isEmpty()) {
            return new Structure(null, null, null, dep);
        }
        if (name.length() > ORGANISATION_NAME_MAX) {
            problems.add(new Problem("organisationName", "agenda.reg.error.too-long", List.of(ORGANISATION_NAME_MAX)));
            return Structure.NONE;
        }
        // a name typed exactly as a structure of the directory is that structure
        String key = Slugs.fold(name).strip();
        Optional<OrganisationRef> same = directory.findByName(name, 3).stream()
                .filter(o -> Slugs.fold(o.name()).strip().equals(key)).findFirst();
        if (same.isPresent()) {
            return of(same.get(), dep);
        }
        if (dep == null && problems.stream().noneMatch(p -> "departement".equals(p.field()))) {
            problems.add(new Problem("departement", "agenda.reg.error.departement-required", List.of()));
        }
        return new Structure(null, name, null, dep);
    }

    private Structure of(OrganisationRef o, String typedDepartement) {
        String college = o.structureType() == null ? o.college() : reference.collegeOf(o.structureType()).orElse(o.college());
        return new Structure(o.id(), o.name(), college, o.departement() != null ? o.departement() : typedDepartement);
    }

    record SessionRow(long id, String title, Integer capacity, java.time.LocalDateTime start, java.time.LocalDateTime end) {
    }

    private List<SessionRow> sessions(long eventId) {
        return jdbc.sql("select id, title, capacity, local_start, local_end from agenda_session where event_id = ? order by position")
                .param(eventId)
                .query((rs, n) -> new SessionRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toLocalDateTime()))
                .list();
    }

    private static List<String> sessionTitles(List<SessionRow> sessions, List<Long> ids) {
        return sessions.stream().filter(s -> ids.contains(s.id())).map(SessionRow::title).toList();
    }

    /** The chosen sessions, in programme order: they belong to the event and do not overlap in time. */
    private static Set<Long> checkSessions(List<SessionRow> sessions, Set<Long> wanted, List<Problem> problems) {
        Map<Long, SessionRow> byId = new LinkedHashMap<>();
        sessions.forEach(s -> byId.put(s.id(), s));
        Set<Long> chosen = new LinkedHashSet<>();
        for (Long id : wanted) {
            if (!byId.containsKey(id)) {
                problems.add(new Problem("sessionIds", "agenda.reg.error.session-unknown", List.of()));
                return Set.of();
            }
        }
        List<SessionRow> picked = sessions.stream().filter(s -> wanted.contains(s.id())).toList();
        for (int i = 0; i < picked.size(); i++) {
            for (int j = i + 1; j < picked.size(); j++) {
                SessionRow a = picked.get(i);
                SessionRow b = picked.get(j);
                if (a.start() != null && a.end() != null && b.start() != null && b.end() != null
                        && a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                    problems.add(new Problem("sessionIds", "agenda.reg.error.session-overlap", List.of(a.title(), b.title())));
                    return Set.of();
                }
            }
        }
        picked.forEach(s -> chosen.add(s.id()));
        return chosen;
    }

    /**
     * The answers to keep, by question id: YES/NO and choices among those offered, and the required
     * ones given ({@code requireAll}: not when staff register someone, who may not know every answer).
     */
    private Map<Long, String> checkAnswers(long eventId, Map<Long, String> given, boolean requireAll, List<Problem> problems) {
        Map<Long, String> out = new LinkedHashMap<>();
        List<EventData.QuestionData> questions = jdbc.sql("select id, label, kind, choices, required from agenda_question where event_id = ? order by position")
                .param(eventId)
                .query((rs, n) -> new EventData.QuestionData(rs.getLong(1), rs.getString(2), QuestionKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5)))
                .list();
        for (EventData.QuestionData q : questions) {
            String field = "answers[" + q.id() + "]";
            String value = given.get(q.id()) == null ? "" : given.get(q.id()).strip();
            if (value.isEmpty()) {
                if (q.required() && requireAll) {
                    problems.add(new Problem(field, "agenda.reg.error.answer-required", List.of()));
                }
                continue;
            }
            switch (q.kind()) {
                case YES_NO -> {
                    String v = value.toUpperCase(Locale.ROOT);
                    if (v.equals("YES") || v.equals("OUI")) {
                        out.put(q.id(), "YES");
                    } else if (v.equals("NO") || v.equals("NON")) {
                        out.put(q.id(), "NO");
                    } else {
                        problems.add(new Problem(field, "agenda.reg.error.answer-yes-no", List.of()));
                    }
                }
                case CHOICE -> {
                    Optional<String> choice = q.choiceList().stream().filter(c -> c.equals(value)).findFirst();
                    if (choice.isPresent()) {
                        out.put(q.id(), choice.get());
                    } else {
                        problems.add(new Problem(field, "agenda.reg.error.answer-choice", List.of()));
                    }
                }
                default -> {
                    if (value.length() > ANSWER_MAX) {
                        problems.add(new Problem(field, "agenda.reg.error.too-long", List.of(ANSWER_MAX)));
                    } else {
                        out.put(q.id(), value);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rows

    RegistrationEvent lockEvent(long eventId) {
        return jdbc.sql("select " + RegistrationEvent.COLUMNS + " from agenda_event where id = ? for update").param(eventId)
                .query(RegistrationEvent::row).optional().orElseThrow(() -> new EventNotFoundException("#" + eventId));
    }

    RegistrationEvent event(long eventId) {
        return jdbc.sql("select " + RegistrationEvent.COLUMNS + " from agenda_event where id = ?").param(eventId)
                .query(RegistrationEvent::row).optional().orElseThrow(() -> new EventNotFoundException("#" + eventId));
    }

    private RegistrationDetails row(ResultSet rs, int n) throws SQLException {
        return new RegistrationDetails(rs.getLong("id"), rs.getLong("event_id"), (Long) longOrNull(rs, "person_id"), rs.getString("email"),
                rs.getString("full_name"), (Long) longOrNull(rs, "organisation_id"), rs.getString("organisation_name"),
                rs.getString("college"), rs.getString("departement"), RegistrationStatus.valueOf(rs.getString("status")),
                RegistrationEvent.instant(rs, "waiting_since"), RegistrationEvent.instant(rs, "offer_expires_at"),
                (Boolean) rs.getObject("attended"), rs.getString("cancel_token"), (Long) longOrNull(rs, "registered_by"),
                RegistrationEvent.instant(rs, "reminder_sent_at"), RegistrationEvent.instant(rs, "created_at"),
                RegistrationEvent.instant(rs, "updated_at"), RegistrationEvent.instant(rs, "cancelled_at"), List.of(), Map.of(),
                intOrNull(rs, "waiting_position"));
    }

    private RegistrationDetails withChoices(RegistrationDetails r) {
        List<Long> sessions = jdbc.sql("""
                select s.session_id from agenda_registration_session s join agenda_session x on x.id = s.session_id
                where s.registration_id = ? order by x.position""").param(r.id()).query(Long.class).list();
        Map<Long, String> answers = new LinkedHashMap<>();
        jdbc.sql("select question_id, answer from agenda_registration_answer where registration_id = ?").param(r.id())
                .query(rs -> {
                    answers.put(rs.getLong(1), rs.getString(2));
                });
        return with(r, sessions, answers);
    }

    private static RegistrationDetails with(RegistrationDetails r, List<Long> sessions, Map<Long, String> answers) {
        return new RegistrationDetails(r.id(), r.eventId(), r.personId(), r.email(), r.fullName(), r.organisationId(), r.organisationName(),
                r.college(), r.departement(), r.status(), r.waitingSince(), r.offerExpiresAt(), r.attended(), r.token(), r.registeredBy(),
                r.reminderSentAt(), r.createdAt(), r.updatedAt(), r.cancelledAt(), sessions, answers, r.waitingPosition());
    }

    private static Object longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
    }

}
