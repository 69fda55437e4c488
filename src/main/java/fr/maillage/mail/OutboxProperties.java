package fr.maillage.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox sending ({@code maillage.mail.*}). SMTP itself is Spring Boot's {@code spring.mail.*}
 * ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME}...): with no host,
 * nothing is sent and staff read the messages in the admin area.
 *
 * @param from         sender address ({@code MAILLAGE_MAIL_FROM})
 * @param pollInterval how often the job looks for messages to send
 * @param batchSize    messages sent per run at most
 * @param maxAttempts  attempts before a message is marked FAILED
 * @param maxBackoff   longest wait between two attempts (1 min, 2, 4... up to this)
 */
@ConfigurationProperties("maillage.mail")
public record OutboxProperties(String from, Duration pollInterval, Integer batchSize, Integer maxAttempts, Duration maxBackoff) {

    public OutboxProperties {
        from = from == null || from.isBlank() ? "no-reply@maillage.example" : from.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 20 : batchSize;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
    }

    /** Wait before the next attempt, after {@code attempts} failed ones: 1 min, 2, 4... capped. */
    public Duration backoff(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = Duration.ofMinutes(1L << exponent);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
