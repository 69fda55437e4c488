package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import fr.maillage.accounts.AccountService;
import fr.maillage.directory.Directory;
import fr.maillage.shared.text.Dates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The appointment pages as people use them: booking step by step, a slot just taken (the form
 * kept, nothing saved), the person's page (cancel, move) without signing in, the staff pages
 * and their notes (never shown to the member), the structure's support history (staff only),
 * and bad input in the availability forms.
 */
@SpringBootTest
@ActiveProfiles("test")
class SupportWebIntegrationTests {

    static final String PRIVATE_NOTE = "Trésorerie tendue, à surveiller";
    static final String NEXT_STEP = "Relire le budget prévisionnel avant mars";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Appointments appointments;

    @Autowired
    Availability availability;

    @Autowired
    Directory directory;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    TestPerson staff;
    TestPerson awa;
    long org;
    String orgName;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        staff = SupportTestData.staffAccount(accounts, jdbc, "Paul Conseil");
        availability.saveProfile(staff, "Paul Durand " + staff.personId(), "Chargé de mission ECSI");
        SupportTestData.everyDay(availability, staff, "14:00", "16:00", 60);
        awa = SupportTestData.memberAccount(accounts, jdbc, "Awa Diop");
        orgName = "Solidarité Casamance " + TestStructures.newPersonId();
        org = TestStructures.association(directory, awa, orgName);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        // as a person reads it: Thymeleaf writes some characters of form fields as entities
        return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    Slot firstSlot() {
        return availability.freeSlots(staff.personId(), null).get(0);
    }

    MockHttpServletRequestBuilder booking(String action, Slot slot, TestPerson who, long organisation) {
        return post("/rendez-vous").with(user(who)).with(csrf())
                .param("action", action).param("subject", "FUNDING").param("organisationId", Long.toString(organisation))
                .param("message", "Nous cherchons des cofinancements pour 2027.").param("staff", Long.toString(staff.personId()))
                .param("mode", "VIDEO").param("slot", slot.key());
    }

