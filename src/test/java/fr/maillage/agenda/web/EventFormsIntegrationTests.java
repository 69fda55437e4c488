package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AccountService;
import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventStatus;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The event forms and the moderation as people use them: staff publish at once, a member
 * proposes for their structure (pending, the team is e-mailed, the page says so, the public
 * gets a 404), staff approve or refuse with a message e-mailed to the proposer; bad input is
 * refused next to each field with what was typed kept and nothing saved; rows are added without
 * JavaScript; a concurrent edit is caught; organisers cancel and write the report; "Mes
 * événements", the structure's "Agenda" section and the staff's list show it all.
 */
@SpringBootTest
@ActiveProfiles("test")
class EventFormsIntegrationTests {

    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Agenda agenda;

    @Autowired
    Directory directory;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String tag;
    TestPerson member;
    TestPerson staff;
    long org;
    String orgSlug;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tag = Long.toString(TestStructures.newPersonId(), 36);
        member = account("Moussa Diallo", "moussa." + tag + "@exemple.test", false);
        staff = account("Claire Équipe", "claire." + tag + "@exemple.test", true);
        org = TestStructures.association(directory, member, "Festisol Gironde " + tag);
        orgSlug = directory.ref(org).orElseThrow().slug();
    }

    /**
     * The staff account made for a test goes back to being a member: other test classes share
     * the database and count the mails written to staff.
     */
    @AfterEach
    void tearDown() {
        jdbc.sql("update person set role = 'MEMBER' where id = ?").param(staff.personId()).update();
    }

    // ------------------------------------------------------------------ creating and proposing

    @Test
    void staffCreateAnEventWithItsProgrammeAndItIsPublishedAtOnce() throws Exception {
        String title = "Journée multi-acteurs " + tag;
        mvc.perform(form("/agenda/nouveau", staff, valid(title)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/agenda/journee-multi-acteurs-*"));
        EventDetails e = byTitle(title);
        assertThat(e.status()).isEqualTo(EventStatus.PUBLISHED);
        EventData d = e.data();
        assertThat(d.type()).isEqualTo(EventType.AGORA);
        assertThat(d.start()).isEqualTo(LocalDateTime.of(2031, 4, 10, 9, 30));
        assertThat(d.end()).isEqualTo(LocalDateTime.of(2031, 4, 10, 17, 0));
        assertThat(e.departement()).isEqualTo("33");
        assertThat(d.latitude()).isEqualTo(44.8378);
        assertThat(d.organisationIds()).containsExactly(org);
        assertThat(d.countries()).containsExactly("SN");
        assertThat(d.registration().mode()).isEqualTo(RegistrationMode.OPEN);
        assertThat(d.registration().capacity()).isEqualTo(150);
        assertThat(d.registration().deadline()).isEqualTo(LocalDateTime.of(2031, 4, 8, 23, 59));
        assertThat(d.sessions()).extracting(EventData.SessionData::title).containsExactly("Atelier eau", "Tribune des projets");
        assertThat(d.sessions().get(0).start()).isEqualTo(LocalDateTime.of(2031, 4, 10, 10, 0));
        assertThat(d.sessions().get(0).capacity()).isEqualTo(30);
        assertThat(d.questions()).extracting(EventData.QuestionData::kind).containsExactly(QuestionKind.CHOICE);
        assertThat(d.documents()).extracting(EventData.DocumentData::url).containsExactly("https://exemple.org/programme.pdf");

        String page = page(get("/agenda/" + e.slug()));
        assertThat(page).contains("<h1>" + title + "</h1>").contains("jeudi 10 avril 2031 de 9\u00a0h\u00a030 à 17\u00a0h")
                .contains("Atelier eau").contains("10\u00a0h – 12\u00a0h").contains("Salle A").contains("30 places")
                .contains("Tribune des projets").contains("Inscription ouverte").contains("150 places")
                .contains("mardi 8 avril 2031 à 23\u00a0h\u00a059")
                .contains("href=\"/acteurs/" + orgSlug + "\"").contains("href=\"/agenda/" + e.slug() + ".ics\"")
                .contains("Ajouter à mon agenda").contains("Maison des associations").contains("33000 Bordeaux")
                .contains("Eau, assainissement, hygiène").contains("Sénégal").contains("Salle de plain-pied")
                .contains("<strong>programme</strong>")
                .contains("<script type=\"application/ld+json\">").contains("\"@type\":\"Event\"")
                .contains("\"startDate\":\"2031-04-10T09:30:00+02:00\"").contains("\"eventStatus\":\"https://schema.org/EventScheduled\"")
                .contains("<meta property=\"og:title\" content=\"" + title + "\">")
                .doesNotContain("Modifier");
        assertThat(page(get("/agenda/" + e.slug()).with(user(staff)))).contains("Modifier").contains("Annuler l’événement");
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'agenda.create' and target_id = ?").param(e.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMemberProposesForTheirStructureTheTeamIsToldAndTheEventWaitsHiddenFromThePublic() throws Exception {
        String title = "Festival des solidarités " + tag;
        // the form offers the member's structure
        assertThat(page(get("/agenda/nouveau").with(user(member)))).contains("Proposer un événement").contains("Festisol Gironde " + tag)
                .contains("L’équipe du réseau le vérifie");
        Map<String, String> p = valid(title);
        p.put("type", "FESTIVAL");
        String flash = (String) mvc.perform(form("/agenda/nouveau", member, p)).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flash");
        assertThat(flash).contains("en attente de validation");
        EventDetails e = byTitle(title);
        assertThat(e.status()).isEqualTo(EventStatus.PENDING);
        assertThat(e.proposedBy()).isEqualTo(member.personId());

        // the team is e-mailed
        assertThat(mails(staff.email())).anySatisfy(m -> assertThat(m).contains("Événement à valider\u00a0: " + title)
                .contains("Moussa Diallo").contains("/admin/agenda").contains("[moderation]"));

        // hidden from the public and other members, shown to its proposer with the moderation banner
        mvc.perform(get("/agenda/" + e.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/agenda/" + e.slug()).with(user(TestStructures.member("Curieux")))).andExpect(status().isNotFound());
        assertThat(page(get("/agenda/" + e.slug()).with(user(member)))).contains("En attente de validation")
                .contains("L’équipe du réseau vérifie cette proposition").contains("name=\"robots\" content=\"noindex\"")
                .doesNotContain("application/ld+json");
        assertThat(page(get("/agenda").param("q", tag).param("du", "2031-01-01"))).doesNotContain(title);
        // "Mes événements"
        assertThat(page(get("/mon-espace").with(user(member)))).contains("Mes événements").contains(title)
                .contains("En attente de validation par l’équipe du réseau");

        // staff reading the proposal may publish it from its page too
        assertThat(page(get("/agenda/" + e.slug()).with(user(staff)))).contains("/admin/agenda/" + e.id() + "/valider")
                .contains("#proposition-" + e.id());
        // the staff's page lists it first, with the proposer
        String admin = page(get("/admin/agenda").with(user(staff)));
        assertThat(admin).contains("proposition").contains(title).contains("moussa." + tag + "@exemple.test")
                .contains("/admin/agenda/" + e.id() + "/valider");
        assertThat(page(get("/admin").with(user(staff)))).contains("/admin/agenda");

        // approval: published, the proposer is told
        mvc.perform(post("/admin/agenda/" + e.id() + "/valider").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/agenda"));
        assertThat(agenda.find(e.id()).orElseThrow().status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(mails(member.email())).anySatisfy(m -> assertThat(m).contains("Votre événement est publié\u00a0: " + title)
                .contains("/agenda/" + e.slug()));
        assertThat(page(get("/agenda/" + e.slug()))).contains(title).contains("application/ld+json");
        assertThat(page(get("/agenda").param("q", tag).param("du", "2031-01-01"))).contains(title);
        // the structure's page shows it in its "Agenda" section; its editor may propose another
        String structure = page(get("/acteurs/" + orgSlug).with(user(member)));
        assertThat(structure).contains("id=\"agenda\"").contains(title).contains("Proposer un événement pour cette structure");
        assertThat(page(get("/acteurs/" + orgSlug))).contains(title).doesNotContain("Proposer un événement pour cette structure");
    }

    @Test
    void staffRefuseWithAMessageThatIsEmailedAndTheChangedProposalGoesBackToThem() throws Exception {
        String title = "Vente de gâteaux " + tag;
        long id = agenda.create(TestEvents.meeting(title, LocalDateTime.of(2031, 9, 5, 14, 0)).organisedBy(org).build(), member);

        // a refusal needs a message
        mvc.perform(post("/admin/agenda/" + id + "/refuser").param("message", " ").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(agenda.find(id).orElseThrow().status()).isEqualTo(EventStatus.PENDING);

        mvc.perform(post("/admin/agenda/" + id + "/refuser").param("message", "Précisez le lien avec la solidarité internationale.")
                .with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        EventDetails refused = agenda.find(id).orElseThrow();
        assertThat(refused.status()).isEqualTo(EventStatus.REFUSED);
        assertThat(mails(member.email())).anySatisfy(m -> assertThat(m).contains("Votre proposition d’événement")
                .contains("Précisez le lien avec la solidarité internationale.").contains("/agenda/" + refused.slug() + "/modifier"));
        assertThat(page(get("/agenda/" + refused.slug()).with(user(member)))).contains("Cette proposition n’a pas été retenue")
                .contains("Précisez le lien avec la solidarité internationale.");

        // the member changes it: back to the team
        String form = page(get("/agenda/" + refused.slug() + "/modifier").with(user(member)));
        assertThat(form).contains("value=\"" + attr(title) + "\"").contains("Précisez le lien");
        Map<String, String> p = valid(title + " au profit d’un projet au Sénégal");
        p.put("version", String.valueOf(refused.version()));
        mvc.perform(form("/agenda/" + refused.slug() + "/modifier", member, p)).andExpect(status().is3xxRedirection());
        assertThat(agenda.find(id).orElseThrow().status()).isEqualTo(EventStatus.PENDING);
        assertThat(mails(staff.email())).anySatisfy(m -> assertThat(m).contains("Événement modifié à valider"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsShownNextToEachFieldWithWhatWasTypedAndNothingIsSaved() throws Exception {
        String title = "Mauvaises dates " + tag;
        Map<String, String> p = valid(title);
        p.put("startTime", "14:00");
        p.put("endTime", "09:00");                       // end before start
        p.put("registration.capacity", "-5");            // negative capacity
        p.put("registration.deadlineDate", "2031-04-12"); // after the start
        p.put("sessions[0].capacity", "-1");
        p.put("sessions[1].title", "");                  // a session without a title
        p.put("sessions[1].endTime", "08:00");
        p.put("postalCode", "99999");
        String html = mvc.perform(form("/agenda/nouveau", staff, p)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Le formulaire contient").contains("Rien n’a été enregistré");
        assertThat(error(html, "endDate")).isEqualTo("La fin doit venir après le début.");
        assertThat(error(html, "registration.capacity")).isEqualTo("Le nombre de places ne peut pas être négatif.");
        assertThat(error(html, "registration.deadlineDate")).isEqualTo("La date limite d’inscription doit précéder le début de l’événement.");
        assertThat(error(html, "sessions0.capacity")).isEqualTo("Le nombre de places ne peut pas être négatif.");
        assertThat(error(html, "sessions1.title")).isEqualTo("Ce champ est obligatoire.");
        assertThat(error(html, "postalCode")).isEqualTo("Ce code postal n’existe pas.");
        // what was typed is kept
        assertThat(html).contains("value=\"" + attr(title) + "\"").contains("value=\"-5\"").contains("value=\"Atelier eau\"")
                .contains("value=\"Maison des associations\"").contains("value=\"14:00\"").contains("value=\"09:00\"");
        assertThat(count(title)).isZero();

        // unreadable dates and numbers are said, not a 500
        Map<String, String> typo = valid(title);
        typo.put("startDate", "31/02/2031");
        typo.put("registration.capacity", "cent");
        typo.put("sessions[0].startTime", "25h");
        String typos = mvc.perform(form("/agenda/nouveau", staff, typo)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(error(typos, "startDate")).contains("Cette date n’est pas valide");
        assertThat(error(typos, "registration.capacity")).isEqualTo("Indiquez un nombre entier.");
        assertThat(error(typos, "sessions0.startTime")).contains("Cette heure n’est pas valide");
        assertThat(typos).contains("value=\"cent\"").contains("value=\"31/02/2031\"");
        assertThat(count(title)).isZero();

        // a member may not name someone else's structure (a crafted request)
        long other = TestStructures.association(directory, TestStructures.member("Autre"), "Autre structure " + tag);
        Map<String, String> crafted = valid(title);
        crafted.put("organisationIds", String.valueOf(other));
        String refused = mvc.perform(form("/agenda/nouveau", member, crafted)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(error(refused, "organisationIds")).contains("structure dont vous êtes responsable");
        assertThat(count(title)).isZero();
    }

    @Test
    void rowsAreAddedAndRemovedWithoutJavaScriptKeepingWhatWasTyped() throws Exception {
        String title = "Agora des projets " + tag;
        String more = mvc.perform(form("/agenda/nouveau", staff, valid(title)).param("addRow", "sessions")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(more).contains("value=\"" + attr(title) + "\"").contains("value=\"Tribune des projets\"")
                .contains("name=\"sessions[3].title\"").doesNotContain("class=\"field-error\"");
        String fewer = mvc.perform(form("/agenda/nouveau", staff, valid(title)).param("removeRow", "sessions:0")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fewer).doesNotContain("value=\"Atelier eau\"").contains("value=\"Tribune des projets\"");
        assertThat(count(title)).isZero();
    }

    @Test
    void aDocumentIsUploadedWithTheFormAndAFileOfAnotherKindIsRefused() throws Exception {
        String title = "Formation avec programme " + tag;
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        MockMultipartHttpServletRequestBuilder bad = multipart("/agenda/nouveau");
        bad.file(new MockMultipartFile("documentFiles", "virus.exe", "application/octet-stream", new byte[] {0x4d, 0x5a, 0x00, 0x01, 0x02}));
        valid(title).forEach(bad::param);
        String html = mvc.perform(bad.with(csrf()).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(error(html, "documentFiles")).contains("virus.exe");
        assertThat(count(title)).isZero();

        MockMultipartHttpServletRequestBuilder good = multipart("/agenda/nouveau");
        good.file(new MockMultipartFile("documentFiles", "programme_de_la_journee.pdf", "application/pdf", pdf));
        valid(title).forEach(good::param);
        mvc.perform(good.with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        EventDetails e = byTitle(title);
        assertThat(e.data().documents()).extracting(EventData.DocumentData::title).containsExactly("Programme", "Programme de la journee");
        EventData.DocumentData file = e.data().documents().get(1);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(page(get("/agenda/" + e.slug()))).contains("href=\"/fichiers/" + file.fileKey() + "\"")
                .contains("download=\"Programme de la journee.pdf\"").contains("(PDF, 1 ko)");
    }

    @Test
    void anEditOverSomeoneElsesChangeIsRefusedAndNothingIsOverwritten() throws Exception {
        String title = "Rencontre régionale " + tag;
        long id = agenda.create(TestEvents.meeting(title, LocalDateTime.of(2031, 10, 2, 9, 0)).organisedBy(org).build(), staff);
        EventDetails before = agenda.find(id).orElseThrow();
        String form = page(get("/agenda/" + before.slug() + "/modifier").with(user(member)));
        assertThat(form).contains("value=\"" + attr(title) + "\"").contains("name=\"version\" value=\"" + before.version() + "\"");

        // someone else saves first
        TestEvents other = TestEvents.meeting(title + " (salle changée)", LocalDateTime.of(2031, 10, 2, 9, 0)).organisedBy(org);
        agenda.update(id, before.version(), other.build(), staff);

        Map<String, String> p = valid(title + " (mon changement)");
        p.put("version", String.valueOf(before.version()));
        String html = mvc.perform(form("/agenda/" + before.slug() + "/modifier", member, p)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Quelqu’un a modifié cet événement pendant que vous l’éditiez");
        assertThat(agenda.find(id).orElseThrow().title()).isEqualTo(title + " (salle changée)");

        // staff delete an event only when they confirm it
        assertThat(page(get("/agenda/" + before.slug() + "/modifier").with(user(staff)))).contains("Supprimer définitivement");
        assertThat(page(get("/agenda/" + before.slug() + "/modifier").with(user(member)))).doesNotContain("Supprimer définitivement");
        mvc.perform(post("/admin/agenda/" + id + "/supprimer").with(csrf()).with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/agenda/" + id + "/supprimer").with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        assertThat(agenda.find(id)).isPresent();

        // and someone who organises nothing may not edit
        mvc.perform(get("/agenda/" + before.slug() + "/modifier").with(user(TestStructures.member("Passant")))).andExpect(status().isForbidden());
        mvc.perform(get("/agenda/" + before.slug() + "/modifier")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/agenda/" + id + "/supprimer").param("confirm", "oui").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/agenda"));
        assertThat(agenda.find(id)).isEmpty();
        mvc.perform(get("/agenda/" + before.slug())).andExpect(status().isNotFound());
    }

    @Test
    void aMemberWithoutAStructureIsToldHowToGetOneAndAVisitorIsAskedToSignIn() throws Exception {
        assertThat(page(get("/agenda/nouveau").with(user(TestStructures.member("Sans structure")))))
                .contains("Référencer ma structure").contains("au nom d’une structure de l’annuaire").doesNotContain("<form id=\"event-form\"");
        mvc.perform(get("/agenda/nouveau")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/connexion"));
        // a structure page offers its editors to propose an event for it, preselected in the form
        assertThat(page(get("/agenda/nouveau").param("structure", orgSlug).with(user(member))))
                .containsPattern("<input type=\"checkbox\" name=\"organisationIds\" id=\"org-" + org + "\" value=\"" + org + "\" checked");
    }

    // ------------------------------------------------------------------ after: cancel, report

    @Test
    void organisersCancelTheEventWhichStaysListedStruckThroughAndWriteTheReport() throws Exception {
        String title = "Assemblée générale " + tag;
        long id = agenda.create(TestEvents.meeting(title, LocalDateTime.of(2031, 6, 20, 9, 0)).type(EventType.GENERAL_ASSEMBLY)
                .organisedBy(org).build(), staff);
        String slug = agenda.find(id).orElseThrow().slug();
        mvc.perform(post("/agenda/" + slug + "/annuler").param("message", "Reportée à la rentrée").with(csrf())
                .with(user(TestStructures.member("Passant")))).andExpect(status().isForbidden());
        mvc.perform(post("/agenda/" + slug + "/annuler").param("message", "Reportée à la rentrée").with(csrf()).with(user(member)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agenda/" + slug));
        assertThat(agenda.find(id).orElseThrow().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(page(get("/agenda/" + slug))).contains("Cet événement est annulé.").contains("Reportée à la rentrée")
                .contains("<s>" + title + "</s>").contains("EventCancelled");
        assertThat(page(get("/agenda").param("q", tag).param("du", "2031-06-01"))).contains("<s>" + title + "</s>").contains("Annulé");

        // the report of a past event
        String pastTitle = "Atelier world café " + tag;
        long past = agenda.create(TestEvents.meeting(pastTitle, LocalDateTime.of(2025, 3, 4, 14, 0)).organisedBy(org).build(), staff);
        EventDetails p = agenda.find(past).orElseThrow();
        assertThat(page(get("/agenda/" + p.slug()).with(user(member)))).contains("Rédiger le compte rendu");
        String form = page(get("/agenda/" + p.slug() + "/compte-rendu").with(user(member)));
        assertThat(form).contains("Compte rendu de «\u00a0" + pastTitle + "\u00a0»");
        mvc.perform(post("/agenda/" + p.slug() + "/compte-rendu").with(csrf()).with(user(member))
                        .param("version", String.valueOf(p.version()))
                        .param("report", "## Ce qui est ressorti\n\n- **trois** idées de projets")
                        .param("documents[0].title", "Restitution").param("documents[0].url", "https://exemple.org/restitution.pdf"))
                .andExpect(status().is3xxRedirection());
        String page = page(get("/agenda/" + p.slug()));
        assertThat(page).contains("id=\"compte-rendu\"").contains("<h2>Ce qui est ressorti</h2>").contains("<strong>trois</strong>")
                .contains("href=\"https://exemple.org/restitution.pdf\"");
        // a bad link is said next to its row, nothing saved
        String bad = mvc.perform(post("/agenda/" + p.slug() + "/compte-rendu").with(csrf()).with(user(member))
                        .param("version", String.valueOf(agenda.find(past).orElseThrow().version()))
                        .param("report", "Autre texte").param("documents[0].title", "Lien").param("documents[0].url", "pas une adresse"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(error(bad, "documents0.url")).contains("https://");
        assertThat(agenda.find(past).orElseThrow().report()).contains("Ce qui est ressorti");
    }

    @Test
    void aRepeatingEventShowsItsNextDatesInWallClockTimeAndTheDaysWithoutASession() throws Exception {
        String title = "Groupe pays Sénégal " + tag;
        long id = agenda.create(TestEvents.meeting(title, LocalDateTime.of(2031, 3, 20, 18, 0)).end(LocalDateTime.of(2031, 3, 20, 20, 0))
                .type(EventType.COUNTRY_GROUP).weekly(1, LocalDate.of(2031, 4, 10), LocalDate.of(2031, 4, 3)).build(), staff);
        String page = page(get("/agenda/" + agenda.find(id).orElseThrow().slug()));
        assertThat(page).contains("Chaque semaine, jusqu’au jeudi 10 avril 2031").contains("Prochaines dates")
                .contains("jeudi 27 mars 2031 de 18\u00a0h à 20\u00a0h").contains("jeudi 10 avril 2031 de 18\u00a0h à 20\u00a0h")
                .contains("Pas de séance").contains("jeudi 3 avril 2031").contains("\"repeatFrequency\":\"P1W\"");
    }

    // ------------------------------------------------------------------ helpers

    /** A complete, valid form: an Agora in Bordeaux with two sessions, a question and a document link. */
    Map<String, String> valid(String title) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "AGORA");
        p.put("title", title);
        p.put("summary", "Cinq ateliers parallèles et la tribune des projets.");
        p.put("description", "Le **programme** complet.");
        p.put("startDate", "2031-04-10");
        p.put("startTime", "09:30");
        p.put("endDate", "");
        p.put("endTime", "17:00");
        p.put("repeat.frequency", "");
        p.put("format", "IN_PERSON");
        p.put("venueName", "Maison des associations");
        p.put("street", "12 rue du Palais");
        p.put("postalCode", "33000");
        p.put("city", "Bordeaux");
        p.put("latitude", "44,8378");
        p.put("longitude", "-0,5792");
        p.put("organisationIds", String.valueOf(org));
        p.put("themes", "eau-assainissement");
        p.put("countries[0]", "SN");
        p.put("audience", "Associations, collectivités");
        p.put("free", "true");
        p.put("_free", "on");
        p.put("accessibility", "Salle de plain-pied, boucle magnétique.");
        p.put("documents[0].title", "Programme");
        p.put("documents[0].url", "https://exemple.org/programme.pdf");
        p.put("registration.mode", "OPEN");
        p.put("registration.capacity", "150");
        p.put("registration.deadlineDate", "2031-04-08");
        p.put("registration.waitingList", "true");
        p.put("_registration.waitingList", "on");
        p.put("_registration.askStructure", "on");
        p.put("sessions[0].title", "Atelier eau");
        p.put("sessions[0].startTime", "10:00");
        p.put("sessions[0].endTime", "12:00");
        p.put("sessions[0].room", "Salle A");
        p.put("sessions[0].capacity", "30");
        p.put("sessions[1].title", "Tribune des projets");
        p.put("sessions[1].startTime", "14:00");
        p.put("sessions[1].endTime", "16:00");
        p.put("sessions[2].title", "");
        p.put("questions[0].label", "Régime alimentaire");
        p.put("questions[0].kind", "CHOICE");
        p.put("questions[0].choices", "Aucun\nVégétarien\nSans porc");
        return p;
    }

    MockHttpServletRequestBuilder form(String url, TestPerson who, Map<String, String> params) {
        MockHttpServletRequestBuilder b = post(url).with(csrf()).with(user(who));
        params.forEach(b::param);
        return b;
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the error shown under a field (by the field's id). */
    static String error(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + java.util.regex.Pattern.quote(id + "-error") + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("an error under " + id).isTrue();
        return m.group(1).strip();
    }

    /** A value as th:field writes it in an attribute (accents as entities). */
    static String attr(String value) {
        return HtmlUtils.htmlEscape(value);
    }

    EventDetails byTitle(String title) {
        long id = jdbc.sql("select id from agenda_event where title = ?").param(title).query(Long.class).single();
        return agenda.find(id).orElseThrow();
    }

    long count(String title) {
        return jdbc.sql("select count(*) from agenda_event where title = ?").param(title).query(Long.class).single();
    }

    /** The messages queued to an address: subject, body and category in one string each. */
    List<String> mails(String to) {
        return jdbc.sql("select subject || ' ' || body_text || ' [' || category || ']' from mail_outbox where lower(recipient) = lower(?) order by id")
                .param(to).query(String.class).list();
    }

    TestPerson account(String name, String email, boolean isStaff) {
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        if (isStaff) {
            jdbc.sql("update person set role = 'STAFF' where id = ?").param(id).update();
        }
        return new TestPerson(id, email, name, isStaff, false);
    }
}
