package fr.maillage.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate limiting of logins: at most N failures per e-mail and M per client address within a
 * window. Kept in the database so that every node of a cluster sees the same counts. Unknown
 * e-mails count exactly like known ones (no user enumeration).
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountsProperties properties;

    LoginThrottle(JdbcClient jdbc, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String email, String ip) {
        return failures("EMAIL", Person.normaliseEmail(email)) >= properties.maxFailuresPerEmail()
                || (ip != null && failures("IP", ip) >= properties.maxFailuresPerIp());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String email, String ip) {
        jdbc.sql("insert into login_failure (kind, subject) values ('EMAIL', ?)").param(truncate(Person.normaliseEmail(email))).update();
        if (ip != null) {
            jdbc.sql("insert into login_failure (kind, subject) values ('IP', ?)").param(truncate(ip)).update();
        }
        // keep the table small
        jdbc.sql("delete from login_failure where at < now() - interval '1 day'").update();
    }

    /** A successful login forgets the failures of that e-mail. */
    @Transactional
    void clear(String email) {
        jdbc.sql("delete from login_failure where kind = 'EMAIL' and subject = ?").param(Person.normaliseEmail(email)).update();
    }

    private int failures(String kind, String subject) {
        return jdbc.sql("select count(*) from login_failure where kind = ? and subject = ? and at > now() - ?::interval")
                .params(kind, truncate(subject), properties.failureWindow().toSeconds() + " seconds")
                .query(Integer.class).single();
    }

    private static String truncate(String s) {
        return s.length() > 320 ? s.substring(0, 320) : s;
    }
}
