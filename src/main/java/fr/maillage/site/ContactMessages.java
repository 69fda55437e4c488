package fr.maillage.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.SiteProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact form: each message is kept and relayed to the network's team by e-mail
 * (the sender's address goes in the text, never on a public page). Limited to a few messages
 * an hour from one address, against spam.
 */
@Service
public class ContactMessages {

    public static final int MAX_PER_HOUR = 5;

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final SiteProperties site;

    ContactMessages(JdbcClient jdbc, Mailer mailer, SiteProperties site) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.site = site;
    }

    public boolean tooMany(String ip) {
        long recent = jdbc.sql("select count(*) from contact_message where ip_hash = ? and created_at > now() - interval '1 hour'")
                .param(hash(ip)).query(Long.class).single();
        return recent >= MAX_PER_HOUR;
    }

    @Transactional
    public void send(String name, String email, String subject, String body, String ip) {
        jdbc.sql("insert into contact_message (name, email, subject, body, ip_hash) values (?, ?, ?, ?, ?)")
                .params(name.strip(), email.strip(), subject.strip(), body.strip(), hash(ip)).update();
        String text = "Message reçu depuis le formulaire de contact de " + site.name() + "\n\n"
                + "De : " + name.strip() + " <" + email.strip() + ">\n"
                + "Objet : " + subject.strip() + "\n\n" + body.strip() + "\n";
        mailer.queue(new OutgoingMail(site.contactEmail(), "[Contact] " + subject.strip(), text, null, "contact"));
    }

    private static String hash(String ip) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(String.valueOf(ip).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
