package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.SatisfactionAnswers;
import fr.maillage.agenda.SatisfactionForm;
import fr.maillage.agenda.SatisfactionResults;
import fr.maillage.agenda.SessionRequest;
import fr.maillage.agenda.TrainingModule;
import fr.maillage.agenda.TrainingModuleData;
import fr.maillage.agenda.TrainingModules;
import fr.maillage.agenda.TrainingSatisfaction;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The training catalogue as staff and participants use it: modules written with field errors
 * and nothing saved on bad input, sessions created from a module (events of the agenda), the
 * public catalogue and module page, and the satisfaction form after a session, its e-mail sent
 * once, one answer per registration, and the results staff read per module and per session.
 * Registrations are written with SQL (the registration slice owns the registration form).
 */
@SpringBootTest
@ActiveProfiles("test")
class TrainingsIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    TrainingModules trainings;

    @Autowired
    TrainingSatisfaction satisfaction;

    @Autowired
    Agenda agenda;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    final TestPerson staff = TestStructures.staff("Responsable formation");
    String tag;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tag = "Tq" + Long.toString(TestStructures.newPersonId(), 36);
    }

    @Test
    void staffWriteAModuleWithErrorsNextToTheFieldsThenSeeItInTheCatalogue() throws Exception {
        long before = count("agenda_training_module");
        String page = mvc.perform(post("/admin/formations/nouvelle").with(csrf()).with(user(staff))
                        .param("title", " ").param("summary", "Pour porter un projet " + tag).param("objectives", "")
                        .param("durationHours", "deux jours").param("audience", "Bénévoles").param("themes", "ecsi")
                        .param("active", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"title-error\"").contains("Ce champ est obligatoire.")
                .contains("Indiquez la durée en heures, par exemple 14 ou 3,5.")
                .contains("value=\"deux jours\"").contains("Pour porter un projet " + tag).contains("voles\"");
        page = mvc.perform(post("/admin/formations/nouvelle").with(csrf()).with(user(staff))
                        .param("title", "Sans objectifs " + tag).param("durationHours", "2000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"objectives-error\"").contains("La durée va de 0,5 à 999 heures.");
        assertThat(count("agenda_training_module")).isEqualTo(before);

        // members may not write the catalogue
        mvc.perform(get("/admin/formations").with(user(TestStructures.member("Adhérente")))).andExpect(status().isForbidden());

        String location = mvc.perform(post("/admin/formations/nouvelle").with(csrf()).with(user(staff))
                        .param("title", "Monter un projet de solidarité " + tag)
                        .param("summary", "Du diagnostic au budget, les étapes d’un projet " + tag)
                        .param("objectives", "- construire un **cadre logique**\n- bâtir un budget")
                        .param("prerequisites", "Avoir une idée de projet.")
                        .param("durationHours", "14").param("audience", "Associations").param("trainer", "Awa Diop")
                        .param("themes", "ecsi", "gouvernance-locale").param("active", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/formations/monter-un-projet-de-solidarite-");
        TrainingModule m = trainings.find(location.substring("/formations/".length())).orElseThrow();
        assertThat(m.durationHours()).isEqualByComparingTo("14");
        assertThat(m.themes()).containsExactly("ecsi", "gouvernance-locale");

        String module = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(module).contains("Monter un projet de solidarité " + tag).contains("<strong>cadre logique</strong>")
                .contains("Avoir une idée de projet.").contains("14\u00a0h").contains("Awa Diop")
                .contains("Aucune session n’est programmée pour l’instant.").doesNotContain("Programmer une session");
        String asStaff = mvc.perform(get(location).with(user(staff))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(asStaff).contains("Programmer une session");

        String catalogue = mvc.perform(get("/formations").param("theme", "gouvernance-locale")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(catalogue).contains("Monter un projet de solidarité " + tag).contains("Pas de session programmée pour l’instant");
        assertThat(mvc.perform(get("/formations").param("theme", "energie")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(tag);
        mvc.perform(get("/formations/nexiste-pas-" + tag)).andExpect(status().isNotFound());

        // a stale form is refused; the module is edited with its version
        String edit = mvc.perform(post("/admin/formations/" + m.slug() + "/modifier").with(csrf()).with(user(staff))
                        .param("title", m.title()).param("objectives", "Autre").param("version", "99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("Quelqu’un a modifié ce module");
        mvc.perform(post("/admin/formations/" + m.slug() + "/modifier").with(csrf()).with(user(staff))
                        .param("title", m.title()).param("objectives", "Nouveaux objectifs").param("durationHours", "3,5").param("_active", "on")
                        .param("version", String.valueOf(m.version())))
                .andExpect(redirectedUrl("/formations/" + m.slug()));
        assertThat(trainings.find(m.id()).orElseThrow().durationHours()).isEqualByComparingTo("3.5");
        assertThat(trainings.find(m.id()).orElseThrow().active()).isFalse(); // the box was not ticked
    }

    @Test
    void staffCreateASessionFromTheModuleAndItIsAnEventOfTheAgenda() throws Exception {
        TrainingModule m = module("Rechercher des financements " + tag);
        long events = count("agenda_event");
        String page = mvc.perform(post("/admin/formations/" + m.slug() + "/session").with(csrf()).with(user(staff))
                        .param("day", "2027-05-12").param("start", "14:00").param("end", "09:00").param("capacity", "-3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Indiquez le lieu de la session ou son lien de visioconférence.")
                .contains("Le nombre de places ne peut pas être négatif.").contains("value=\"2027-05-12\"");
        page = mvc.perform(post("/admin/formations/" + m.slug() + "/session").with(csrf()).with(user(staff))
                        .param("day", "2027-05-12").param("start", "14:00").param("end", "09:00").param("city", "Bordeaux")
                        .param("postalCode", "33000").param("capacity", "12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"end-error\"").contains("La fin doit venir après le début.");
        page = mvc.perform(post("/admin/formations/" + m.slug() + "/session").with(csrf()).with(user(staff))
                        .param("day", "demain").param("start", "9h30").param("end", "17:00").param("onlineUrl", "ftp://x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Indiquez une date, par exemple 2027-04-08.");
        assertThat(count("agenda_event")).isEqualTo(events);

        mvc.perform(post("/admin/formations/" + m.slug() + "/session").with(csrf()).with(user(staff))
                        .param("day", "2027-05-12").param("start", "9h30").param("lastDay", "2027-05-13").param("end", "17:00")
                        .param("venueName", "Maison de la coopération").param("street", "4 place Pey-Berland")
                        .param("postalCode", "33000").param("city", "Bordeaux").param("capacity", "12")
                        .param("deadline", "2027-05-05T18:00"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/formations/" + m.slug() + "#session-*"));
        EventDetails e = agenda.find(trainings.sessions(m.id()).get(0).eventId()).orElseThrow();
        assertThat(e.type()).isEqualTo(EventType.TRAINING);
        assertThat(e.title()).isEqualTo(m.title());
        assertThat(e.data().trainingModuleId()).isEqualTo(m.id());
        assertThat(e.data().themes()).containsExactlyInAnyOrderElementsOf(m.themes());
        assertThat(e.data().registration().mode()).isEqualTo(RegistrationMode.OPEN);
        assertThat(e.data().registration().capacity()).isEqualTo(12);
        assertThat(e.data().start()).isEqualTo(LocalDateTime.of(2027, 5, 12, 9, 30));
        assertThat(e.data().end()).isEqualTo(LocalDateTime.of(2027, 5, 13, 17, 0));
        assertThat(e.isPublished()).isTrue();

        String module = mvc.perform(get("/formations/" + m.slug())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(module).contains("du mercredi 12 mai 2027 à 9\u00a0h\u00a030 au jeudi 13 mai 2027 à 17\u00a0h")
                .contains("href=\"/agenda/" + e.slug() + "\"").contains("12 places restantes");
        String catalogue = mvc.perform(get("/formations")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(catalogue).contains("mercredi 12 mai 2027");

        // a module with sessions is not deleted (withdraw it instead); one without is
        mvc.perform(post("/admin/formations/" + m.slug() + "/supprimer").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/admin/formations/" + m.slug() + "/modifier"));
        assertThat(trainings.find(m.id())).isPresent();
        TrainingModule empty = module("Module vide " + tag);
        mvc.perform(post("/admin/formations/" + empty.slug() + "/supprimer").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/admin/formations"));
        assertThat(trainings.find(empty.id())).isEmpty();
        String list = mvc.perform(get("/admin/formations").with(user(staff))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(m.title()).contains("1 à venir, 0 passées").doesNotContain(empty.title());
    }

    @Test
    void participantsOfAnEndedSessionAreInvitedOnceAndAnswerOnce() throws Exception {
        TrainingModule m = module("Évaluer un projet " + tag);
        Instant now = Instant.now();
        long ended = session(m, LocalDate.now().minusDays(2));
        long upcoming = session(m, LocalDate.now().plusDays(20));
        String present = register(ended, "present-" + tag + "@exemple.test", "CONFIRMED", null);
        String confirmed = register(ended, "confirmee-" + tag + "@exemple.test", "CONFIRMED", true);
        String absent = register(ended, "absent-" + tag + "@exemple.test", "CONFIRMED", false);
        register(ended, "annule-" + tag + "@exemple.test", "CANCELLED", null);
        register(ended, "attente-" + tag + "@exemple.test", "WAITING", null);
        String future = register(upcoming, "futur-" + tag + "@exemple.test", "CONFIRMED", null);

        satisfaction.sendInvitations(now);
        satisfaction.sendInvitations(now.plusSeconds(60));
        assertThat(mails("present-" + tag)).hasSize(1);
        assertThat(mails("confirmee-" + tag)).hasSize(1);
        assertThat(mails("absent-" + tag)).isEmpty();
        assertThat(mails("annule-" + tag)).isEmpty();
        assertThat(mails("attente-" + tag)).isEmpty();
        assertThat(mails("futur-" + tag)).isEmpty();
        String body = mails("present-" + tag).get(0);
        assertThat(body).contains("Évaluer un projet " + tag).contains("/agenda/satisfaction/" + present);

        // the form: open for the participant, not yet for the next session, not for the absent one
        assertThat(satisfaction.form(present, now).orElseThrow().state()).isEqualTo(SatisfactionForm.State.OPEN);
        assertThat(satisfaction.form(future, now).orElseThrow().state()).isEqualTo(SatisfactionForm.State.NOT_YET);
        assertThat(satisfaction.form(absent, now).orElseThrow().state()).isEqualTo(SatisfactionForm.State.NOT_ELIGIBLE);
        mvc.perform(get("/agenda/satisfaction/inconnu-" + tag)).andExpect(status().isNotFound());
        String notYet = mvc.perform(get("/agenda/satisfaction/" + future)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(notYet).contains("Le questionnaire ouvrira à la fin de la session").doesNotContain("Envoyer mon avis");

        String form = mvc.perform(get("/agenda/satisfaction/" + present)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Votre avis sur la formation").contains("Évaluer un projet " + tag).contains("Envoyer mon avis");

        // bad answers: errors next to the questions, what was typed kept, nothing saved
        String bad = mvc.perform(post("/agenda/satisfaction/" + present).with(csrf()).param("content", "7").param("trainer", "4")
                        .param("comment", "Très concret"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"overall-error\"").contains("Donnez au moins votre appréciation globale, de 1 à 5.")
                .contains("id=\"content-error\"").contains("Choisissez une note de 1 à 5.")
                .contains("concret</textarea>").containsPattern("id=\"trainer-4\" value=\"4\"[^>]*checked");
        assertThat(answers(ended)).isZero();

        mvc.perform(post("/agenda/satisfaction/" + present).with(csrf()).param("overall", "5").param("content", "4").param("trainer", "5")
                        .param("organisation", "3").param("usefulness", "5").param("recommend", "oui").param("comment", "Très concret " + tag))
                .andExpect(redirectedUrl("/agenda/satisfaction/" + present));
        String thanks = mvc.perform(get("/agenda/satisfaction/" + present)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(thanks).contains("Vous avez déjà donné votre avis sur cette session.").doesNotContain("Envoyer mon avis");
        // a second submission is refused politely
        String again = mvc.perform(post("/agenda/satisfaction/" + present).with(csrf()).param("overall", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("Vous avez déjà donné votre avis sur cette session");
        assertThatThrownBy(() -> satisfaction.submit(present, new SatisfactionAnswers(2, null, null, null, null, null, null), now))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.training.error.already-answered");
        assertThatThrownBy(() -> satisfaction.submit(absent, new SatisfactionAnswers(2, null, null, null, null, null, null), now))
                .hasMessage("agenda.training.error.not-eligible");
        satisfaction.submit(confirmed, new SatisfactionAnswers(4, 3, null, 4, null, false, null), now);
        assertThat(answers(ended)).isEqualTo(2);

        // results: 2 answers of 2 participants (the absent one does not count), averages, distribution, recommend
        SatisfactionResults r = satisfaction.results(m.id(), null, now);
        assertThat(r.answers()).isEqualTo(2);
        assertThat(r.participants()).isEqualTo(2);
        assertThat(r.responseRate()).isEqualTo(100.0);
        assertThat(r.overall()).isEqualTo(4.5);
        assertThat(r.content()).isEqualTo(3.5);
        assertThat(r.trainer()).isEqualTo(5.0);
        assertThat(r.usefulness()).isEqualTo(5.0);
        assertThat(r.overallDistribution()).containsExactly(0, 0, 0, 1, 1);
        assertThat(r.recommendShare()).isEqualTo(50.0);
        assertThat(r.comments()).extracting(SatisfactionResults.Comment::text).containsExactly("Très concret " + tag);
        assertThat(r.sessions()).extracting(SatisfactionResults.SessionFigures::eventId).containsExactly(ended);

        String results = mvc.perform(get("/admin/formations/" + m.slug() + "/satisfaction").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(results).contains("Satisfaction\u00a0: Évaluer un projet " + tag).contains("4,5 / 5").contains("100\u00a0%")
                .contains("de taux de réponse (2 sur 2 participant·es)").contains("50\u00a0%").contains("Très concret " + tag)
                .contains("Par session").contains("3,5");
        String slug = agenda.find(ended).orElseThrow().slug();
        String one = mvc.perform(get("/admin/formations/" + m.slug() + "/satisfaction").param("session", slug).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).contains("Session du").contains("Toutes les sessions du module").doesNotContain("Par session");
        mvc.perform(get("/admin/formations/" + m.slug() + "/satisfaction").with(user(TestStructures.member("Curieux"))))
                .andExpect(status().isForbidden());
        String english = mvc.perform(get("/admin/formations/" + m.slug() + "/satisfaction").with(user(staff)).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("4.5 / 5").contains("Average per criterion");
    }

    @Test
    void badSessionRequestsNameTheirFields() {
        TrainingModule m = module("Module des erreurs " + tag);
        assertThatThrownBy(() -> trainings.createSession(m.id(), new SessionRequest(null, null, null, null, null, null, null, null,
                null, null, null), staff))
                .isInstanceOfSatisfying(AgendaException.class, e -> assertThat(e.problems()).extracting(AgendaException.Problem::field)
                        .containsExactlyInAnyOrder("day", "start", "end", "place"));
        assertThatThrownBy(() -> trainings.create(new TrainingModuleData("T " + tag, null, "o", null, new BigDecimal("2.25"), null, null,
                Set.of("inconnu"), true), staff))
                .isInstanceOfSatisfying(AgendaException.class, e -> assertThat(e.problems()).extracting(AgendaException.Problem::messageKey)
                        .containsExactlyInAnyOrder("agenda.training.error.duration-step", "agenda.error.theme"));
    }

    // ------------------------------------------------------------------ helpers

    TrainingModule module(String title) {
        long id = trainings.create(new TrainingModuleData(title, "Résumé", "Des objectifs", null, new BigDecimal("7"), "Tous publics",
                "Équipe", Set.of("ecsi"), true), staff);
        return trainings.find(id).orElseThrow();
    }

    long session(TrainingModule m, LocalDate day) {
        return trainings.createSession(m.id(), new SessionRequest(day, java.time.LocalTime.of(9, 0), null, java.time.LocalTime.of(17, 0),
                "Salle", null, "33000", "Bordeaux", null, 20, null), staff);
    }

    String register(long eventId, String email, String status, Boolean attended) {
        String token = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into agenda_registration (event_id, email, full_name, status, attended, cancel_token) values (?, ?, ?, ?, ?, ?)")
                .params(eventId, email, "Participant " + email.substring(0, email.indexOf('-')), status, attended, token).update();
        return token;
    }

    List<String> mails(String prefix) {
        return jdbc.sql("select body_text from mail_outbox where recipient like ? and category = 'agenda'").param(prefix + "%")
                .query(String.class).list();
    }

    long answers(long eventId) {
        return jdbc.sql("select count(*) from agenda_satisfaction where event_id = ?").param(eventId).query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
