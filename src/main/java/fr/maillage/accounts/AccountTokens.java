package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time tokens sent by e-mail or printed in the log. The token itself is never stored: only its
 * SHA-256 hash, so a copy of the database gives no usable link.
 */
@Component
class AccountTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, SETUP }

    /** A valid token: its row id and its person (null for SETUP). */
    record Found(long id, Long personId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a token and returns its clear value (URL-safe, 256 bits). Older ones of the same purpose are revoked. */
    @Transactional
    String issue(Long personId, Purpose purpose, Duration validity) {
        revoke(personId, purpose);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into account_token (person_id, purpose, token_hash, expires_at) values (?, ?, ?, now() + ?::interval)")
                .params(personId, purpose.name(), hash(token), validity.toSeconds() + " seconds")
                .update();
        return token;
    }

    /** The token if it exists, has this purpose, is unused and not expired. */
    @Transactional(readOnly = true)
    Optional<Found> find(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, person_id from account_token
                where token_hash = ? and purpose = ? and used_at is null and expires_at > now()""")
                .params(hash(token), purpose.name())
                .query((rs, n) -> new Found(rs.getLong("id"), (Long) rs.getObject("person_id")))
                .optional();
    }

    /**
     * Marks the token used and returns it, atomically: of two concurrent uses, only one wins.
     */
    @Transactional
    Optional<Found> consume(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update account_token set used_at = now()
                where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
                returning id, person_id""")
                .params(hash(token), purpose.name())
                .query((rs, n) -> new Found(rs.getLong("id"), (Long) rs.getObject("person_id")))
                .optional();
    }

    @Transactional
    void revoke(Long personId, Purpose purpose) {
        if (personId == null) {
            jdbc.sql("delete from account_token where person_id is null and purpose = ?").param(purpose.name()).update();
        } else {
            jdbc.sql("delete from account_token where person_id = ? and purpose = ?").params(personId, purpose.name()).update();
        }
    }

    @Transactional
    void revokeAll(long personId) {
        jdbc.sql("delete from account_token where person_id = ?").param(personId).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
