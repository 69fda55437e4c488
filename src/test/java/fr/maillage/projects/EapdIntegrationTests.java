package fr.maillage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The e-APD helper: a local authority's worksheet prefilled from its projects, edited and saved,
 * exported as CSV; bad input refused with nothing saved; the campaign set by staff and the
 * reminders sent exactly once at opening and a week before closing, on a clock the test moves.
 */
@SpringBootTest
@ActiveProfiles("test")
class EapdIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Eapd eapd;

    @Autowired
    EapdReminders reminders;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static String marker() {
        return "Apd" + Long.toString(System.nanoTime(), 36);
    }

    static ProjectData project(String title, List<String> themes, LocalDate start, LocalDate end, ProjectData.Funding... fundings) {
        return new ProjectData(title, null, null, "2", start, end, null, null, List.of(new ProjectData.Place("SN", null, null, null)),
                themes, List.of(), List.of(), List.of(), Arrays.asList(fundings), "EUR", List.of(), null, null, null);
    }

    static ProjectData.Funding funding(String kind, Long organisationId, String amount, String currency, Integer year) {
        return new ProjectData.Funding(kind, null, organisationId, new BigDecimal(amount), currency, year);
    }

    record Authority(long id, String slug, TestPerson editor, long water, long ecsi, long ngo, long foreign, long later) {
    }

    /** A commune with its own water and ECSI projects, an association's project it funds, and projects that do not count in 2025. */
    Authority commune(String m) {
        TestPerson editor = TestStructures.member("Élodie Éditrice");
        long id = TestStructures.localAuthority(directory, editor, "Ville de Bègles " + m, "33130", "Bègles");
        String slug = directory.ref(id).orElseThrow().slug();
        long water = projects.create(id, project("Forages de Podor " + m, List.of("eau-assainissement"), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                funding("COMMUNE", null, "12000", "EUR", 2025), funding("AGENCE_EAU", null, "40000", "EUR", 2025),
                funding("COMMUNE", null, "5000", "EUR", 2024)), true, editor);
        long ecsi = projects.create(id, project("Semaine de la solidarité " + m, List.of("ecsi"), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30),
                funding("OWN", null, "3000", "EUR", null)), true, editor);
        TestPerson assoEditor = TestStructures.member("Awa");
        long asso = TestStructures.association(directory, assoEditor, "Santé Sud Gironde " + m);
        long ngo = projects.create(asso, project("Case de santé " + m, List.of("sante"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                funding("COMMUNE", id, "8000", "EUR", 2025), funding("FOUNDATION", null, "20000", "EUR", 2025)), true, assoEditor);
        long foreign = projects.create(asso, project("Microcrédit " + m, List.of("economie-emploi"), LocalDate.of(2025, 1, 1), null,
                funding("COMMUNE", id, "500000", "XOF", 2025)), true, assoEditor);
        long later = projects.create(id, project("Bibliothèque " + m, List.of("education-formation"), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1),
                funding("COMMUNE", null, "9000", "EUR", 2026)), false, editor);
        return new Authority(id, slug, editor, water, ecsi, ngo, foreign, later);
    }

    @Test
    void theWorksheetIsPrefilledFromTheProjectsOfTheYear() throws Exception {
        String m = marker();
        Authority a = commune(m);

        EapdWorksheet w = eapd.worksheet(a.id(), 2025, a.editor());
        assertThat(w.saved()).isFalse();
        assertThat(w.line(EapdCategory.WATER).amount()).isEqualByComparingTo("12000");
        assertThat(w.line(EapdCategory.WATER).projectIds()).containsExactly(a.water());
        assertThat(w.line(EapdCategory.EDUCATION).amount()).isEqualByComparingTo("3000");
        assertThat(w.line(EapdCategory.NGO).amount()).isEqualByComparingTo("8000");
        assertThat(w.line(EapdCategory.NGO).projectIds()).containsExactly(a.ngo());
        assertThat(w.line(EapdCategory.COOPERATION).amount()).isEqualByComparingTo("0");
        assertThat(w.total()).isEqualByComparingTo("23000");
        assertThat(w.candidates()).extracting(EapdWorksheet.Candidate::projectId).contains(a.foreign(), a.later());
        EapdWorksheet.Candidate foreign = w.candidates().stream().filter(c -> c.projectId() == a.foreign()).findFirst().orElseThrow();
        assertThat(foreign.otherCurrency()).isTrue();
        assertThat(foreign.suggested()).isNull();
        assertThat(foreign.leadName()).isEqualTo("Santé Sud Gironde " + m);
        // the year before: the 5 000 € of 2024 only
        assertThat(eapd.worksheet(a.id(), 2024, a.editor()).total()).isEqualByComparingTo("5000");

        String page = mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025").with(user(a.editor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Aide publique au développement 2025 – Ville de Bègles " + m)
                .contains("Comment le tableau est prérempli").contains("agence de l’eau")
                .contains("1\u00a0% eau et assainissement (loi Oudin-Santini)").contains("Bourses et frais d’écolage")
                .contains("Contributions aux organisations internationales (multilatérales)")
                .contains("value=\"12000\"").contains("D’après les projets\u00a0: 12\u202f000\u00a0€ (1 projet)")
                .contains("23\u202f000\u00a0€").contains("Pas encore enregistré")
                .contains("Case de santé " + m).contains("porté par Santé Sud Gironde " + m)
                .contains("Une partie du financement est dans une autre devise");
        // the link from the authority's page leads to the worksheet of the year being declared
        mvc.perform(get("/acteurs/" + a.slug() + "/apd").with(user(a.editor()))).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/acteurs/" + a.slug() + "/apd/\\d{4}")));
    }

    /** The worksheet form as the page fills it; {@code overrides} are pairs of field name and value replacing what the page shows. */
    private MockHttpServletRequestBuilder worksheetForm(String slug, int year, EapdWorksheet w, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("version", String.valueOf(w.version()));
        for (int i = 0; i < w.lines().size(); i++) {
            EapdWorksheet.Line l = w.lines().get(i);
            fields.put("lines[" + i + "].category", l.category().name());
            fields.put("lines[" + i + "].amount", l.amount().toPlainString());
        }
        for (int j = 0; j < w.candidates().size(); j++) {
            EapdWorksheet.Candidate c = w.candidates().get(j);
            EapdCategory cat = w.categoryOf(c.projectId());
            fields.put("projects[" + j + "].projectId", String.valueOf(c.projectId()));
            fields.put("projects[" + j + "].category", cat == null ? "" : cat.name());
        }
        for (int k = 0; k + 1 < overrides.length; k += 2) {
            fields.put(overrides[k], overrides[k + 1]);
        }
        MockHttpServletRequestBuilder r = post("/acteurs/" + slug + "/apd/" + year).with(csrf());
        fields.forEach((name, value) -> r.param(name, value));
        return r;
    }

    private static String lineField(EapdCategory c, String field) {
        return "lines[" + c.ordinal() + "]." + field;
    }

    private int projectIndex(EapdWorksheet w, long projectId) {
        for (int j = 0; j < w.candidates().size(); j++) {
            if (w.candidates().get(j).projectId() == projectId) {
                return j;
            }
        }
        throw new AssertionError("no candidate " + projectId);
    }

    @Test
    void editsAreSavedAndTheCsvHoldsThem() throws Exception {
        String m = marker();
        Authority a = commune(m);
        EapdWorksheet w = eapd.worksheet(a.id(), 2025, a.editor());
        int later = projectIndex(w, a.later());

        mvc.perform(worksheetForm(a.slug(), 2025, w,
                        lineField(EapdCategory.WATER, "amount"), "12 500,50",
                        lineField(EapdCategory.WATER, "comment"), "Budget annexe de l’eau",
                        lineField(EapdCategory.MULTILATERAL, "amount"), "2000",
                        lineField(EapdCategory.MULTILATERAL, "comment"), "=HYPERLINK(\"http://x\";\"UNICEF\")",
                        lineField(EapdCategory.SCHOLARSHIPS, "amount"), "1.250,00",
                        "projects[" + later + "].category", "COOPERATION")
                        .with(user(a.editor())))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/acteurs/" + a.slug() + "/apd/2025"));

        EapdWorksheet saved = eapd.worksheet(a.id(), 2025, a.editor());
        assertThat(saved.saved()).isTrue();
        assertThat(saved.savedByName()).isEqualTo("Élodie Éditrice");
        assertThat(saved.line(EapdCategory.WATER).amount()).isEqualByComparingTo("12500.50");
        assertThat(saved.line(EapdCategory.WATER).comment()).isEqualTo("Budget annexe de l’eau");
        assertThat(saved.line(EapdCategory.SCHOLARSHIPS).amount()).isEqualByComparingTo("1250");
        assertThat(saved.line(EapdCategory.COOPERATION).projectIds()).containsExactly(a.later());
        assertThat(saved.total()).isEqualByComparingTo("26750.50");
        // the suggestion is still shown next to the saved amount
        assertThat(saved.line(EapdCategory.WATER).suggestedAmount()).isEqualByComparingTo("12000");

        String page = mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025").with(user(a.editor())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Enregistré").contains("par Élodie Éditrice").contains("value=\"12500,50\"")
                .contains("26\u202f750,50\u00a0€");
        // recalculating shows the suggestions again, without saving them
        assertThat(mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025").param("recalculer", "1").with(user(a.editor())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("value=\"12000\"")
                .contains("Recalculé d’après les projets");
        assertThat(eapd.worksheet(a.id(), 2025, a.editor()).line(EapdCategory.WATER).amount()).isEqualByComparingTo("12500.50");

        var response = mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025.csv").with(user(a.editor())))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("e-apd-" + a.slug() + "-2025.csv");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("\uFEFFCollectivité;Année des montants;Catégorie e-APD;Montant (EUR);Commentaire;Projets");
        assertThat(rows).hasSize(1 + EapdCategory.values().length + 1);
        assertThat(rows[2]).isEqualTo("Ville de Bègles " + m + ";2025;1\u00a0% eau et assainissement (loi Oudin-Santini);\"12500,50\";Budget annexe de l’eau;Forages de Podor " + m);
        // a comment that looks like a formula is neutralised
        assertThat(csv).contains(";\"'=HYPERLINK(\"\"http://x\"\";\"\"UNICEF\"\")\";").doesNotContain(";=HYPERLINK");
        assertThat(rows[rows.length - 1]).isEqualTo("Ville de Bègles " + m + ";2025;Total;\"26750,50\";;");

        // staff may edit it too, and it is recorded in the staff journal
        TestPerson staff = TestStructures.staff("Équipe");
        eapd.save(a.id(), 2025, saved.version(), saved.lines().stream()
                .map(l -> new EapdLineData(l.category().name(), l.amount(), l.comment(), l.projectIds())).toList(), staff);
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'projects.eapd.save' and target_id = ?").param(a.id())
                .query(Long.class).single()).isEqualTo(1);

        // a person who deletes their account leaves no name on the worksheets they saved
        eapd.save(a.id(), 2024, -1, List.of(new EapdLineData("COOPERATION", BigDecimal.TEN, null, List.of())), a.editor());
        events.publishEvent(new fr.maillage.accounts.PersonDeleted(a.editor().personId()));
        assertThat(jdbc.sql("select saved_by_name from eapd_worksheet where organisation_id = ? and year = 2024").param(a.id())
                .query(String.class).single()).isEqualTo("—");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingSaved() throws Exception {
        String m = marker();
        Authority a = commune(m);
        EapdWorksheet w = eapd.worksheet(a.id(), 2025, a.editor());
        int ngo = projectIndex(w, a.ngo());

        String html = mvc.perform(worksheetForm(a.slug(), 2025, w,
                        lineField(EapdCategory.WATER, "amount"), "douze mille",
                        lineField(EapdCategory.ENERGY, "amount"), "-5",
                        lineField(EapdCategory.WASTE, "amount"), "10,555",
                        lineField(EapdCategory.ADMIN, "comment"), "x".repeat(1001),
                        "projects[" + ngo + "].projectId", "999999999")
                        .with(user(a.editor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Le tableau contient 5 erreurs")
                .contains("Indiquez un montant en euros, positif ou nul, avec deux décimales au plus")
                .contains("1000 caractères au plus.").contains("Le projet n°\u00a0999999999 ne peut pas compter dans ce tableau.")
                .contains("value=\"douze mille\"").contains("value=\"-5\"");
        assertThat(jdbc.sql("select count(*) from eapd_worksheet where organisation_id = ?").param(a.id()).query(Long.class).single()).isZero();

        // a stale version: someone saved in between
        eapd.save(a.id(), 2025, -1, List.of(new EapdLineData("COOPERATION", new BigDecimal("100"), null, List.of())), a.editor());
        assertThatThrownBy(() -> eapd.save(a.id(), 2025, -1, List.of(new EapdLineData("COOPERATION", new BigDecimal("200"), null, List.of())), a.editor()))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.getMessage()).isEqualTo("projects.eapd.error.concurrent"));
        assertThat(eapd.worksheet(a.id(), 2025, a.editor()).line(EapdCategory.COOPERATION).amount()).isEqualByComparingTo("100");
        // a project counted twice, an unknown category
        assertThatThrownBy(() -> eapd.save(a.id(), 2025, 0, List.of(
                new EapdLineData("COOPERATION", BigDecimal.ONE, null, List.of(a.water())),
                new EapdLineData("WATER", BigDecimal.ONE, null, List.of(a.water())),
                new EapdLineData("LOTTERY", BigDecimal.ONE, null, List.of())), a.editor()))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.problems()).extracting(ProjectException.Problem::messageKey)
                        .containsExactlyInAnyOrder("projects.eapd.error.project-twice", "projects.error.unknown-code"));

        // who may: the authority's editors and staff; anything but a local authority and a sensible year is not found
        TestPerson stranger = TestStructures.member("Intrus");
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025.csv").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(worksheetForm(a.slug(), 2025, w).with(user(stranger))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> eapd.worksheet(a.id(), 2025, stranger)).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/connexion")));
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/1999").with(user(a.editor()))).andExpect(status().isNotFound());
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/" + (LocalDate.now().getYear() + 2)).with(user(a.editor()))).andExpect(status().isNotFound());
        String asso = directory.ref(TestStructures.association(directory, a.editor(), "Pas une collectivité " + m)).orElseThrow().slug();
        mvc.perform(get("/acteurs/" + asso + "/apd/2025").with(user(a.editor()))).andExpect(status().isNotFound());
        mvc.perform(get("/acteurs/" + a.slug() + "/apd/2025").with(user(TestStructures.staff("Équipe")))).andExpect(status().isOk());
    }

    @Test
    void remindersGoExactlyOnceWhenTheCampaignOpensAndAWeekBeforeItCloses() throws Exception {
        String m = marker();
        Authority a = commune(m);
        // a second member (an editor, through a join request) is written to as well
        TestPerson second = TestStructures.member("Second Membre");
        long request = directory.requestToJoin(a.id(), second, "Je suis chargé de mission");
        directory.decideJoinRequest(request, true, a.editor());
        int year = LocalDate.now().getYear() + 3;
        jdbc.sql("insert into eapd_campaign (year, opens_on, closes_on) values (?, ?, ?) on conflict (year) do update set opens_on = excluded.opens_on, closes_on = excluded.closes_on")
                .params(year, LocalDate.of(year, 4, 15), LocalDate.of(year, 5, 31)).update();

        assertThat(runOn(LocalDate.of(year, 4, 14), a)).isZero();
        assertThat(runOn(LocalDate.of(year, 4, 15), a)).isEqualTo(2);
        assertThat(runOn(LocalDate.of(year, 4, 15), a)).isZero();
        assertThat(runOn(LocalDate.of(year, 4, 20), a)).isZero();
        String opening = jdbc.sql("select subject || '\n' || body_text from mail_outbox where recipient = ? order by id desc limit 1")
                .param(a.editor().email()).query(String.class).single();
        assertThat(opening).startsWith("e-APD " + year + "\u00a0: la déclaration de l’aide publique au développement de Ville de Bègles " + m + " est ouverte")
                .contains("Bonjour Élodie Éditrice,").contains(day(LocalDate.of(year, 4, 15))).contains(day(LocalDate.of(year, 5, 31)))
                .contains("/acteurs/" + a.slug() + "/apd/" + (year - 1)).contains("diplomatie.gouv.fr");

        assertThat(runOn(LocalDate.of(year, 5, 23), a)).isZero();
        assertThat(runOn(LocalDate.of(year, 5, 24), a)).isEqualTo(2);
        assertThat(runOn(LocalDate.of(year, 5, 25), a)).isZero();
        assertThat(runOn(LocalDate.of(year, 5, 31), a)).isZero();
        assertThat(runOn(LocalDate.of(year, 6, 1), a)).isZero();
        assertThat(jdbc.sql("select subject from mail_outbox where recipient = ? order by id desc limit 1").param(second.email())
                .query(String.class).single()).isEqualTo("e-APD " + year + "\u00a0: plus qu’une semaine pour déclarer l’aide publique au développement de Ville de Bègles " + m);
        assertThat(jdbc.sql("select kind || ' ' || recipient from eapd_reminder where organisation_id = ? order by kind, recipient").param(a.id())
                .query(String.class).list()).containsExactlyInAnyOrder("CLOSING " + a.editor().email(), "CLOSING " + second.email(),
                        "OPENING " + a.editor().email(), "OPENING " + second.email());
        // staff see when the reminders went
        EapdDeclaration d = eapd.declarations(year - 1).stream().filter(x -> x.organisationId() == a.id()).findFirst().orElseThrow();
        assertThat(d.openingReminderAt()).isNotNull();
        assertThat(d.closingReminderAt()).isNotNull();
        assertThat(d.filled()).isFalse();

        // after a restart past the opening day only the closing reminder goes; on the opening day of a short campaign, only the opening one
        EapdCampaign late = new EapdCampaign(year, LocalDate.of(year, 4, 15), LocalDate.of(year, 5, 31));
        assertThat(reminders.due(late, LocalDate.of(year, 5, 26))).containsExactly(EapdReminders.CLOSING);
        EapdCampaign shortOne = new EapdCampaign(year, LocalDate.of(year, 5, 28), LocalDate.of(year, 5, 31));
        assertThat(reminders.due(shortOne, LocalDate.of(year, 5, 28))).containsExactly(EapdReminders.OPENING);
        assertThat(reminders.due(shortOne, LocalDate.of(year, 5, 29))).containsExactly(EapdReminders.CLOSING);
    }

    /** "dimanche 15 avril 2029". */
    private static String day(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(date);
    }

    /** Runs the reminder job on a clock set to that day at 9:00 in Paris; returns the e-mails queued for this authority. */
    private long runOn(LocalDate day, Authority a) {
        long before = mailsTo(a);
        Clock clock = Clock.fixed(LocalDateTime.of(day, java.time.LocalTime.of(9, 0)).atZone(Eapd.PARIS).toInstant(), Eapd.PARIS);
        reminders.withClock(clock).run();
        return mailsTo(a) - before;
    }

    private long mailsTo(Authority a) {
        return jdbc.sql("select count(*) from mail_outbox o join organisation_member m on lower(m.email) = lower(o.recipient) "
                        + "where m.organisation_id = ? and o.category = 'eapd'")
                .param(a.id()).query(Long.class).single();
    }

    @Test
    void staffSetTheCampaignAndSeeWhoFilledTheirWorksheet() throws Exception {
        String m = marker();
        Authority a = commune(m);
        TestPerson staff = TestStructures.staff("Équipe");
        long other = TestStructures.localAuthority(directory, a.editor(), "Ville de Cenon " + m, "33150", "Cenon");
        int year = LocalDate.now().getYear() + 4;

        mvc.perform(get("/admin/apd").with(user(a.editor()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/apd").param("annee", "2147483647").with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/apd").param("annee", "deux-mille").with(user(staff))).andExpect(status().isBadRequest());
        String refused = mvc.perform(post("/admin/apd").with(csrf()).with(user(staff))
                        .param("opensOn", year + "-05-31").param("closesOn", year + "-04-15"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("La clôture doit venir après l’ouverture.");
        assertThat(eapd.campaign(year)).isEmpty();
        assertThat(mvc.perform(post("/admin/apd").with(csrf()).with(user(staff)).param("opensOn", "pas une date").param("closesOn", ""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Date invalide").contains("Ce champ est obligatoire.");

        mvc.perform(post("/admin/apd").with(csrf()).with(user(staff)).param("opensOn", year + "-04-15").param("closesOn", "31/05/" + year))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/admin/apd?annee=" + year));
        assertThat(eapd.campaign(year)).contains(new EapdCampaign(year, LocalDate.of(year, 4, 15), LocalDate.of(year, 5, 31)));

        eapd.save(a.id(), year - 1 > LocalDate.now().getYear() ? LocalDate.now().getYear() : year - 1, -1,
                List.of(new EapdLineData("NGO", new BigDecimal("8000"), null, List.of())), a.editor());
        // the amounts declared in a campaign are those of the year before: fill the current year's worksheet for a campaign next year
        int next = LocalDate.now().getYear() + 1;
        mvc.perform(post("/admin/apd").with(csrf()).with(user(staff)).param("opensOn", next + "-04-15").param("closesOn", next + "-05-31"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/admin/apd").param("annee", String.valueOf(next)).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Campagne de déclaration e-APD").contains("Campagne " + next)
                .contains("Ville de Bègles " + m).contains("Rempli").contains("par Élodie Éditrice").contains("8\u202f000\u00a0€")
                .contains("Ville de Cenon " + m).contains("Pas encore").contains("aria-current=\"page\"");
        assertThat(mvc.perform(get("/admin").with(user(staff))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Campagne e-APD").contains("/admin/apd?annee=").containsPattern("Tableaux (déjà )?remplis\u00a0: \\d+ sur \\d+");
        assertThat(eapd.declarations(next - 1)).filteredOn(d -> d.organisationId() == a.id())
                .singleElement().satisfies(d -> assertThat(d.total()).isEqualByComparingTo("8000"));
        assertThat(eapd.declarations(next - 1)).filteredOn(d -> d.organisationId() == other).singleElement()
                .satisfies(d -> assertThat(d.filled()).isFalse());
    }
}
