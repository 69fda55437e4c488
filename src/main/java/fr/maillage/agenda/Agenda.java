package fr.maillage.agenda;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.Reference;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the agenda. Staff create events, published at once; members propose events
 * for a structure they edit, published once staff approve them (or refused with a message).
 * Organisers (the proposer, the editors of an organising structure) and staff edit an event,
 * cancel it, and write its report afterwards. Every change rewrites the event's occurrences and
 * publishes an {@link EventChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Agenda {

    private final AgendaEventRepository events;
    private final EventValidator validator;
    private final Directory directory;
    private final Reference reference;
    private final StaffActions staffActions;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;

    Agenda(AgendaEventRepository events, EventValidator validator, Directory directory, Reference reference,
           StaffActions staffActions, ApplicationEventPublisher publisher, JdbcClient jdbc) {
        this.events = events;
        this.validator = validator;
        this.directory = directory;
        this.reference = reference;
        this.staffActions = staffActions;
        this.publisher = publisher;
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ reading

    public Optional<EventDetails> find(String slug) {
        return events.findBySlug(slug).map(this::details);
    }

    public Optional<EventDetails> find(long id) {
        return events.findById(id).map(this::details);
    }

    /** Published and cancelled events are public; pending and refused ones only for their organisers and staff. */
    public boolean canView(EventDetails e, CurrentPerson me) {
        return e.isPublic() || canEdit(e.id(), me);
    }

    /**
     * The event of this slug for a person who may edit it ({@link #canEdit}): an
     * {@link EventNotFoundException} (404) when they may not even see it, an
     * {@link AccessDeniedException} (403) when they see it but may not change it.
     */
    public EventDetails editable(String slug, CurrentPerson me) {
        EventDetails e = find(slug).orElseThrow(() -> new EventNotFoundException(slug));
        if (!canEdit(e.id(), me)) {
            if (!canView(e, me)) {
                throw new EventNotFoundException(slug);
            }
            throw new AccessDeniedException("Not an organiser of " + slug);
        }
        return e;
    }

    /** Staff, the person who proposed the event, and the editors of an organising structure. */
    public boolean canEdit(long eventId, CurrentPerson me) {
        if (me == null) {
            return false;
        }
        if (me.isStaff()) {
            return true;
        }
        return events.findById(eventId).map(e -> Objects.equals(e.proposedBy, me.personId())
                || e.organisationIds.stream().anyMatch(org -> directory.canEdit(org, me))).orElse(false);
    }

    /** Events waiting for staff, oldest first. */
    public List<EventDetails> pending() {
        return events.findByStatusOrderByCreatedAt(EventStatus.PENDING).stream().map(this::details).toList();
    }

    /** Events proposed by a person or organised by one of the structures they edit, latest first (all statuses). */
    public List<EventDetails> organisedBy(CurrentPerson me) {
        List<Long> ids = jdbc.sql("""
                select distinct e.id, e.starts_at from agenda_event e
                left join agenda_event_organisation g on g.event_id = e.id
                left join organisation_member m on m.organisation_id = g.organisation_id and m.person_id = ?
                where e.proposed_by = ? or m.person_id is not null
                order by e.starts_at desc""")
                .params(me.personId(), me.personId()).query((rs, n) -> rs.getLong(1)).list();
        return events.findAllById(ids).stream().map(this::details)
                .sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList();
    }

    // ------------------------------------------------------------------ writing

    /**
     * Creates an event. Staff's events are published at once; a member's is PENDING and must name
     * at least one organising structure they edit. Returns the id.
     */
    @Transactional
    public long create(EventData data, CurrentPerson by) {
        if (by == null) {
            throw new AccessDeniedException("Sign in to propose an event");
        }
        if (!by.isStaff()) {
            if (data.organisationIds().isEmpty()) {
                throw new AgendaException("organisationIds", "agenda.error.organisation-required");
            }
            for (Long org : data.organisationIds()) {
                if (!directory.canEdit(org, by)) {
                    throw new AgendaException("organisationIds", "agenda.error.organisation-not-yours");
                }
            }
        }
        checkOrganisations(data);
        validator.check(data);
        AgendaEvent e = new AgendaEvent(data.type(), data.title().strip());
        apply(data, e);
        e.slug = uniqueSlug(e.title, data.start());
        e.proposedBy = by.personId();
        e.status = by.isStaff() ? EventStatus.PUBLISHED : EventStatus.PENDING;
        if (e.status == EventStatus.PUBLISHED) {
            e.publishedAt = e.createdAt;
        }
        events.saveAndFlush(e);
        writeOccurrences(e);
        if (by.isStaff()) {
            staffActions.record(by, "agenda.create", "event", e.id, e.title);
        }
        publisher.publishEvent(new EventChanged(e.id, null, e.status, false));
        return e.id;
    }

    /** Changes an event. Fails with {@code agenda.error.concurrent} when someone saved it since {@code version} was read. */
    @Transactional
    public void update(long id, int version, EventData data, CurrentPerson by) {
        AgendaEvent e = loadForEdit(id, by);
        if (e.version != version) {
            throw new AgendaException(null, "agenda.error.concurrent");
        }
        if (!by.isStaff() && !data.organisationIds().equals(e.organisationIds)) {
            for (Long org : data.organisationIds()) {
                if (!e.organisationIds.contains(org) && !directory.canEdit(org, by)) {
                    throw new AgendaException("organisationIds", "agenda.error.organisation-not-yours");
                }
            }
        }
        checkOrganisations(data);
        validator.check(data);
        if (e.trainingModuleId != null && data.trainingModuleId() == null && !by.isStaff()) {
            data = withModule(data, e.trainingModuleId);
        }
        List<Object> planBefore = plan(e);
        apply(data, e);
        e.updatedAt = Instant.now();
        events.saveAndFlush(e);
        writeOccurrences(e);
        if (by.isStaff() && !Objects.equals(e.proposedBy, by.personId())) {
            staffActions.record(by, "agenda.update", "event", e.id, e.title);
        }
        publisher.publishEvent(new EventChanged(e.id, e.status, e.status, false));
        if (e.status == EventStatus.PUBLISHED && !planBefore.equals(plan(e))) {
            publisher.publishEvent(new EventRescheduled(e.id));
        }
    }

    /**
     * A refused proposal, changed by its organisers, goes back to the staff for a new look
     * (PENDING, the team's message kept until they decide). Nothing happens to other statuses.
     */
    @Transactional
    public void resubmit(long id, CurrentPerson by) {
        AgendaEvent e = loadForEdit(id, by);
        if (e.status != EventStatus.REFUSED) {
            return;
        }
        e.status = EventStatus.PENDING;
        e.updatedAt = Instant.now();
        publisher.publishEvent(new EventChanged(e.id, EventStatus.REFUSED, e.status, false));
    }

    /** Staff publish a proposed (or refused) event. */
    @Transactional
    public void approve(long id, CurrentPerson staff) {
        requireStaff(staff);
        AgendaEvent e = load(id);
        EventStatus before = e.status;
        e.status = EventStatus.PUBLISHED;
        e.moderationMessage = null;
        if (e.publishedAt == null) {
            e.publishedAt = Instant.now();
        }
        e.updatedAt = Instant.now();
        staffActions.record(staff, "agenda.approve", "event", e.id, e.title);
        publisher.publishEvent(new EventChanged(e.id, before, e.status, false));
    }

    /** Staff refuse a proposed event, with a message for its organisers. */
    @Transactional
    public void refuse(long id, String message, CurrentPerson staff) {
        requireStaff(staff);
        if (message == null || message.isBlank()) {
            throw new AgendaException("message", "agenda.error.message-required");
        }
        AgendaEvent e = load(id);
        EventStatus before = e.status;
        e.status = EventStatus.REFUSED;
        e.moderationMessage = message.strip();
        e.updatedAt = Instant.now();
        staffActions.record(staff, "agenda.refuse", "event", e.id, e.title);
        publisher.publishEvent(new EventChanged(e.id, before, e.status, false));
    }

    /** Organisers or staff cancel an event; it stays visible, marked cancelled, with the message. */
    @Transactional
    public void cancel(long id, String message, CurrentPerson by) {
        AgendaEvent e = loadForEdit(id, by);
        EventStatus before = e.status;
        e.status = EventStatus.CANCELLED;
        e.moderationMessage = message == null || message.isBlank() ? null : message.strip();
        e.updatedAt = Instant.now();
        if (by.isStaff()) {
            staffActions.record(by, "agenda.cancel", "event", e.id, e.title);
        }
        publisher.publishEvent(new EventChanged(e.id, before, e.status, false));
    }

    /** Staff delete an event and everything attached (registrations included). */
    @Transactional
    public void delete(long id, CurrentPerson staff) {
        requireStaff(staff);
        AgendaEvent e = load(id);
        EventStatus before = e.status;
        staffActions.record(staff, "agenda.delete", "event", e.id, e.title);
        events.delete(e);
        events.flush();
        publisher.publishEvent(new EventChanged(id, before, before, true));
    }

    /** The report written after the event (Markdown: minutes, the restitution of a world café) and its documents. */
    @Transactional
    public void writeReport(long id, int version, String report, List<EventData.DocumentData> reportDocuments, CurrentPerson by) {
        AgendaEvent e = loadForEdit(id, by);
        if (e.version != version) {
            throw new AgendaException(null, "agenda.error.concurrent");
        }
        if (report != null && report.strip().length() > EventValidator.TEXT_MAX) {
            throw new AgendaException("report", "agenda.error.too-long-text", EventValidator.TEXT_MAX);
        }
        EventData current = data(e);
        List<EventData.DocumentData> docs = new ArrayList<>(current.documents().stream().filter(d -> !d.afterEvent()).toList());
        if (reportDocuments != null) {
            reportDocuments.forEach(d -> docs.add(new EventData.DocumentData(d.title(), d.fileKey(), d.url(), d.mediaType(), d.sizeBytes(), true)));
        }
        EventData withDocs = new EventData(current.type(), current.title(), current.summary(), current.description(), current.allDay(),
                current.start(), current.end(), current.repeat(), current.format(), current.venueName(), current.street(),
                current.postalCode(), current.city(), current.latitude(), current.longitude(), current.onlineUrl(),
                current.organisationIds(), current.themes(), current.countries(), current.audience(), current.free(),
                current.price(), current.accessibility(), docs, current.trainingModuleId(), current.registration(),
                current.sessions(), current.questions());
        List<AgendaException.Problem> problems = validator.problems(withDocs).stream()
                .filter(p -> p.field() != null && p.field().startsWith("documents")).toList();
        if (!problems.isEmpty()) {
            throw new AgendaException(problems);
        }
        e.report = blankToNull(report);
        e.documents.clear();
        docs.forEach(d -> e.documents.add(new EventDocument(d)));
        e.updatedAt = Instant.now();
        publisher.publishEvent(new EventChanged(e.id, e.status, e.status, false));
    }

    // ------------------------------------------------------------------ helpers (package)

    /** What participants plan around: when (occurrences included) and where. */
    private static List<Object> plan(AgendaEvent e) {
        return java.util.Arrays.asList(e.allDay, e.localStart, e.localEnd, e.repeatFrequency, e.repeatInterval, e.repeatUntil,
                e.repeatCount, new java.util.TreeSet<>(e.exceptions), e.format, e.venueName, e.street, e.postalCode, e.city,
                e.onlineUrl);
    }

    AgendaEvent load(long id) {
        return events.findById(id).orElseThrow(() -> new EventNotFoundException("#" + id));
    }

    AgendaEvent loadForEdit(long id, CurrentPerson by) {
        AgendaEvent e = load(id);
        if (!canEdit(id, by)) {
            throw new AccessDeniedException("Not an organiser of event " + id);
        }
        return e;
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private void checkOrganisations(EventData data) {
        Map<Long, OrganisationRef> refs = directory.refs(data.organisationIds());
        for (Long org : data.organisationIds()) {
            if (!refs.containsKey(org)) {
                throw new AgendaException("organisationIds", "agenda.error.organisation-unknown");
            }
        }
    }

    private static EventData withModule(EventData d, Long module) {
        return new EventData(d.type(), d.title(), d.summary(), d.description(), d.allDay(), d.start(), d.end(), d.repeat(),
                d.format(), d.venueName(), d.street(), d.postalCode(), d.city(), d.latitude(), d.longitude(), d.onlineUrl(),
                d.organisationIds(), d.themes(), d.countries(), d.audience(), d.free(), d.price(), d.accessibility(),
                d.documents(), module, d.registration(), d.sessions(), d.questions());
    }

    /** Copies the content onto the entity (no validation here: callers validate first). */
    void apply(EventData d, AgendaEvent e) {
        ZoneId zone = ZoneId.of(e.timeZone);
        e.type = d.type();
        e.title = d.title().strip();
        e.summary = blankToNull(d.summary());
        e.description = blankToNull(d.description());
        e.allDay = d.allDay();
        e.localStart = d.allDay() ? d.start().toLocalDate().atStartOfDay() : d.start();
        e.localEnd = d.allDay() ? d.end().toLocalDate().atStartOfDay() : d.end();
        if (d.repeats()) {
            e.repeatFrequency = d.repeat().frequency();
            e.repeatInterval = Math.max(1, d.repeat().interval());
            e.repeatUntil = d.repeat().until();
            e.repeatCount = d.repeat().count();
            e.exceptions.clear();
            e.exceptions.addAll(d.repeat().exceptions());
        } else {
            e.repeatFrequency = null;
            e.repeatInterval = 1;
            e.repeatUntil = null;
            e.repeatCount = null;
            e.exceptions.clear();
        }
        e.format = d.format();
        boolean venue = d.format().hasVenue();
        e.venueName = venue ? blankToNull(d.venueName()) : null;
        e.street = venue ? blankToNull(d.street()) : null;
        e.postalCode = venue ? blankToNull(d.postalCode()) : null;
        e.city = venue ? blankToNull(d.city()) : null;
        e.departement = e.postalCode == null ? null : reference.departementForPostalCode(e.postalCode).orElse(null);
        e.latitude = venue ? d.latitude() : null;
        e.longitude = venue ? d.longitude() : null;
        e.onlineUrl = d.format().hasLink() ? blankToNull(d.onlineUrl()) : null;
        e.organisationIds.clear();
        e.organisationIds.addAll(d.organisationIds());
        e.themes.clear();
        e.themes.addAll(d.themes());
        e.countries.clear();
        d.countries().forEach(c -> e.countries.add(c.toUpperCase(java.util.Locale.ROOT)));
        e.audience = blankToNull(d.audience());
        e.free = d.free();
        e.price = d.free() ? null : blankToNull(d.price());
        e.accessibility = blankToNull(d.accessibility());
        e.documents.clear();
        d.documents().forEach(doc -> e.documents.add(new EventDocument(doc)));
        e.trainingModuleId = d.trainingModuleId();
        EventData.RegistrationSettings r = d.registration();
        e.registrationMode = r.mode();
        e.registrationUrl = r.mode() == RegistrationMode.EXTERNAL ? blankToNull(r.url()) : null;
        e.registrationDeadline = r.deadline() == null || !r.mode().onSite() ? null : ZonedDateTime.of(r.deadline(), zone).toInstant();
        e.capacity = r.mode().onSite() ? r.capacity() : null;
        e.waitingList = r.waitingList();
        e.askStructure = r.askStructure();
        applySessions(d, e);
        applyQuestions(d, e);
        span(e);
    }

    private static void applySessions(EventData d, AgendaEvent e) {
        Map<Long, EventSession> byId = new HashMap<>();
        e.sessions.forEach(s -> byId.put(s.id, s));
        List<EventSession> next = new ArrayList<>();
        for (int i = 0; i < d.sessions().size(); i++) {
            EventData.SessionData sd = d.sessions().get(i);
            EventSession s = sd.id() != null && byId.containsKey(sd.id()) ? byId.remove(sd.id()) : new EventSession(e);
            s.apply(sd, i);
            next.add(s);
        }
        e.sessions.clear();
        e.sessions.addAll(next);
    }

    private static void applyQuestions(EventData d, AgendaEvent e) {
        Map<Long, EventQuestion> byId = new HashMap<>();
        e.questions.forEach(q -> byId.put(q.id, q));
        List<EventQuestion> next = new ArrayList<>();
        for (int i = 0; i < d.questions().size(); i++) {
            EventData.QuestionData qd = d.questions().get(i);
            EventQuestion q = qd.id() != null && byId.containsKey(qd.id()) ? byId.remove(qd.id()) : new EventQuestion(e);
            q.apply(qd, i);
            next.add(q);
        }
        e.questions.clear();
        e.questions.addAll(next);
    }

    /** The occurrences of the event as it is now (at least its first date, even when every date is excepted). */
    static List<Occurrence> occurrencesOf(AgendaEvent e) {
        List<Occurrence> occurrences = Recurrence.expand(e);
        return occurrences.isEmpty()
                ? Recurrence.expand(e.allDay, e.localStart, e.localEnd, null, ZoneId.of(e.timeZone))
                : occurrences;
    }

    /** Sets the event's span from its occurrences (before saving). */
    static void span(AgendaEvent e) {
        List<Occurrence> occurrences = occurrencesOf(e);
        e.startsAt = occurrences.get(0).startsAt();
        e.endsAt = occurrences.get(occurrences.size() - 1).endsAt();
    }

    /** Rewrites the materialised occurrences of a saved event. */
    void writeOccurrences(AgendaEvent e) {
        jdbc.sql("delete from agenda_occurrence where event_id = ?").param(e.id).update();
        for (Occurrence o : occurrencesOf(e)) {
            jdbc.sql("insert into agenda_occurrence (event_id, starts_at, ends_at, start_day, end_day) values (?, ?, ?, ?, ?)")
                    .params(e.id, Timestamp.from(o.startsAt()), Timestamp.from(o.endsAt()), Date.valueOf(o.startDay()), Date.valueOf(o.endDay()))
                    .update();
        }
    }

    EventData data(AgendaEvent e) {
        EventData.Repeat repeat = e.repeats()
                ? new EventData.Repeat(e.repeatFrequency, e.repeatInterval, e.repeatUntil, e.repeatCount,
                        e.exceptions.stream().sorted().toList())
                : null;
        LocalDateTime deadline = e.registrationDeadline == null ? null
                : LocalDateTime.ofInstant(e.registrationDeadline, ZoneId.of(e.timeZone));
        return new EventData(e.type, e.title, e.summary, e.description, e.allDay, e.localStart, e.localEnd, repeat,
                e.format, e.venueName, e.street, e.postalCode, e.city, e.latitude, e.longitude, e.onlineUrl,
                List.copyOf(e.organisationIds), e.themes, e.countries, e.audience, e.free, e.price, e.accessibility,
                e.documents.stream().map(EventDocument::data).toList(), e.trainingModuleId,
                new EventData.RegistrationSettings(e.registrationMode, e.registrationUrl, deadline, e.capacity, e.waitingList, e.askStructure),
                e.sessions.stream().map(EventSession::data).toList(), e.questions.stream().map(EventQuestion::data).toList());
    }

    EventDetails details(AgendaEvent e) {
        Map<Long, OrganisationRef> refs = directory.refs(e.organisationIds);
        List<OrganisationRef> orgs = e.organisationIds.stream().map(refs::get).filter(Objects::nonNull).toList();
        List<Occurrence> occurrences = jdbc.sql("select starts_at, ends_at, start_day, end_day from agenda_occurrence where event_id = ? order by starts_at")
                .param(e.id)
                .query((rs, n) -> new Occurrence(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()))
                .list();
        return new EventDetails(e.id, e.slug, e.status, e.moderationMessage, e.report, e.startsAt, e.endsAt, e.departement,
                e.proposedBy, e.version, e.createdAt, e.updatedAt, e.publishedAt, data(e), orgs, occurrences);
    }

    private String uniqueSlug(String title, LocalDateTime start) {
        String base = Slugs.slug(title);
        if (base.isBlank()) {
            base = "evenement";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150).replaceAll("-+$", "");
        }
        String withDate = start == null ? base : base + "-" + start.toLocalDate();
        String slug = withDate;
        for (int i = 2; events.existsBySlug(slug); i++) {
            slug = withDate + "-" + i;
        }
        return slug;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
