package fr.maillage.directory;

import static fr.maillage.directory.OrganisationTestData.marker;
import static fr.maillage.directory.OrganisationTestData.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fr.maillage.accounts.PersonDeleted;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * "Prendre contact": a message is relayed to the right people through the outbox (and, over
 * SMTP, reaches them with the sender as Reply-To), the sender never sees their addresses, the
 * limits hold, robots and bad input get nothing sent, and unpublished structures cannot be
 * written to. Staff see who wrote to whom, never the text.
 */
@SpringBootTest
@ActiveProfiles("test")
class ContactRelayIntegrationTests {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("maillage.mail.poll-interval", () -> "300ms");
        registry.add("maillage.mail.from", () -> "annuaire@maillage.test");
        registry.add("maillage.site.contact-email", () -> "equipe@maillage.test");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    static final String BODY = "Bonjour,\nnous montons un projet d’eau potable à Podor et cherchons des partenaires.\n"
            + "**Pas de gras** <script>alert('x')</script> _ni d’italique_.";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    ContactRelay relay;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        // structures created outside a web request record their people's language from this
        LocaleContextHolder.setLocale(Locale.FRENCH);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        // the outbox is shared by every test class of the run: other classes' messages (hundreds,
        // from the registration tests) would be sent to this class's SMTP server before its own
        jdbc.sql("update mail_outbox set next_attempt_at = now() + interval '1 day' where status = 'PENDING'").update();
    }

    /** A published structure managed by an admin and an editor. */
    record Managed(String m, long id, String slug, TestPerson admin, TestPerson editor) {
    }

    Managed managed() {
        String m = marker();
        TestPerson admin = TestStructures.member("Admin " + m);
        long id = TestStructures.association(directory, admin, "Eau Vive " + m);
        TestPerson editor = TestStructures.member("Rédactrice " + m);
        long request = directory.requestToJoin(id, editor, null);
        directory.decideJoinRequest(request, true, admin);
        return new Managed(m, id, directory.ref(id).orElseThrow().slug(), admin, editor);
    }

    record Outgoing(String recipient, String subject, String body, String html, String replyTo) {
    }

    List<Outgoing> relayed(String marker) {
        return jdbc.sql("select recipient, subject, body_text, body_html, reply_to from mail_outbox where category = ? and body_text like ? order by id")
                .params(ContactRelay.CATEGORY, "%" + marker + "%")
                .query((rs, n) -> new Outgoing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    long rows(long organisationId) {
        return jdbc.sql("select count(*) from directory_contact_message where organisation_id = ?").param(organisationId).query(Long.class).single();
    }

    ResultActions write(String slug, TestPerson sender, String subject, String body, String... more) throws Exception {
        var request = post("/acteurs/" + slug + "/contacter").with(user(sender)).with(csrf())
                .param("subject", subject).param("body", body);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return mvc.perform(request);
    }

    // ------------------------------------------------------------------ relaying

    @Test
    void aMessageIsRelayedToTheAdminsAndEditorsWithTheSenderAsReplyToAndACopyThatHidesTheirAddresses() throws Exception {
        Managed s = managed();
        TestPerson sender = TestStructures.member("Awa Diop " + s.m());

        String form = mvc.perform(get("/acteurs/" + s.slug() + "/contacter").with(user(sender)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Écrire à «\u00a0Eau Vive " + s.m() + "\u00a0»")
                .contains("vous acceptez que votre nom et votre adresse e-mail (" + sender.email() + ") soient transmis aux destinataires")
                .contains("name=\"website\"")
                .doesNotContain(s.admin().email()).doesNotContain(s.editor().email());

        write(s.slug(), sender, "Projet d’eau à Podor " + s.m(), BODY + " " + s.m())
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/acteurs/" + s.slug()))
                .andExpect(flash().attribute("flash", "Votre message a été transmis aux contacts de «\u00a0Eau Vive " + s.m()
                        + "\u00a0». Une copie vous a été envoyée à " + sender.email() + "."));

        List<Outgoing> mails = relayed(s.m());
        List<Outgoing> toContacts = mails.stream().filter(o -> sender.email().equals(o.replyTo())).toList();
        assertThat(toContacts).extracting(Outgoing::recipient).containsExactlyInAnyOrder(s.admin().email(), s.editor().email());
        Outgoing toAdmin = toContacts.stream().filter(o -> o.recipient().equals(s.admin().email())).findFirst().orElseThrow();
        long id = jdbc.sql("select id from directory_contact_message where organisation_id = ?").param(s.id()).query(Long.class).single();
        assertThat(toAdmin.subject()).isEqualTo("Awa Diop " + s.m() + " vous écrit via Maillage\u00a0: Projet d’eau à Podor " + s.m());
        assertThat(toAdmin.body())
                .startsWith("Bonjour Admin " + s.m() + ",")
                .contains("Awa Diop " + s.m() + " vous écrit via l’annuaire de Maillage, à l’attention de «\u00a0Eau Vive " + s.m() + "\u00a0».")
                // plain text, as typed: no Markdown, no HTML
                .contains(BODY)
                .contains("répondez simplement à ce courriel")
                .contains("Signaler un abus").contains("référence C-" + id).contains("equipe@maillage.test")
                .doesNotContain(s.editor().email());
        assertThat(toAdmin.html()).isNull();

        List<Outgoing> copies = mails.stream().filter(o -> o.recipient().equals(sender.email())).toList();
        assertThat(copies).hasSize(1);
        Outgoing copy = copies.get(0);
        assertThat(copy.replyTo()).isNull();
        assertThat(copy.subject()).isEqualTo("Copie de votre message à «\u00a0Eau Vive " + s.m() + "\u00a0»\u00a0: Projet d’eau à Podor " + s.m());
        assertThat(copy.body()).contains(BODY).contains("Leurs adresses ne vous sont pas communiquées").contains("Référence\u00a0: C-" + id)
                .doesNotContain(s.admin().email()).doesNotContain(s.editor().email());

        // the page the sender comes back to shows no address either
        String page = mvc.perform(get("/acteurs/" + s.slug()).with(user(sender)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(s.admin().email()).doesNotContain(s.editor().email());

        // only the metadata is kept
        var row = jdbc.sql("select sender_id, recipient_count, on_behalf_of_id from directory_contact_message where id = ?").param(id)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getInt(2), rs.getObject(3) == null ? "none" : rs.getObject(3))).single();
        assertThat(row).containsExactly(sender.personId(), 2, "none");

        // over SMTP: each contact gets their own message, from the site, with the sender as Reply-To
        await(() -> received(s.admin().email()) != null && received(sender.email()) != null);
        MimeMessage delivered = received(s.admin().email());
        assertThat(delivered.getFrom()[0].toString()).isEqualTo("annuaire@maillage.test");
        assertThat(delivered.getReplyTo()).extracting(Object::toString).containsExactly(sender.email());
        assertThat(delivered.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(s.admin().email());
        assertThat(delivered.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(GreenMailUtil.getBody(delivered)).isNotBlank();
        assertThat(raw(received(sender.email()))).doesNotContain(s.admin().email()).doesNotContain(s.editor().email());
    }

    @Test
    void aStructureThatNobodyManagesIsWrittenToAtItsPublicAddressEvenWhenItsPageHidesIt() throws Exception {
        String m = marker();
        Organisation o = organisation("Sans gestionnaire " + m).countries("SN").email("secretariat-" + m + "@exemple.org", false).save(repository);
        TestPerson sender = TestStructures.member("Jean Martin " + m);

        String page = mvc.perform(get("/acteurs/" + o.slug).with(user(sender))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/acteurs/" + o.slug + "/contacter").doesNotContain("secretariat-" + m);

        write(o.slug, sender, "Une question " + m, "Bonjour, pourriez-vous nous dire si vous intervenez à Dakar ? " + m)
                .andExpect(status().is3xxRedirection());

        assertThat(relayed(m)).extracting(Outgoing::recipient).containsExactlyInAnyOrder("secretariat-" + m + "@exemple.org", sender.email());
        assertThat(relayed(m).get(0).body()).startsWith("Bonjour Sans gestionnaire " + m + ",");
    }

    @Test
    void aStructureWithoutAnyContactOffersNoButtonAndExplainsWhy() throws Exception {
        String m = marker();
        Organisation o = organisation("Injoignable " + m).save(repository);
        TestPerson sender = TestStructures.member("Paul " + m);

        String page = mvc.perform(get("/acteurs/" + o.slug).with(user(sender))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/acteurs/" + o.slug + "/contacter");
        String form = mvc.perform(get("/acteurs/" + o.slug + "/contacter").with(user(sender)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("n’a pas encore de contact à qui transmettre un message").doesNotContain("<textarea");

        String html = write(o.slug, sender, "Bonjour " + m, "Un message assez long pour passer les contrôles. " + m)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("n’a pas encore de contact");
        assertThat(relayed(m)).isEmpty();
        assertThat(rows(o.id)).isZero();
    }

    @Test
    void theSenderMayWriteOnBehalfOfOneOfTheirPublishedStructuresOnly() throws Exception {
        Managed s = managed();
        TestPerson sender = TestStructures.member("Fatou " + s.m());
        long theirs = TestStructures.published(directory, sender, "Jumelage Podor " + s.m(), "association", "33600", "Pessac",
                List.of("SN"), List.of("eau-assainissement"));
        TestPerson stranger = TestStructures.member("Autre " + s.m());
        long notTheirs = TestStructures.association(directory, stranger, "Pas la sienne " + s.m());

        String form = mvc.perform(get("/acteurs/" + s.slug() + "/contacter").with(user(sender)))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"" + theirs + "\">Au nom de «\u00a0Jumelage Podor " + s.m() + "\u00a0»</option>");

        String refused = write(s.slug(), sender, "Partenariat " + s.m(), "Nous aimerions vous rencontrer pour en parler. " + s.m(),
                "onBehalfOf", String.valueOf(notTheirs))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Choisissez une de vos structures publiées, ou écrivez en votre nom.")
                .contains("Nous aimerions vous rencontrer pour en parler. " + s.m());
        assertThat(relayed(s.m())).isEmpty();

        write(s.slug(), sender, "Partenariat " + s.m(), "Nous aimerions vous rencontrer pour en parler. " + s.m(),
                "onBehalfOf", String.valueOf(theirs))
                .andExpect(status().is3xxRedirection());
        Outgoing toAdmin = relayed(s.m()).stream().filter(o -> o.recipient().equals(s.admin().email())).findFirst().orElseThrow();
        String theirSlug = directory.ref(theirs).orElseThrow().slug();
        assertThat(toAdmin.body()).contains("Au nom de «\u00a0Jumelage Podor " + s.m() + "\u00a0»\u00a0: http://").contains("/acteurs/" + theirSlug);
        assertThat(jdbc.sql("select on_behalf_of_id from directory_contact_message where organisation_id = ?").param(s.id())
                .query(Long.class).single()).isEqualTo(theirs);
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void badInputShowsFrenchErrorsNextToTheFieldsKeepsTheTextAndSendsNothing() throws Exception {
        Managed s = managed();
        TestPerson sender = TestStructures.member("Lucie " + s.m());

        String html = write(s.slug(), sender, "  ", "Bref.").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Indiquez l’objet de votre message.")
                .contains("Le message doit comporter entre 20 et 5\u202f000 caractères (il en compte 5).")
                .contains(">Bref.</textarea>")
                .contains("aria-invalid=\"true\"").contains("id=\"body-error\"").contains("id=\"subject-error\"");

        String tooLong = "a".repeat(5_001);
        html = write(s.slug(), sender, "Objet " + s.m(), tooLong).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("(il en compte 5\u202f001)");

        String links = "Voyez https://a.example https://b.example https://c.example www.d.example http://e.example https://f.example " + s.m();
        html = write(s.slug(), sender, "Publicité " + s.m(), links).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Le message contient trop de liens\u00a0: 5 au plus.");

        html = write(s.slug(), sender, "x".repeat(151), "Un texte de longueur correcte, vraiment. " + s.m())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("L’objet doit comporter entre 3 et 150 caractères (il en compte 151).");

        html = write(s.slug(), sender, "Objet " + s.m(), "Un texte de longueur correcte, vraiment. " + s.m(), "onBehalfOf", "pas-un-nombre")
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Choisissez une de vos structures publiées");

        assertThat(relayed(s.m())).isEmpty();
        assertThat(rows(s.id())).isZero();
    }

    @Test
    void aRobotFillingTheHiddenFieldIsToldItWorkedButNothingIsSentNorKept() throws Exception {
        Managed s = managed();
        TestPerson robot = TestStructures.member("Robot " + s.m());

        write(s.slug(), robot, "Offre exceptionnelle " + s.m(), "Achetez nos produits miracles dès maintenant ! " + s.m(),
                "website", "https://spam.example")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));

        assertThat(relayed(s.m())).isEmpty();
        assertThat(rows(s.id())).isZero();
    }

    @Test
    void structuresThatAreNotPublishedCannotBeWrittenTo() throws Exception {
        String m = marker();
        TestPerson sender = TestStructures.member("Nadia " + m);
        for (OrganisationStatus status : List.of(OrganisationStatus.PENDING, OrganisationStatus.REFUSED, OrganisationStatus.CHANGES_REQUESTED)) {
            Organisation o = organisation("Pas publiée " + status + " " + m).email("pas-publiee-" + m + "@exemple.org", true)
                    .status(status).save(repository);
            mvc.perform(get("/acteurs/" + o.slug + "/contacter").with(user(sender))).andExpect(status().isNotFound());
            write(o.slug, sender, "Bonjour " + m, "Un message assez long pour passer les contrôles. " + m)
                    .andExpect(status().isNotFound());
            assertThatThrownBy(() -> relay.send(o.id, new ContactRelay.Message("Bonjour " + m, "Un message assez long pour passer. " + m, null), sender))
                    .isInstanceOfSatisfying(ContactException.class, e -> assertThat(e.problems())
                            .extracting(ContactException.Problem::messageKey).containsExactly("directory.contact.error.unpublished"));
        }
        mvc.perform(get("/acteurs/n-existe-pas-" + m + "/contacter").with(user(sender))).andExpect(status().isNotFound());
        assertThat(relayed(m)).isEmpty();
    }

    @Test
    void visitorsAreAskedToSignInAndMembersDoNotWriteToTheirOwnStructure() throws Exception {
        Managed s = managed();

        mvc.perform(get("/acteurs/" + s.slug() + "/contacter")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
        mvc.perform(post("/acteurs/" + s.slug() + "/contacter").with(csrf()).param("subject", "x").param("body", "y"))
                .andExpect(status().is3xxRedirection());
        String visitorPage = mvc.perform(get("/acteurs/" + s.slug())).andReturn().getResponse().getContentAsString();
        assertThat(visitorPage).contains("Prendre contact").contains("/acteurs/" + s.slug() + "/contacter");

        String ownPage = mvc.perform(get("/acteurs/" + s.slug()).with(user(s.editor()))).andReturn().getResponse().getContentAsString();
        assertThat(ownPage).doesNotContain("/acteurs/" + s.slug() + "/contacter");
        String html = write(s.slug(), s.editor(), "À nous-mêmes " + s.m(), "Un message assez long pour passer les contrôles. " + s.m())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Vous gérez la fiche de «\u00a0Eau Vive " + s.m() + "\u00a0»");
        assertThatThrownBy(() -> relay.send(s.id(), new ContactRelay.Message("Objet", "Un message assez long pour passer.", null), s.admin()))
                .isInstanceOfSatisfying(ContactException.class, e -> assertThat(e.problems())
                        .extracting(ContactException.Problem::messageKey).containsExactly("directory.contact.error.own"));
        assertThat(relayed(s.m())).isEmpty();
    }

    // ------------------------------------------------------------------ limits

    @Test
    void theSameStructureCannotBeWrittenToTwiceWithinTenMinutes() throws Exception {
        Managed s = managed();
        TestPerson sender = TestStructures.member("Insistant " + s.m());

        write(s.slug(), sender, "Premier " + s.m(), "Un premier message assez long. " + s.m()).andExpect(status().is3xxRedirection());
        String html = write(s.slug(), sender, "Second " + s.m(), "Un second message assez long. " + s.m())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("role=\"alert\"")
                .containsPattern("Vous avez déjà écrit à cette structure il y a moins de 10 minutes\\. Vous pourrez lui écrire de nouveau à partir de \\d{1,2}\u00a0h(\u00a0\\d{2})?\\.")
                .contains("Un second message assez long. " + s.m());
        assertThat(rows(s.id())).isEqualTo(1);
        assertThat(relayed(s.m()).stream().filter(o -> o.body().contains("Un second message"))).isEmpty();

        // eleven minutes later
        jdbc.sql("update directory_contact_message set created_at = created_at - interval '11 minutes' where sender_id = ?")
                .param(sender.personId()).update();
        write(s.slug(), sender, "Second " + s.m(), "Un second message assez long. " + s.m()).andExpect(status().is3xxRedirection());
        assertThat(rows(s.id())).isEqualTo(2);
    }

    @Test
    void aSenderMayRelayFiveMessagesAnHourAndTwentyADay() throws Exception {
        String m = marker();
        TestPerson sender = TestStructures.member("Prolixe " + m);
        List<Long> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            targets.add(organisation("Cible " + i + " " + m).email("cible" + i + "-" + m + "@exemple.org", false).save(repository).id);
        }
        for (int i = 0; i < 5; i++) {
            relay.send(targets.get(i), new ContactRelay.Message("Message " + i, "Un message assez long pour passer. " + m, null), sender);
        }
        assertThatThrownBy(() -> relay.send(targets.get(5), new ContactRelay.Message("Sixième", "Un message assez long pour passer. " + m, null), sender))
                .isInstanceOfSatisfying(ContactException.class, e -> {
                    assertThat(e.problems()).extracting(ContactException.Problem::messageKey).containsExactly("directory.contact.error.hour");
                    assertThat(e.problems().get(0).field()).isNull();
                });
        String html = write(directory.ref(targets.get(5)).orElseThrow().slug(), sender, "Sixième " + m, "Un message assez long pour passer. " + m)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("Vous avez atteint la limite de 5 messages par heure\\. Vous pourrez en envoyer un nouveau à partir de \\d{1,2}\u00a0h(\u00a0\\d{2})?\\.");
        assertThat(rows(targets.get(5))).isZero();

        // an hour later the sender may write again; but twenty in 24 hours is the most
        jdbc.sql("update directory_contact_message set created_at = created_at - interval '61 minutes' where sender_id = ?")
                .param(sender.personId()).update();
        relay.send(targets.get(5), new ContactRelay.Message("Sixième", "Un message assez long pour passer. " + m, null), sender);
        for (int i = 0; i < 14; i++) {
            jdbc.sql("insert into directory_contact_message (created_at, sender_id, sender_name, organisation_id, recipient_count, subject_length, body_length)"
                    + " values (now() - interval '3 hours', ?, ?, ?, 1, 10, 40)").params(sender.personId(), sender.displayName(), targets.get(0)).update();
        }
        assertThatThrownBy(() -> relay.send(targets.get(6), new ContactRelay.Message("Vingt-et-unième", "Un message assez long pour passer. " + m, null), sender))
                .isInstanceOfSatisfying(ContactException.class, e -> assertThat(e.problems())
                        .extracting(ContactException.Problem::messageKey).containsExactly("directory.contact.error.day"));
        assertThat(rows(targets.get(6))).isZero();
        // other senders are not concerned
        relay.send(targets.get(6), new ContactRelay.Message("Bonjour", "Un message assez long pour passer. " + m, null),
                TestStructures.member("Quelqu’un d’autre " + m));
        assertThat(rows(targets.get(6))).isEqualTo(1);
    }

    // ------------------------------------------------------------------ staff

    @Test
    void staffSeeWhoWroteToWhomAndWhenButNotTheText() throws Exception {
        Managed s = managed();
        TestPerson sender = TestStructures.member("Expéditrice " + s.m());
        write(s.slug(), sender, "Objet confidentiel " + s.m(), "Texte confidentiel assez long du message. " + s.m())
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from directory_contact_message where organisation_id = ?").param(s.id()).query(Long.class).single();
        TestPerson staff = TestStructures.staff("Équipe " + s.m());

        String html = mvc.perform(get("/admin/structures/messages-relayes").param("reference", "C-" + id).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("C-" + id).contains("Expéditrice " + s.m()).contains("Eau Vive " + s.m()).contains("1 message")
                .doesNotContain("Objet confidentiel").doesNotContain("Texte confidentiel");

        html = mvc.perform(get("/admin/structures/messages-relayes").param("expediteur", String.valueOf(sender.personId())).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("C-" + id).contains("1 message");
        html = mvc.perform(get("/admin/structures/messages-relayes").param("reference", "pas une référence").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("n’est pas une référence de message");

        mvc.perform(get("/admin/structures/messages-relayes").with(user(sender))).andExpect(status().isForbidden());
        assertThat(relay.relayedSince(Duration.ofDays(7))).isPositive();

        // the sender deletes their account: their name leaves the list, the message's trace stays
        events.publishEvent(new PersonDeleted(sender.personId()));
        html = mvc.perform(get("/admin/structures/messages-relayes").param("reference", "C-" + id).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("C-" + id).doesNotContain("Expéditrice " + s.m());
    }

    // ------------------------------------------------------------------ helpers

    /** The relayed message (or its copy) this address received, if any. */
    private static MimeMessage received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to))
                        && (message.getSubject().contains("vous écrit via") || message.getSubject().startsWith("Copie de votre message"));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
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
