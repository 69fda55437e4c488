package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.agenda.AgendaException.Problem;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction after a training session. Once a session (an event of type TRAINING, or of a
 * training module) has ended, each CONFIRMED participant not marked absent gets one e-mail with a
 * link to a short form ({@code /agenda/satisfaction/<the registration's token>}); one answer per
 * registration, a second one is refused. Staff read the answers aggregated per module and per
 * session. {@link #sendInvitations} is the job's work, called with the time to consider "now".
 */
@Service
@Transactional(readOnly = true)
public class TrainingSatisfaction {

    /** Sessions that ended longer ago than this get no invitation (turning the job on does not write to last year's trainees). */
    public static final Duration INVITE_WITHIN = Duration.ofDays(30);
    /** Invitations sent per run at most (the next run sends the rest). */
    public static final int BATCH = 500;
    public static final int COMMENT_MAX = 5_000;
    static final String MAIL_CATEGORY = "agenda";

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final Accounts accounts;
    private final MessageSource messages;
    private final MaillageProperties maillage;
    private final SiteProperties site;

    TrainingSatisfaction(JdbcClient jdbc, Mailer mailer, Accounts accounts, MessageSource messages, MaillageProperties maillage,
                         SiteProperties site) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.accounts = accounts;
        this.messages = messages;
        this.maillage = maillage;
        this.site = site;
    }

    // ------------------------------------------------------------------ invitations (job)

    private record Invitee(long registrationId, String email, String fullName, Long personId, String token, String title,
                           Instant startsAt) {
    }

    /**
     * Sends the invitations due at {@code now} (sessions ended within {@link #INVITE_WITHIN}),
     * at most {@link #BATCH}, and records them so that nobody gets two. Returns how many.
     */
    @Transactional
    public int sendInvitations(Instant now) {
        List<Invitee> due = jdbc.sql("""
                select r.id, r.email, r.full_name, r.person_id, r.cancel_token, e.title, e.starts_at
                from agenda_registration r join agenda_event e on e.id = r.event_id
                where r.status = 'CONFIRMED' and (r.attended is null or r.attended) and r.satisfaction_sent_at is null
                  and e.status = 'PUBLISHED' and (e.type = 'TRAINING' or e.training_module_id is not null)
                  and e.ends_at <= ? and e.ends_at > ?
                  and not exists (select 1 from agenda_satisfaction s where s.registration_id = r.id)
                order by e.ends_at, r.id
                limit ?
                for update of r skip locked""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(INVITE_WITHIN)), BATCH)
                .query((rs, n) -> new Invitee(rs.getLong("id"), rs.getString("email"), rs.getString("full_name"),
                        (Long) rs.getObject("person_id"), rs.getString("cancel_token"), rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant()))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, PersonSummary> people = accounts.findAll(due.stream().map(Invitee::personId).filter(java.util.Objects::nonNull).distinct().toList());
        for (Invitee i : due) {
            PersonSummary p = i.personId() == null ? null : people.get(i.personId());
            Locale locale = p != null && p.locale() != null ? p.locale() : Locale.FRENCH;
            String day = Dates.day(i.startsAt(), locale);
            String link = base() + "/agenda/satisfaction/" + i.token();
            Object[] args = {i.fullName(), i.title(), day, link, site.name()};
            mailer.queue(new OutgoingMail(i.email(), messages.getMessage("agenda.training.mail.subject", args, locale),
                    messages.getMessage("agenda.training.mail.body", args, locale), null, MAIL_CATEGORY));
            jdbc.sql("update agenda_registration set satisfaction_sent_at = ? where id = ?").params(Timestamp.from(now), i.registrationId()).update();
        }
        return due.size();
    }

    // ------------------------------------------------------------------ the form

    /** The form of the registration with this token (its cancel token), if any. */
    public Optional<SatisfactionForm> form(String token, Instant now) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.full_name, r.status, r.attended, e.id as event_id, e.slug, e.title, e.starts_at, e.ends_at, e.all_day,
                       e.local_start, e.local_end, e.type, e.status as event_status, m.title as module_title, m.slug as module_slug,
                       exists (select 1 from agenda_satisfaction s where s.registration_id = r.id) as answered
                from agenda_registration r join agenda_event e on e.id = r.event_id
                left join agenda_training_module m on m.id = e.training_module_id
                where r.cancel_token = ?""")
                .param(token)
                .query((rs, n) -> form(rs, now))
                .optional();
    }

    private static SatisfactionForm form(ResultSet rs, Instant now) throws SQLException {
        Instant ends = rs.getTimestamp("ends_at").toInstant();
        boolean training = "TRAINING".equals(rs.getString("type")) || rs.getString("module_slug") != null;
        Boolean attended = (Boolean) rs.getObject("attended");
        boolean eligible = training && "CONFIRMED".equals(rs.getString("status")) && !Boolean.FALSE.equals(attended)
                && "PUBLISHED".equals(rs.getString("event_status"));
        SatisfactionForm.State state = rs.getBoolean("answered") ? SatisfactionForm.State.ANSWERED
                : !eligible ? SatisfactionForm.State.NOT_ELIGIBLE
                : ends.isAfter(now) ? SatisfactionForm.State.NOT_YET
                : SatisfactionForm.State.OPEN;
        return new SatisfactionForm(rs.getLong("id"), rs.getString("full_name"), rs.getLong("event_id"), rs.getString("slug"),
                rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), ends, rs.getBoolean("all_day"),
                rs.getTimestamp("local_start").toLocalDateTime().toLocalDate(), rs.getTimestamp("local_end").toLocalDateTime().toLocalDate(),
                rs.getString("module_title"), rs.getString("module_slug"), state);
    }

    /**
     * Records the answers of the registration with this token. Refused, nothing written, with an
     * {@link AgendaException}: a score out of 1..5 or missing overall score (per field), a comment
     * too long, a form already answered ({@code agenda.training.error.already-answered}), not open
     * yet or not for this registration.
     */
    @Transactional
    public void submit(String token, SatisfactionAnswers a, Instant now) {
        SatisfactionForm f = form(token, now).orElseThrow(() -> new EventNotFoundException("satisfaction " + token));
        switch (f.state()) {
            case ANSWERED -> throw new AgendaException(null, "agenda.training.error.already-answered");
            case NOT_YET -> throw new AgendaException(null, "agenda.training.error.not-yet");
            case NOT_ELIGIBLE -> throw new AgendaException(null, "agenda.training.error.not-eligible");
            case OPEN -> { }
        }
        List<Problem> p = new ArrayList<>();
        if (a.overall() == null) {
            p.add(new Problem("overall", "agenda.training.error.overall", List.of()));
        }
        score(p, "overall", a.overall());
        score(p, "content", a.content());
        score(p, "trainer", a.trainer());
        score(p, "organisation", a.organisation());
        score(p, "usefulness", a.usefulness());
        if (a.comment() != null && a.comment().strip().length() > COMMENT_MAX) {
            p.add(new Problem("comment", "agenda.error.too-long-text", List.of(COMMENT_MAX)));
        }
        if (!p.isEmpty()) {
            throw new AgendaException(p);
        }
        try {
            int written = jdbc.sql("""
                    insert into agenda_satisfaction (registration_id, event_id, overall, content, trainer, organisation, usefulness,
                                                     would_recommend, comment)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (registration_id) do nothing""")
                    .params(f.registrationId(), f.eventId(), a.overall(), a.content(), a.trainer(), a.organisation(), a.usefulness(),
                            a.wouldRecommend(), Agenda.blankToNull(a.comment()))
                    .update();
            if (written == 0) {
                throw new AgendaException(null, "agenda.training.error.already-answered");
            }
        } catch (DuplicateKeyException e) {
            throw new AgendaException(null, "agenda.training.error.already-answered");
        }
    }

    private static void score(List<Problem> p, String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            p.add(new Problem(field, "agenda.training.error.score", List.of()));
        }
    }

    // ------------------------------------------------------------------ results (staff)

    /** The satisfaction of a module's sessions (all of them when {@code eventId} is null, else that session's). */
    public SatisfactionResults results(long moduleId, Long eventId, Instant now) {
        String scope = eventId == null ? "e.training_module_id = ?" : "e.training_module_id = ? and e.id = ?";
        List<Object> params = new ArrayList<>();
        params.add(moduleId);
        if (eventId != null) {
            params.add(eventId);
        }
        List<SatisfactionResults.SessionFigures> sessions = jdbc.sql("""
                select e.id, e.slug, e.title, e.starts_at, e.status,
                       (select count(*) from agenda_registration r where r.event_id = e.id
                          and ((r.status = 'CONFIRMED' and (r.attended is null or r.attended) and e.ends_at <= ?)
                               or exists (select 1 from agenda_satisfaction x where x.registration_id = r.id))) as participants,
                       (select count(*) from agenda_satisfaction s where s.event_id = e.id) as answers,
                       (select avg(s.overall) from agenda_satisfaction s where s.event_id = e.id) as overall
                from agenda_event e
                where\s""" + scope + " and e.status in ('PUBLISHED', 'CANCELLED') and e.starts_at <= ? order by e.starts_at desc")
                .params(with(Timestamp.from(now), params, Timestamp.from(now)))
                .query((rs, n) -> new SatisfactionResults.SessionFigures(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(), "CANCELLED".equals(rs.getString("status")), rs.getInt("participants"),
                        rs.getInt("answers"), rs.getObject("overall") == null ? null : rs.getDouble("overall")))
                .list();
        int participants = sessions.stream().mapToInt(SatisfactionResults.SessionFigures::participants).sum();
        return jdbc.sql("""
                select count(*) as answers, avg(s.overall) as overall, avg(s.content) as content, avg(s.trainer) as trainer,
                       avg(s.organisation) as organisation, avg(s.usefulness) as usefulness,
                       count(*) filter (where s.overall = 1) as o1, count(*) filter (where s.overall = 2) as o2,
                       count(*) filter (where s.overall = 3) as o3, count(*) filter (where s.overall = 4) as o4,
                       count(*) filter (where s.overall = 5) as o5,
                       count(*) filter (where s.would_recommend) as yes, count(*) filter (where not s.would_recommend) as no
                from agenda_satisfaction s join agenda_event e on e.id = s.event_id
                where\s""" + scope)
                .params(params)
                .query((rs, n) -> new SatisfactionResults(rs.getInt("answers"), participants, avg(rs, "overall"), avg(rs, "content"),
                        avg(rs, "trainer"), avg(rs, "organisation"), avg(rs, "usefulness"),
                        List.of(rs.getInt("o1"), rs.getInt("o2"), rs.getInt("o3"), rs.getInt("o4"), rs.getInt("o5")),
                        rs.getInt("yes"), rs.getInt("no"), comments(scope, params), sessions))
                .single();
    }

    private List<SatisfactionResults.Comment> comments(String scope, List<Object> params) {
        return jdbc.sql("""
                select s.comment, s.overall, e.title, e.slug, e.starts_at from agenda_satisfaction s join agenda_event e on e.id = s.event_id
                where s.comment is not null and\s""" + scope + " order by s.created_at desc, s.id desc limit 500")
                .params(params)
                .query((rs, n) -> new SatisfactionResults.Comment(rs.getString("comment"), rs.getInt("overall"), rs.getString("title"),
                        rs.getString("slug"), rs.getTimestamp("starts_at").toInstant()))
                .list();
    }

    private static Double avg(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getDouble(column);
    }

    private static List<Object> with(Object first, List<Object> middle, Object last) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(middle);
        out.add(last);
        return out;
    }

    private String base() {
        String b = maillage.baseUrl() == null ? "" : maillage.baseUrl().strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