    @Test
    void visitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/rendez-vous")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/connexion"));
    }

    @Test
    void aMemberBooksStepByStepAndReadsHerAppointmentPage() throws Exception {
        // the form: her structure preselected, the staff member's slots grouped by day
        String form = page(get("/rendez-vous").param("avec", Long.toString(staff.personId())).with(user(awa)));
        Slot slot = firstSlot();
        assertThat(form).contains("Prendre rendez-vous avec l’équipe").contains(orgName)
                .contains("value=\"" + slot.key() + "\"").contains("Semaine du ")
                .contains(Dates.day(slot.localStart().toLocalDate(), Locale.FRENCH))
                .contains("Recherche de financements").contains("Volontariat et service civique");
        assertThat(form).containsPattern("<option value=\"" + org + "\" selected=\"selected\">");

        // missing subject and slot: errors next to the fields, what was typed kept
        String errors = page(post("/rendez-vous").with(user(awa)).with(csrf()).param("action", "verifier")
                .param("organisationId", Long.toString(org)).param("message", "Texte gardé").param("mode", ""));
        assertThat(errors).contains("Choisissez le sujet du rendez-vous.").contains("Choisissez un créneau dans la liste.")
                .contains("id=\"subject-error\"").contains("Texte gardé").contains("Rien n’a été enregistré");

        // check, then confirm
        String check = page(booking("verifier", slot, awa, org));
        assertThat(check).contains("Vérifiez et confirmez votre rendez-vous").contains(Dates.span(slot.localStart(), slot.localEnd(), Locale.FRENCH))
                .contains("Paul Durand " + staff.personId() + ", Chargé de mission ECSI").contains("En visioconférence")
                .contains("Confirmer le rendez-vous");
        assertThat(appointments.upcomingOf(awa.personId())).isEmpty();
        String location = mvc.perform(booking("confirmer", slot, awa, org)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Appointment a = appointments.upcomingOf(awa.personId()).get(0);
        assertThat(location).isEqualTo("/rendez-vous/" + a.token());
        assertThat(a.subject()).isEqualTo(Subject.FUNDING);
        assertThat(a.mode()).isEqualTo(MeetingMode.VIDEO);

        // her page, no sign-in needed: the facts, cancel and move
        String mine = page(get(location));
        assertThat(mine).contains("Votre rendez-vous du " + Dates.dateTime(slot.localStart(), Locale.FRENCH))
                .contains("Confirmé").contains("https://visio.exemple.org/equipe").contains("Nous cherchons des cofinancements pour 2027.")
                .contains("Déplacer le rendez-vous").contains("Annuler le rendez-vous").contains("noindex");
        mvc.perform(get("/rendez-vous/inconnu-" + "x".repeat(40))).andExpect(status().isNotFound());

        // Mon espace lists it with its links
        String space = page(get("/mon-espace").with(user(awa)));
        assertThat(space).contains("Mes rendez-vous").contains(location).contains(location + "/deplacer");
    }

    @Test
    void aSlotJustTakenShowsTheMessageKeepsTheFormAndSavesNothing() throws Exception {
        Slot slot = firstSlot();
        TestPerson moussa = TestStructures.member("Moussa Traoré");
        long other = TestStructures.association(directory, moussa, "Festisol " + TestStructures.newPersonId());
        // Awa checks the slot; meanwhile Moussa books it
        page(booking("verifier", slot, awa, org));
        appointments.book(new Appointments.Booking(slot.key(), Subject.OTHER, other, null, MeetingMode.VIDEO), moussa);
        long mailsBefore = jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?)").param(awa.email()).query(Long.class).single();

        String page = page(booking("confirmer", slot, awa, org));
        assertThat(page).contains("Ce créneau vient d’être réservé, choisissez-en un autre.")
                .contains("id=\"slot-error\"")
                .contains("Nous cherchons des cofinancements pour 2027.") // the message kept
                .containsPattern("<option value=\"FUNDING\" selected=\"selected\">")
                .doesNotContain("value=\"" + slot.key() + "\"");
        assertThat(appointments.upcomingOf(awa.personId())).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?)").param(awa.email()).query(Long.class).single())
                .isEqualTo(mailsBefore);
    }

    @Test
    void notesAreNeverShownToTheMember() throws Exception {
        Appointment a = appointments.book(new Appointments.Booking(firstSlot().key(), Subject.EVALUATION, org, "Évaluation finale", MeetingMode.IN_PERSON), awa);
        // staff write notes from the staff page
        String detail = page(get("/admin/rendez-vous/" + a.id()).with(user(staff)));
        assertThat(detail).contains("Notes et prochaines étapes").contains("Visibles par l’équipe seulement").contains("Évaluation finale");
        mvc.perform(post("/admin/rendez-vous/" + a.id() + "/notes").with(user(staff)).with(csrf())
                        .param("notes", PRIVATE_NOTE).param("nextSteps", NEXT_STEP).param("version", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/rendez-vous/" + a.id() + "#suivi"));
        assertThat(page(get("/admin/rendez-vous/" + a.id()).with(user(staff)))).contains(PRIVATE_NOTE).contains(NEXT_STEP);
        // a stale version: refused, the typed text kept
        String stale = page(post("/admin/rendez-vous/" + a.id() + "/notes").with(user(staff)).with(csrf())
                .param("notes", "Mon texte à moi").param("nextSteps", "").param("version", "0"));
        assertThat(stale).contains("Quelqu’un a enregistré d’autres notes").contains("Mon texte à moi");

        // the member: her page, her space, the booking page, her e-mails: never the notes
        for (String html : new String[] {page(get("/rendez-vous/" + a.token())), page(get("/rendez-vous/" + a.token()).with(user(awa))),
                page(get("/mon-espace").with(user(awa))), page(get("/rendez-vous").with(user(awa))),
                page(get("/rendez-vous/" + a.token() + "/deplacer"))}) {
            assertThat(html).doesNotContain(PRIVATE_NOTE).doesNotContain(NEXT_STEP).doesNotContain("Notes et prochaines étapes");
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox where body_text like ? or body_text like ?")
                .params("%" + PRIVATE_NOTE + "%", "%" + NEXT_STEP + "%").query(Long.class).single()).isZero();
        // and the staff pages are closed to her
        mvc.perform(get("/admin/rendez-vous/" + a.id()).with(user(awa))).andExpect(status().isForbidden());
    }

    @Test
    void theSupportHistoryIsShownToStaffOnly() throws Exception {
        Appointment a = appointments.book(new Appointments.Booking(firstSlot().key(), Subject.PARTNERSHIP_ABROAD, org, null, MeetingMode.VIDEO), awa);
        appointments.writeNotes(a.id(), 0, PRIVATE_NOTE, NEXT_STEP, staff);
        String slug = directory.ref(org).orElseThrow().slug();

        String forStaff = page(get("/acteurs/" + slug).with(user(staff)));
        assertThat(forStaff).contains("id=\"accompagnement\"").contains(">Accompagnement<").contains("Partenariat à l’international")
                .contains(NEXT_STEP).contains("/admin/rendez-vous/" + a.id()).doesNotContain(PRIVATE_NOTE);
        for (String html : new String[] {page(get("/acteurs/" + slug)), page(get("/acteurs/" + slug).with(user(awa)))}) {
            assertThat(html).doesNotContain("id=\"accompagnement\"").doesNotContain(NEXT_STEP).doesNotContain("Partenariat à l’international");
        }
    }

    @Test
    void thePersonCancelsFromHerLinkAndStaffMoveFromTheirPages() throws Exception {
        Appointment a = appointments.book(new Appointments.Booking(firstSlot().key(), Subject.VOLUNTEERING, org, null, MeetingMode.VIDEO), awa);
        Slot later = availability.freeSlots(staff.personId(), null).get(3);
        // staff move it through the move page
        String move = page(get("/admin/rendez-vous/" + a.id() + "/deplacer").with(user(staff)));
        assertThat(move).contains("value=\"" + later.key() + "\"").doesNotContain("value=\"" + Slot.key(staff.personId(), a.localStart()) + "\"");
        mvc.perform(post("/admin/rendez-vous/" + a.id() + "/deplacer").with(user(staff)).with(csrf()).param("slot", later.key()).param("mode", "VIDEO"))
                .andExpect(status().is3xxRedirection());
        assertThat(appointments.find(a.id()).orElseThrow().localStart()).isEqualTo(later.localStart());
        // no slot chosen: the move page again with the error, nothing changed
        String none = page(post("/rendez-vous/" + a.token() + "/deplacer").with(csrf()).param("mode", "VIDEO"));
        assertThat(none).contains("Choisissez un créneau dans la liste.").contains("Le rendez-vous n’a pas été déplacé");
        // the person cancels with a reason, without signing in
        mvc.perform(post("/rendez-vous/" + a.token() + "/annuler").with(csrf()).param("reason", "Projet reporté"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rendez-vous/" + a.token()));
        String after = page(get("/rendez-vous/" + a.token()));
        assertThat(after).contains("Annulé").contains("Projet reporté").doesNotContain("Annuler le rendez-vous</button>");
        assertThat(appointments.find(a.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        // a second cancellation is refused with a clear message, never a 500
        mvc.perform(post("/rendez-vous/" + a.token() + "/annuler").with(csrf())).andExpect(status().is3xxRedirection());
        // staff list: cancelled appears in the team's upcoming list with its status
        String list = page(get("/admin/rendez-vous").param("pour", "equipe").param("statut", "CANCELLED").with(user(staff)));
        assertThat(list).contains(orgName).contains("Annulé");
    }

    @Test
    void badInputInTheAvailabilityFormsIsShownNextToTheFieldsAndNothingIsSaved() throws Exception {
        long rules = jdbc.sql("select count(*) from support_availability_rule where staff_id = ?").param(staff.personId()).query(Long.class).single();
        String page = page(get("/admin/rendez-vous/disponibilites").with(user(staff)));
        assertThat(page).contains("Mes disponibilités pour les rendez-vous").contains("Chaque semaine").contains("Ajouter un créneau hebdomadaire")
                .contains("Vos prochains créneaux libres").contains("Paul Durand " + staff.personId());

        // end before start: the error next to "À", what was typed kept
        String endBefore = page(rule("1", "17:00", "14:00", "60", "IN_PERSON", "Salle 2", ""));
        assertThat(endBefore).contains("id=\"rule-endTime-error\"").contains("L’heure de fin doit venir après l’heure de début.")
                .contains("value=\"17:00\"").contains("value=\"Salle 2\"").contains("Rien n’a été enregistré");
        // a slot longer than the range
        assertThat(page(rule("1", "09:00", "09:30", "45", "VIDEO", "", "https://visio.exemple.org/p")))
                .contains("id=\"rule-slotMinutes-error\"").contains("Un rendez-vous de 45 minutes ne tient pas entre 9\u00a0h et 9\u00a0h\u00a030");
        // overlapping the Monday rule of 14:00-16:00
        assertThat(page(rule("1", "15:00", "18:00", "60", "VIDEO", "", "https://visio.exemple.org/p")))
                .contains("Ce créneau chevauche celui du lundi de 14\u00a0h à 16\u00a0h");
        // nonsense times and dates, no place for an in-person slot
        assertThat(page(post("/admin/rendez-vous/disponibilites/regles").with(user(staff)).with(csrf()).param("weekday", "9")
                .param("startTime", "25:99").param("endTime", "18:00").param("slotMinutes", "abc").param("mode", "IN_PERSON")
                .param("validFrom", "2027-02-30")))
                .contains("id=\"rule-startTime-error\"").contains("Indiquez une heure comme 14:30.")
                .contains("id=\"rule-validFrom-error\"").contains("Indiquez une date comme 2027-03-15.").contains("value=\"25:99\"");
        assertThat(jdbc.sql("select count(*) from support_availability_rule where staff_id = ?").param(staff.personId()).query(Long.class).single())
                .isEqualTo(rules);

        // a valid rule is added, and shown
        mvc.perform(rule("6", "10:00", "12:00", "30", "VIDEO", "", "https://visio.exemple.org/p")).andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/rendez-vous/disponibilites").with(user(staff)))).contains("Chaque samedi, de 10\u00a0h à 12\u00a0h · rendez-vous de 30\u00a0min");

        // an absence whose last day comes before the first
        String exception = page(post("/admin/rendez-vous/disponibilites/exceptions").with(user(staff)).with(csrf()).param("kind", "CLOSED")
                .param("firstDay", "2030-05-10").param("lastDay", "2030-05-01").param("reason", "Congés"));
        assertThat(exception).contains("id=\"exception-lastDay-error\"").contains("Le dernier jour doit venir après le premier.")
                .contains("value=\"Congés\"");
        // a valid absence: its days written once, as the agenda writes whole days
        mvc.perform(post("/admin/rendez-vous/disponibilites/exceptions").with(user(staff)).with(csrf()).param("kind", "CLOSED")
                .param("firstDay", "2030-05-06").param("lastDay", "2030-05-10").param("reason", "Congés de printemps"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/rendez-vous/disponibilites").with(user(staff))))
                .contains("du lundi 6 au vendredi 10 mai 2030, toute la journée").contains("Congés de printemps");
        // a blank display name
        assertThat(page(post("/admin/rendez-vous/disponibilites/profil").with(user(staff)).with(csrf()).param("displayName", " ")))
                .contains("id=\"profile-displayName-error\"").contains("Ce champ est obligatoire.");
        // a member gets no staff page
        mvc.perform(get("/admin/rendez-vous/disponibilites").with(user(awa))).andExpect(status().isForbidden());
    }

    MockHttpServletRequestBuilder rule(String weekday, String start, String end, String minutes, String mode, String place, String video) {
        return post("/admin/rendez-vous/disponibilites/regles").with(user(staff)).with(csrf()).param("weekday", weekday)
                .param("startTime", start).param("endTime", end).param("slotMinutes", minutes).param("mode", mode)
                .param("place", place).param("videoUrl", video);
    }

    @Test
    void staffPagesTheDashboardTileAndEnglish() throws Exception {
        appointments.book(new Appointments.Booking(firstSlot().key(), Subject.CITIZENSHIP_EDUCATION, org, null, MeetingMode.VIDEO), awa);
        String list = page(get("/admin/rendez-vous").with(user(staff)));
        assertThat(list).contains("Rendez-vous d’accompagnement").contains(orgName).contains("Awa Diop").contains("Éducation à la citoyenneté");
        assertThat(page(get("/admin").with(user(staff)))).contains("Rendez-vous d’accompagnement").contains("Rendez-vous cette semaine.");

        String en = page(get("/rendez-vous").header("Accept-Language", "en").with(user(awa)));
        assertThat(en).contains("Book an appointment with the team").contains("Choose a slot").contains("Check and confirm")
                .doesNotContain("Prendre rendez-vous avec l’équipe");
        String enAdmin = page(get("/admin/rendez-vous/disponibilites").header("Accept-Language", "en").with(user(staff)));
        assertThat(enAdmin).contains("My availability for appointments").contains("Every week").contains("Absences and extra openings");
    }
}
