package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import fr.maillage.accounts.AccountService;
import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.agenda.RegistrationDetails;
import fr.maillage.agenda.RegistrationMailbox;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.RegistrationRequest;
import fr.maillage.agenda.RegistrationStatus;
import fr.maillage.agenda.Registrations;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The registration pages as people use them: the form (errors next to the fields, what was typed
 * kept, nothing saved), the person's page through the token of the e-mail (without signing in),
 * staff's list with its actions and counts, the exports read back (CSV parsed, XLSX opened) and
 * the sign-in sheet; in French and English.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistrationPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Agenda agenda;

    @Autowired
    Registrations registrations;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    MockMvc mvc;

    final TestPerson staff = TestStructures.staff("Équipe agenda");

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    String page(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** An Agora with two workshops (one of a single place) and three questions. */
    EventDetails agora(String title, int capacity) {
        TestEvents e = TestEvents.meeting(title + " " + TestStructures.newPersonId(), LocalDateTime.of(2027, 6, 12, 9, 0))
                .end(LocalDateTime.of(2027, 6, 12, 18, 0)).type(EventType.AGORA).capacity(capacity)
                .question("Régime alimentaire", QuestionKind.CHOICE, "Aucun\nVégétarien\nSans porc", true)
                .question("Besoins d’accessibilité", QuestionKind.TEXT, null, false)
                .question("Restez-vous au déjeuner ?", QuestionKind.YES_NO, null, true);
        e.sessions.add(new EventData.SessionData(null, "Atelier eau", null, LocalDateTime.of(2027, 6, 12, 14, 0), LocalDateTime.of(2027, 6, 12, 16, 0), "Salle A", null, 1));
        e.sessions.add(new EventData.SessionData(null, "Atelier santé", null, LocalDateTime.of(2027, 6, 12, 14, 0), LocalDateTime.of(2027, 6, 12, 16, 0), "Salle B", null, 20));
        return agenda.find(agenda.create(e.build(), staff)).orElseThrow();
    }

    // ------------------------------------------------------------------ the form

    @Test
    void aVisitorIsAskedToSignInAndAMemberRegistersThroughTheFormWithErrorsFirst() throws Exception {
        EventDetails e = agora("Agora des solidarités", 50);
        long water = e.data().sessions().get(0).id();
        long health = e.data().sessions().get(1).id();
        List<EventData.QuestionData> q = e.data().questions();
        String url = "/agenda/" + e.slug() + "/inscription";

        // a visitor: the block says how to register, the link goes through the login page
        String visitor = page(mvc.perform(get(url)).andExpect(status().isOk()).andReturn());
        assertThat(visitor).contains("Se connecter pour s’inscrire").contains(url + "/connexion").contains("50 places restantes sur 50")
                .doesNotContain("name=\"structure\"");
        assertThat(mvc.perform(get(url + "/connexion")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/connexion");
        assertThat(mvc.perform(post(url).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/connexion");

        TestPerson awa = TestStructures.member("Awa Diop");
        long asso = TestStructures.association(directory, awa, "Eau Vive Podor " + TestStructures.newPersonId());
        String form = page(mvc.perform(get(url).with(user(awa))).andExpect(status().isOk()).andReturn());
        assertThat(form).contains("Vous vous inscrivez en tant que Awa Diop").contains("Structure représentée")
                .contains("value=\"" + asso + "\" checked").contains("À titre individuel")
                .contains("Atelier eau").contains("1 place restante").contains("Atelier santé").contains("20 places restantes")
                .contains("Régime alimentaire").contains("Végétarien").contains("Restez-vous au déjeuner ?").contains(">S’inscrire</button>");

        // errors: next to each field, what was typed kept, nothing saved
        String errors = page(mvc.perform(post(url).with(user(awa)).with(csrf())
                        .param("structure", "autre").param("organisationName", "Comité de jumelage de Pessac").param("departement", "")
                        .param("sessionIds", String.valueOf(water), String.valueOf(health))
                        .param("answers[" + q.get(1).id() + "]", "Boucle magnétique"))
                .andExpect(status().isOk()).andReturn());
        assertThat(errors).contains("Le formulaire contient 4 erreurs").contains("Rien n’a été enregistré")
                .contains("id=\"departement-error\"").contains("Indiquez le département de la structure.")
                .contains("id=\"sessionIds-error\"").contains("ont lieu en même temps")
                .contains("id=\"answers-" + q.get(0).id() + "-error\"").contains("Répondez à cette question.")
                .contains("value=\"Comité de jumelage de Pessac\"").contains(">Boucle magnétique</textarea>")
                .contains("id=\"structure-autre\" value=\"autre\" checked");
        assertThat(registrations.liveOf(e.id(), awa)).isEmpty();

        MvcResult done = mvc.perform(post(url).with(user(awa)).with(csrf())
                        .param("structure", String.valueOf(asso)).param("sessionIds", String.valueOf(water))
                        .param("answers[" + q.get(0).id() + "]", "Végétarien").param("answers[" + q.get(2).id() + "]", "YES"))
                .andExpect(status().is3xxRedirection()).andReturn();
        RegistrationDetails r = registrations.liveOf(e.id(), awa).orElseThrow();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/agenda/inscriptions/" + r.token());
        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.sessionIds()).containsExactly(water);

        // the workshop of one place is now full for the next person; the form says so
        TestPerson ben = TestStructures.member("Ben");
        String full = page(mvc.perform(get(url).with(user(ben))).andExpect(status().isOk()).andReturn());
        assertThat(full.replaceAll("\\s+", " ")).contains("id=\"session-" + water + "\" value=\"" + water + "\" disabled=\"disabled\"")
                .contains(">Complet</span>");
        // coming back to the form: the block says she is registered, with her page and the way to cancel
        String again = page(mvc.perform(get(url).with(user(awa))).andExpect(status().isOk()).andReturn());
        assertThat(again).contains("Vous êtes inscrit·e.").contains("Inscription confirmée")
                .contains("href=\"/agenda/inscriptions/" + r.token() + "\"").contains("/agenda/inscriptions/" + r.token() + "#annuler")
                .contains("Annuler mon inscription").doesNotContain("name=\"structure\"");
    }

    @Test
    void aFullEventOffersTheWaitingListAndTheFormSaysSoInEnglishToo() throws Exception {
        EventDetails e = agenda.find(agenda.create(TestEvents.inDays("Petit atelier " + TestStructures.newPersonId(), 20).capacity(1).build(), staff)).orElseThrow();
        registrations.register(e.id(), RegistrationRequest.self(), TestStructures.member("Première"));
        TestPerson second = TestStructures.member("Seconde");
        String url = "/agenda/" + e.slug() + "/inscription";
        assertThat(page(mvc.perform(get(url).with(user(second))).andReturn()))
                .contains("Cet événement est complet").contains(">S’inscrire sur la liste d’attente</button>");
        assertThat(page(mvc.perform(get(url).param("lang", "en").with(user(second))).andReturn()))
                .contains("This event is full").contains(">Join the waiting list</button>").contains("lang=\"en\"");
        MvcResult done = mvc.perform(post(url).with(user(second)).with(csrf()).param("structure", ""))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) done.getFlashMap().get("flash")).contains("en position 1");
        RegistrationDetails r = registrations.liveOf(e.id(), second).orElseThrow();
        assertThat(r.status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(page(mvc.perform(get("/agenda/inscriptions/" + r.token())).andReturn()))
                .contains("Sur liste d’attente").contains("Vous êtes en position 1 sur la liste d’attente");
    }

    // ------------------------------------------------------------------ the person's page, by token

    @Test
    void theRegistrationPageWorksWithoutSigningInToSeeCancelAndConfirmAnOffer() throws Exception {
        EventDetails e = agenda.find(agenda.create(TestEvents.inDays("Formation évaluation " + TestStructures.newPersonId(), 30)
                .type(EventType.TRAINING).capacity(1).build(), staff)).orElseThrow();
        TestPerson first = TestStructures.member("Claire");
        TestPerson second = TestStructures.member("Didier");
        RegistrationDetails a = registrations.register(e.id(), RegistrationRequest.self(), first);
        RegistrationDetails b = registrations.register(e.id(), RegistrationRequest.self(), second);

        String mine = page(mvc.perform(get("/agenda/inscriptions/" + a.token())).andExpect(status().isOk()).andReturn());
        assertThat(mine).contains("Mon inscription").contains(e.title()).contains("Inscription confirmée").contains("Claire")
                .contains("Annuler mon inscription").contains("Votre place sera offerte à la personne suivante")
                .contains("/agenda/inscriptions/" + a.token() + "/invitation.ics")
                .contains("<meta name=\"robots\" content=\"noindex\">");
        MvcResult ics = mvc.perform(get("/agenda/inscriptions/" + a.token() + "/invitation.ics")).andExpect(status().isOk()).andReturn();
        assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.getResponse().getContentAsString(StandardCharsets.UTF_8)));
        assertThat(RegistrationMailbox.value(RegistrationMailbox.event(calendar), "SUMMARY")).isEqualTo(e.title());
        mvc.perform(get("/agenda/inscriptions/pas-un-vrai-jeton")).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/inscriptions/" + b.token() + "/invitation.ics")).andExpect(status().isNotFound());

        mvc.perform(post("/agenda/inscriptions/" + a.token() + "/annuler").with(csrf()))
                .andExpect(redirectedUrl("/agenda/inscriptions/" + a.token()));
        assertThat(registrations.find(a.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(page(mvc.perform(get("/agenda/inscriptions/" + a.token())).andReturn())).contains("Cette inscription est annulée.")
                .doesNotContain("Annuler mon inscription</button>");
        // a second cancel says why, never a 500
        MvcResult again = mvc.perform(post("/agenda/inscriptions/" + a.token() + "/annuler").with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) again.getFlashMap().get("error")).isEqualTo("Cette inscription n’est plus en cours.");

        String offered = page(mvc.perform(get("/agenda/inscriptions/" + b.token())).andReturn());
        assertThat(offered).contains("Place offerte, à confirmer").contains("elle vous est réservée jusqu’au").contains(">Confirmer ma place</button>");
        mvc.perform(post("/agenda/inscriptions/" + b.token() + "/confirmer").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(registrations.find(b.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    // ------------------------------------------------------------------ staff

    @Test
    void staffSeeTheListRegisterSomeoneDecideMarkAttendanceAndReadTheCounts() throws Exception {
        TestEvents t = TestEvents.inDays("Assemblée générale " + TestStructures.newPersonId(), 40).type(EventType.GENERAL_ASSEMBLY)
                .question("Restez-vous au déjeuner ?", QuestionKind.YES_NO, null, false);
        t.registration = new EventData.RegistrationSettings(RegistrationMode.APPROVAL, null, null, 10, true, true);
        EventDetails e = agenda.find(agenda.create(t.build(), staff)).orElseThrow();
        long lunch = e.data().questions().get(0).id();
        TestPerson nora = TestStructures.member("Nora Ben");
        long asso = TestStructures.association(directory, nora, "Association Nora " + TestStructures.newPersonId());
        RegistrationDetails n = registrations.register(e.id(), RegistrationRequest.forStructure(asso).withAnswers(Map.of(lunch, "YES")), nora);
        TestPerson paul = TestStructures.member("Paul Martin");
        RegistrationDetails p = registrations.register(e.id(), RegistrationRequest.self().withTypedStructure("Lycée Montesquieu", "47"), paul);
        String list = "/admin/agenda/" + e.slug() + "/inscrits";

        mvc.perform(get(list).with(user(nora))).andExpect(status().isForbidden());
        String page = page(mvc.perform(get(list).with(user(staff))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Inscrits\u00a0: " + e.title()).contains("Nora Ben").contains(nora.email()).contains("Paul Martin")
                .contains("En attente de validation").contains(">Accepter</button>").contains("Exporter en CSV").contains("Feuille d’émargement")
                .contains("2 inscription(s) affichée(s) sur 2");

        // register someone: a bad address is refused next to the field and kept, then it works
        String bad = page(mvc.perform(post(list).with(user(staff)).with(csrf()).param("fullName", "Quentin Élu").param("email", "quentin@"))
                .andExpect(status().isOk()).andReturn());
        assertThat(bad).contains("id=\"email-error\"").contains("Cette adresse électronique n’est pas valide").contains("value=\"Quentin Élu\"");
        String quentin = "quentin." + TestStructures.newPersonId() + "@exemple.org";
        MvcResult added = mvc.perform(post(list).with(user(staff)).with(csrf()).param("fullName", "Quentin Élu").param("email", quentin)
                        .param("organisationName", "Mairie de Pau").param("departement", "64"))
                .andExpect(redirectedUrl(list)).andReturn();
        assertThat((String) added.getFlashMap().get("flash")).isEqualTo("Quentin Élu est inscrit·e (Inscription confirmée).");

        // accept Nora, refuse Paul with a message, mark attendance
        mvc.perform(post(list + "/" + n.id() + "/accepter").with(user(staff)).with(csrf())).andExpect(redirectedUrl(list));
        mvc.perform(post(list + "/" + p.id() + "/refuser").with(user(staff)).with(csrf()).param("message", "Réservée aux adhérents.")
                .param("retour", "statut=PENDING")).andExpect(redirectedUrl(list + "?statut=PENDING"));
        assertThat(registrations.find(n.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.find(p.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.REFUSED);
        long q = registrations.ofEvent(e.id()).stream().filter(r -> r.email().equals(quentin)).findFirst().orElseThrow().id();
        mvc.perform(post(list + "/presences").with(user(staff)).with(csrf()).param("marque", String.valueOf(n.id()), String.valueOf(q))
                .param("present", String.valueOf(n.id()))).andExpect(redirectedUrl(list));
        assertThat(registrations.find(n.id()).orElseThrow().attended()).isTrue();
        assertThat(registrations.find(q).orElseThrow().attended()).isFalse();

        String after = page(mvc.perform(get(list).with(user(staff))).andReturn());
        assertThat(after).contains("Par collège").contains("Associations").contains("Non indiqué")
                .contains("Par département").contains("33 – Gironde").contains("64 – Pyrénées-Atlantiques");
        String filtered = page(mvc.perform(get(list).param("statut", "REFUSED").with(user(staff))).andReturn());
        assertThat(filtered).contains("Paul Martin").doesNotContain("Nora Ben").contains("1 inscription(s) affichée(s) sur 3");
        assertThat(page(mvc.perform(get(list).param("q", "quentin").with(user(staff))).andReturn())).contains(quentin).doesNotContain("Paul Martin");
        assertThat(page(mvc.perform(get(list).param("lang", "en").with(user(staff))).andReturn())).contains("Registrations: " + e.title())
                .contains("For the activity report").contains("Not given");

        // exports: every registration, one column per question
        MvcResult csv = mvc.perform(get(list + ".csv").with(user(staff))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"inscrits-" + e.slug() + ".csv\"")).andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = parseCsv(text.substring(1));
        assertThat(rows.get(0)).containsExactly("Nom", "Adresse électronique", "Statut", "Position sur la liste d’attente", "Structure", "Collège",
                "Département", "Sessions", "Restez-vous au déjeuner ?", "Présent·e", "Date d’inscription", "Inscrit·e par l’équipe");
        Map<String, List<String>> byName = rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(byName).containsOnlyKeys("Nora Ben", "Paul Martin", "Quentin Élu");
        assertThat(byName.get("Nora Ben")).containsSequence("Inscription confirmée", "").contains("Associations", "33 – Gironde", "Oui");
        assertThat(byName.get("Nora Ben").get(9)).isEqualTo("Oui");
        assertThat(byName.get("Quentin Élu").get(6)).isEqualTo("64 – Pyrénées-Atlantiques");
        assertThat(byName.get("Quentin Élu").get(9)).isEqualTo("Non");
        assertThat(byName.get("Quentin Élu").get(11)).isEqualTo("Oui");
        assertThat(byName.get("Paul Martin").get(2)).isEqualTo("Non retenue");

        MvcResult xlsx = mvc.perform(get(list + ".xlsx").param("statut", "CONFIRMED").with(user(staff))).andExpect(status().isOk()).andReturn();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Inscrits");
            assertThat(sheet.get(0).getCellText(8)).isEqualTo("Restez-vous au déjeuner ?");
            assertThat(sheet).hasSize(3);
            assertThat(sheet.subList(1, 3)).extracting(r -> r.getCellText(0)).containsExactlyInAnyOrder("Nora Ben", "Quentin Élu");
        }

        // the sign-in sheet: confirmed people, a signature box each, the event on every page
        String sheet = page(mvc.perform(get("/admin/agenda/" + e.slug() + "/emargement").with(user(staff))).andExpect(status().isOk()).andReturn());
        assertThat(sheet).contains("Feuille d’émargement").contains("<thead>").contains(e.title()).contains("Maison des associations")
                .contains("Nora Ben").contains("Quentin Élu").doesNotContain("Paul Martin").contains("class=\"col-signature\"")
                .contains("2 personnes confirmées").contains("/css/agenda-sign-in.css").doesNotContain("null");
        mvc.perform(get("/admin/agenda/" + e.slug() + "/emargement").with(user(nora))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from staff_action where target_type = 'event' and target_id = ? and action like 'agenda.reg.%'")
                .param(e.id()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void mySpaceListsMyRegistrations() throws Exception {
        EventDetails e = agenda.find(agenda.create(TestEvents.inDays("Festival des solidarités " + TestStructures.newPersonId(), 15)
                .type(EventType.FESTIVAL).capacity(100).build(), staff)).orElseThrow();
        String email = "lea." + TestStructures.newPersonId() + "@exemple.test";
        long id = accounts.signUp(new AccountService.SignUp("Léa", email, "Un-mot-de-passe-solide-2026", true, Locale.FRENCH));
        TestPerson lea = new TestPerson(id, email, "Léa", false, false);
        RegistrationDetails r = registrations.register(e.id(), RegistrationRequest.self(), lea);
        String space = page(mvc.perform(get("/mon-espace").with(user(lea))).andExpect(status().isOk()).andReturn());
        assertThat(space).contains("Mes inscriptions").contains(e.title()).contains("Inscription confirmée")
                .contains("/agenda/inscriptions/" + r.token());
        assertThat(registrations.ofPerson(lea.personId())).hasSize(1);
        assertThat(Set.of(RegistrationStatus.CONFIRMED)).contains(registrations.ofPerson(lea.personId()).get(0).status());
    }

    /** A small RFC 4180 reader for ';'-separated CSV (quoted cells may hold ; " and line breaks). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // CRLF: the line ends at \n
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
