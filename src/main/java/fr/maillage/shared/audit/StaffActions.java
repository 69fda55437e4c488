package fr.maillage.shared.audit;

import java.time.Instant;
import java.util.List;

import fr.maillage.shared.security.CurrentPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The log of staff actions (moderation, merges, role changes...), read in the admin area. */
@Service
public class StaffActions {

    public record StaffAction(long id, Instant at, Long actorId, String actorEmail, String action,
                              String targetType, Long targetId, String details) {
    }

    private final JdbcClient jdbc;

    StaffActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action in the caller's transaction: the action and its log stand or fall together. */
    @Transactional
    public void record(CurrentPerson actor, String action, String targetType, Long targetId, String details) {
        jdbc.sql("insert into staff_action (actor_id, actor_email, action, target_type, target_id, details) values (?, ?, ?, ?, ?, ?)")
                .params(actor == null ? null : actor.personId(), actor == null ? null : actor.email(), action, targetType, targetId, details)
                .update();
    }

    @Transactional(readOnly = true)
    public List<StaffAction> latest(int offset, int limit) {
        return jdbc.sql("select * from staff_action order by at desc, id desc offset ? limit ?")
                .params(offset, limit)
                .query((rs, n) -> new StaffAction(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id"), rs.getString("actor_email"), rs.getString("action"),
                        rs.getString("target_type"), (Long) rs.getObject("target_id"), rs.getString("details")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<StaffAction> forTarget(String targetType, long targetId) {
        return jdbc.sql("select * from staff_action where target_type = ? and target_id = ? order by at desc, id desc")
                .params(targetType, targetId)
                .query((rs, n) -> new StaffAction(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id"), rs.getString("actor_email"), rs.getString("action"),
                        rs.getString("target_type"), (Long) rs.getObject("target_id"), rs.getString("details")))
                .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from staff_action").query(Long.class).single();
    }
}
