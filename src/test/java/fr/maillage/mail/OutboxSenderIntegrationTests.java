package fr.maillage.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox job against a real SMTP server (GreenMail) on a random port. */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class OutboxSenderIntegrationTests {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("maillage.mail.poll-interval", () -> "200ms");
        registry.add("maillage.mail.from", () -> "reseau@maillage.test");
    }

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    GreenMail greenMail;

    @org.junit.jupiter.api.BeforeEach
    void parkOtherTestsMessages() {
        // the outbox is shared by every test class of the run: other classes' messages would be
        // sent (and counted) before this class's own
        jdbc.sql("update mail_outbox set next_attempt_at = now() + interval '1 day' where status = 'PENDING'").update();
    }

    @AfterEach
    void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void sendsAQueuedMessageOverSmtpAndMarksItSent() throws Exception {
        startSmtp();
        String to = "destinataire-" + UUID.randomUUID() + "@exemple.fr";
        long id = mailer.queue(new OutgoingMail(to, "Bienvenue sur Maillage", "Bonjour,\nvoici le lien : https://exemple.fr/x", null, "test"));

        await(() -> received(to) != null);
        MimeMessage message = received(to);
        assertThat(message.getSubject()).isEqualTo("Bienvenue sur Maillage");
        assertThat(message.getFrom()[0].toString()).isEqualTo("reseau@maillage.test");
        assertThat(GreenMailUtil.getBody(message)).contains("voici le lien");

        await(() -> outbox.find(id).orElseThrow().status() == MailStatus.SENT);
        OutboxMessage sent = outbox.find(id).orElseThrow();
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(outbox.smtpConfigured()).isTrue();
    }

    @Test
    void aRelayedMessageGoesOutWithItsReplyToAndTheSiteAsSender() throws Exception {
        startSmtp();
        String to = "relais-" + UUID.randomUUID() + "@exemple.fr";
        long id = mailer.queue(new OutgoingMail(to, "Un message relayé", "Bonjour", null, "test", "awa.diop@exemple.sn"));
        assertThat(outbox.find(id).orElseThrow().replyTo()).isEqualTo("awa.diop@exemple.sn");

        await(() -> received(to) != null);
        MimeMessage message = received(to);
        assertThat(message.getFrom()[0].toString()).isEqualTo("reseau@maillage.test");
        assertThat(message.getReplyTo()).extracting(Object::toString).containsExactly("awa.diop@exemple.sn");

        // the site's own messages have no Reply-To header (replies go to the sender address)
        String plain = "ordinaire-" + UUID.randomUUID() + "@exemple.fr";
        mailer.queue(new OutgoingMail(plain, "Sans Reply-To", "Texte", null, "test"));
        await(() -> received(plain) != null);
        assertThat(received(plain).getHeader("Reply-To")).isNull();
    }

    @Test
    void sendsTheAttachedFilesWithTheMessage() throws Exception {
        startSmtp();
        String to = "invitation-" + UUID.randomUUID() + "@exemple.fr";
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Maillage//FR\r\nEND:VCALENDAR\r\n";
        mailer.queue(new OutgoingMail(to, "Votre inscription", "Bonjour, vous êtes inscrite.", null, "test")
                .withAttachments(List.of(MailAttachment.calendar("invitation.ics", ics, "REQUEST"))));

        await(() -> received(to) != null);
        MimeMultipart parts = (MimeMultipart) received(to).getContent();
        BodyPart attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if ("invitation.ics".equals(parts.getBodyPart(i).getFileName())) {
                attached = parts.getBodyPart(i);
            }
        }
        assertThat(attached).as("invitation.ics attached").isNotNull();
        assertThat(attached.getContentType()).startsWith("text/calendar");
        assertThat(new String(attached.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
    }

    @Test
    void retriesWithBackoffWhileTheServerIsDownThenSends() throws Exception {
        String to = "patient-" + UUID.randomUUID() + "@exemple.fr";
        long id = mailer.queue(new OutgoingMail(to, "Réessayé", "Texte", "<p>Texte</p>", "test"));

        // SMTP down: the attempt fails, is counted, and the next one is about a minute later
        await(() -> outbox.find(id).orElseThrow().attempts() >= 1);
        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(Duration.between(Instant.now(), failed.nextAttemptAt())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));

        // server back, and the minute has passed
        startSmtp();
        jdbc.sql("update mail_outbox set next_attempt_at = now() where id = ?").param(id).update();

        await(() -> received(to) != null);
        await(() -> outbox.find(id).orElseThrow().status() == MailStatus.SENT);
        OutboxMessage sent = outbox.find(id).orElseThrow();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(GreenMailUtil.getBody(received(to))).contains("Texte");
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttemptsAndStaffCanResend() throws Exception {
        String to = "abandon-" + UUID.randomUUID() + "@exemple.fr";
        long id = mailer.queue(new OutgoingMail(to, "Abandon", "Texte", null, "test"));
        jdbc.sql("update mail_outbox set attempts = 9, next_attempt_at = now() where id = ?").param(id).update();

        await(() -> outbox.find(id).orElseThrow().status() == MailStatus.FAILED);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(10);

        startSmtp();
        assertThat(outbox.resend(id)).isTrue();
        await(() -> received(to) != null);
        await(() -> outbox.find(id).orElseThrow().status() == MailStatus.SENT);
    }

    private void startSmtp() {
        greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    private MimeMessage received(String to) {
        if (greenMail == null) {
            return null;
        }
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
