package fr.maillage.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every e-mail goes through the outbox: {@link #queue} writes it in the caller's transaction
 * (so a message exists if and only if what it tells happened), and a job sends it over SMTP
 * with retries. Without SMTP, staff read the outbox in the admin area.
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;

    Mailer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the message and returns its outbox id. */
    @Transactional
    public long queue(OutgoingMail mail) {
        if (mail.to() == null || mail.to().isBlank()) {
            throw new IllegalArgumentException("Destinataire manquant");
        }
        String replyTo = mail.replyTo() == null || mail.replyTo().isBlank() ? null : mail.replyTo().strip();
        long id = jdbc.sql("""
                insert into mail_outbox (recipient, subject, body_text, body_html, category, reply_to)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(mail.to().trim(), mail.subject(), mail.text(), mail.html(), mail.category(), replyTo)
                .query(Long.class).single();
        int position = 0;
        for (MailAttachment file : mail.attachments()) {
            jdbc.sql("insert into mail_attachment (mail_id, position, filename, content_type, content) values (?, ?, ?, ?, ?)")
                    .params(id, position++, file.filename(), file.contentType(), file.content()).update();
        }
        return id;
    }
}
