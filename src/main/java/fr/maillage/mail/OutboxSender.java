package fr.maillage.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP, every few seconds, on one node at a time (ShedLock). Due PENDING
 * messages are locked ({@code for update skip locked}), sent, and marked SENT; a failure counts
 * an attempt and postpones the message (1 min, 2, 4... up to 1 h), and after the maximum number
 * of attempts the message is FAILED (staff may "Renvoyer" it). Without SMTP configured the job
 * does nothing: messages stay PENDING with no attempt, readable by staff at
 * {@code /admin/courriels}, and are sent once a server is configured.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private record Due(long id, String recipient, String subject, String text, String html, String replyTo, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> senders;
    private final Outbox outbox;
    private final OutboxProperties properties;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> senders,
                 Outbox outbox, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.senders = senders;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${maillage.mail.poll-interval:5s}", initialDelayString = "${maillage.mail.poll-interval:5s}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT15M")
    void run() {
        sendDue();
    }

    /** Sends the due messages; returns how many were sent. */
    int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || !outbox.smtpConfigured()) {
            return 0;
        }
        Integer sent = transactions.execute(status -> {
            List<Due> due = jdbc.sql("""
                    select id, recipient, subject, body_text, body_html, reply_to, attempts from mail_outbox
                    where status = 'PENDING' and next_attempt_at <= now()
                    order by next_attempt_at, id limit ? for update skip locked""")
                    .param(properties.batchSize())
                    .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body_text"), rs.getString("body_html"), rs.getString("reply_to"), rs.getInt("attempts")))
                    .list();
            int count = 0;
            for (Due mail : due) {
                if (send(sender, mail)) {
                    count++;
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** The files to send with a message, in order. */
    List<MailAttachment> attachments(long mailId) {
        return jdbc.sql("select filename, content_type, content from mail_attachment where mail_id = ? order by position")
                .param(mailId)
                .query((rs, n) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    private boolean send(JavaMailSender sender, Due mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            List<MailAttachment> files = attachments(mail.id());
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null || !files.isEmpty(),
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            if (mail.replyTo() != null) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
            for (MailAttachment file : files) {
                helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
            }
            sender.send(message);
            jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = null where id = ?")
                    .param(mail.id()).update();
            return true;
        } catch (Exception e) {
            int attempts = mail.attempts() + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (error.length() > 2000) {
                error = error.substring(0, 2000);
            }
            if (attempts >= properties.maxAttempts()) {
                log.warn("Courriel {} abandonné après {} tentatives : {}", mail.id(), attempts, error);
                jdbc.sql("update mail_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                        .params(attempts, error, mail.id()).update();
            } else {
                log.info("Échec d'envoi du courriel {} (tentative {}), nouvel essai dans {} : {}", mail.id(), attempts,
                        properties.backoff(attempts), error);
                jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = now() + ?::interval where id = ?")
                        .params(attempts, error, properties.backoff(attempts).toSeconds() + " seconds", mail.id()).update();
            }
            return false;
        }
    }
}
