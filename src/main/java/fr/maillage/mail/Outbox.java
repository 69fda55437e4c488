package fr.maillage.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the outbox (admin area, personal data export) and acting on it. */
@Service
@Transactional(readOnly = true)
public class Outbox {

    public static final int PAGE_SIZE = 50;

    /** Filters of the admin list; blank or null means any. {@code page} starts at 0. */
    public record Query(String recipient, String category, MailStatus status, int page) {
    }

    public record Page(List<OutboxMessage> items, long total, int page, int totalPages) {
    }

    private final JdbcClient jdbc;
    private final Environment env;

    Outbox(JdbcClient jdbc, Environment env) {
        this.jdbc = jdbc;
        this.env = env;
    }

    /** True when an SMTP server is configured ({@code spring.mail.host} not blank): messages are sent. */
    public boolean smtpConfigured() {
        String host = env.getProperty("spring.mail.host");
        return host != null && !host.isBlank();
    }

    public Page search(Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.recipient() != null && !query.recipient().isBlank()) {
            where.append(" and lower(recipient) like ? escape '\\'");
            params.add("%" + escapeLike(query.recipient().strip().toLowerCase()) + "%");
        }
        if (query.category() != null && !query.category().isBlank()) {
            where.append(" and category = ?");
            params.add(query.category().strip());
        }
        if (query.status() != null) {
            where.append(" and status = ?");
            params.add(query.status().name());
        }
        long total = jdbc.sql("select count(*) from mail_outbox" + where).params(params).query(Long.class).single();
        int page = Math.max(0, query.page());
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) page * PAGE_SIZE);
        pageParams.add(PAGE_SIZE);
        List<OutboxMessage> items = jdbc.sql("select * from mail_outbox" + where + " order by created_at desc, id desc offset ? limit ?")
                .params(pageParams).query(Outbox::map).list();
        return new Page(items, total, page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(Outbox::map).optional();
    }

    /** Messages sent to this address, newest first (personal data export). */
    public List<OutboxMessage> forRecipient(String email) {
        return jdbc.sql("select * from mail_outbox where lower(recipient) = lower(?) order by created_at desc, id desc")
                .param(email).query(Outbox::map).list();
    }

    public List<String> categories() {
        return jdbc.sql("select distinct category from mail_outbox order by category").query(String.class).list();
    }

    public Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus s : MailStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from mail_outbox group by status")
                .query(rs -> {
                    counts.put(MailStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Puts a message back in the queue, to be sent at the next run. False when it does not exist. */
    @Transactional
    public boolean resend(long id) {
        return jdbc.sql("""
                update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null
                where id = ?""").param(id).update() == 1;
    }

    /**
     * Deletes every message sent to this address (a person deleted their account), and drops the
     * address from the Reply-To of messages relayed on their behalf that are not sent yet.
     */
    @Transactional
    public int forget(String email) {
        jdbc.sql("update mail_outbox set reply_to = null where lower(reply_to) = lower(?)").param(email).update();
        return jdbc.sql("delete from mail_outbox where lower(recipient) = lower(?)").param(email).update();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OutboxMessage map(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), instant(rs.getTimestamp("created_at")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("category"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("sent_at")), rs.getString("reply_to"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
