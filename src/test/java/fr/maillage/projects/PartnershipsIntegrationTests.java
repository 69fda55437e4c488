package fr.maillage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationsMerged;
import fr.maillage.shared.SearchResult;
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
 * Partnerships of local authorities: recorded through the form by the authority's editors,
 * shown on its page, on the partnership's page and in the Atlas view (list, map, export), with
 * field errors and nothing saved on bad input, and only the authority's editors and staff
 * allowed to write.
 */
@SpringBootTest
@ActiveProfiles("test")
class PartnershipsIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static String marker() {
        return "Coop" + Long.toString(System.nanoTime(), 36);
    }

    static PartnershipData podor(String name) {
        return new PartnershipData("COMMUNE", name, "MUNICIPALITY", "SN", "Région de Saint-Louis",
                LocalDate.of(2019, 3, 12), LocalDate.of(2019, 4, 1), LocalDate.of(2027, 3, 31), "ACTIVE",
                List.of("eau-assainissement", "gouvernance-locale"), List.of(), "Une **coopération** ancienne.",
                new PartnershipData.Person("Claire Martin", "Adjointe aux relations internationales", "claire.martin@mairie.example"),
                new PartnershipData.Person("Paul Durand", "Chargé de mission", "paul.durand@mairie.example"));
    }

    /** The partnership form, filled in; {@code overrides} are pairs of field name and value replacing the defaults. */
    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, long organisationId, String partnerName,
                                               String country, String startsOn, String endsOn, String... overrides) {
        java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();
        fields.put("organisationId", new String[] {String.valueOf(organisationId)});
        fields.put("frenchLevel", new String[] {"COMMUNE"});
        fields.put("partnerName", new String[] {partnerName});
        fields.put("partnerLevel", new String[] {"MUNICIPALITY"});
        fields.put("partnerCountry", new String[] {country});
        fields.put("partnerRegion", new String[] {"Région de Saint-Louis"});
        fields.put("signedOn", new String[] {"2019-03-12"});
        fields.put("startsOn", new String[] {startsOn});
        fields.put("endsOn", new String[] {endsOn});
        fields.put("status", new String[] {"ACTIVE"});
        fields.put("themes", new String[] {"eau-assainissement", "gouvernance-locale"});
        fields.put("description", new String[] {"Une **coopération** ancienne."});
        fields.put("elected.name", new String[] {"Claire Martin"});
        fields.put("elected.role", new String[] {"Adjointe aux relations internationales"});
        fields.put("elected.email", new String[] {"claire.martin@mairie.example"});
        fields.put("officer.name", new String[] {"Paul Durand"});
        fields.put("officer.role", new String[] {"Chargé de mission"});
        fields.put("officer.email", new String[] {"paul.durand@mairie.example"});
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], new String[] {overrides[i + 1]});
        }
        MockHttpServletRequestBuilder r = request.with(csrf());
        fields.forEach(r::param);
        return r;
    }

    @Test
    void anEditorRecordsAPartnershipThatItsPageTheAuthorityPageAndTheAtlasShow() throws Exception {
        String m = marker();
        TestPerson editor = TestStructures.member("Élise Éditrice");
        long pessac = TestStructures.localAuthority(directory, editor, "Ville de Pessac " + m, "33600", "Pessac");
        String slug = directory.ref(pessac).orElseThrow().slug();
        long project = projects.create(pessac, ProjectsIntegrationTests.water("Puits de Podor " + m), true, editor);

        // the form proposes the authority, a kind guessed from its name, and its projects
        String formPage = mvc.perform(get("/acteurs/" + slug + "/partenariats/nouveau").with(user(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(formPage).contains("Enregistrer un partenariat").contains("Ville de Pessac " + m)
                .contains("Puits de Podor " + m).contains("value=\"COMMUNE\" selected");

        String location = mvc.perform(form(post("/acteurs/" + slug + "/partenariats/nouveau"), pessac, "Commune de Podor " + m,
                        "SN", "2019-04-01", "31/03/2027").param("projectIds", String.valueOf(project)).with(user(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/cooperation-decentralisee/partenariats/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        PartnershipDetails saved = partnerships.find(id, Locale.FRENCH).orElseThrow();
        assertThat(saved.partner().country().label()).isEqualTo("Sénégal");
        assertThat(saved.authority().departement().label()).isEqualTo("Gironde (33)");
        assertThat(saved.endsOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(saved.projects()).extracting(PartnershipDetails.LinkedProject::title).containsExactly("Puits de Podor " + m);

        // the public page: names and roles, no e-mail; staff see the e-mails
        String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Commune de Podor " + m).contains("Sénégal").contains("Eau, assainissement, hygiène")
                .contains("Claire Martin").contains("Adjointe aux relations internationales").contains("<strong>coopération</strong>")
                .contains("mardi 12 mars 2019").contains("Puits de Podor " + m)
                .doesNotContain("claire.martin@mairie.example").doesNotContain("Modifier le partenariat");
        assertThat(mvc.perform(get(location).with(user(TestStructures.staff("Équipe")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("claire.martin@mairie.example").contains("Modifier le partenariat");
        assertThat(mvc.perform(get(location).with(user(editor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Modifier le partenariat").doesNotContain("claire.martin@mairie.example");

        // the authority's page lists it, and shows its editors the way to record another and to the e-APD worksheet
        String orgPage = mvc.perform(get("/acteurs/" + slug).with(user(editor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(orgPage).contains("Coopération décentralisée").contains("Commune de Podor " + m)
                .contains("/acteurs/" + slug + "/partenariats/nouveau").contains("/acteurs/" + slug + "/apd/");
        assertThat(mvc.perform(get("/acteurs/" + slug)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Commune de Podor " + m).doesNotContain("/partenariats/nouveau");

        // the Atlas view finds it by text and filters, with counts
        String atlas = mvc.perform(get("/cooperation-decentralisee").param("q", m).param("country", "SN").param("departement", "33"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(atlas).contains("1 partenariat").contains("Ville de Pessac " + m).contains("Commune de Podor " + m)
                .contains("name=\"theme\" value=\"eau-assainissement\"").contains("Gironde (33)")
                .contains("/cooperation-decentralisee/export.csv?q=" + m + "&amp;country=SN&amp;departement=33");
        String fragment = mvc.perform(get("/cooperation-decentralisee").param("q", m).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).doesNotContain("<html").contains("Commune de Podor " + m);
        // the map: the same counts for the shapes and in the accessible tables
        String map = mvc.perform(get("/cooperation-decentralisee").param("vue", "carte").param("q", m))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(map).contains("id=\"map-world\"").contains("id=\"map-france\"").contains("/js/directory-map.js")
                .contains("\"key\":\"686\"").contains("\"key\":\"33\"")
                .contains("Partenariats par pays partenaire").contains(">Sénégal</a>").doesNotContain("<script>");
        // unknown filter values from an old link are dropped, not an error
        mvc.perform(get("/cooperation-decentralisee").param("country", "XX").param("status", "NOPE")).andExpect(status().isOk());
    }

    @Test
    void badInputShowsFieldErrorsKeepsWhatWasTypedAndSavesNothing() throws Exception {
        String m = marker();
        TestPerson editor = TestStructures.member("Bruno");
        long bordeaux = TestStructures.localAuthority(directory, editor, "Bordeaux Métropole " + m, "33000", "Bordeaux");
        String slug = directory.ref(bordeaux).orElseThrow().slug();
        int before = partnerships.ofOrganisation(bordeaux, Locale.FRENCH).size();

        String html = mvc.perform(form(post("/acteurs/" + slug + "/partenariats/nouveau"), bordeaux, "Ville de Nulle Part " + m,
                        "XX", "2024-06-01", "2024-01-01",
                        "elected.email", "pas-une-adresse", "otherProjects", "/projets/projet-qui-n-existe-pas-" + m.toLowerCase())
                        .with(user(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Le formulaire contient 4 erreurs")
                .contains("Pays inconnu")
                .contains("La fin de la convention doit venir après son début.")
                .contains("Adresse e-mail invalide")
                .contains("Aucun projet de l’annuaire à l’adresse")
                .contains("value=\"Ville de Nulle Part " + m + "\"").contains("value=\"pas-une-adresse\"");
        assertThat(partnerships.ofOrganisation(bordeaux, Locale.FRENCH)).hasSize(before);

        // a structure that is not a local authority: said at once on the form, refused when sent
        TestPerson assoEditor = TestStructures.member("Awa");
        long asso = TestStructures.association(directory, assoEditor, "Amis de Podor " + m);
        String assoSlug = directory.ref(asso).orElseThrow().slug();
        assertThat(mvc.perform(get("/acteurs/" + assoSlug + "/partenariats/nouveau").with(user(assoEditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("n’est pas une collectivité territoriale");
        String refused = mvc.perform(form(post("/acteurs/" + assoSlug + "/partenariats/nouveau"), asso, "Commune de Podor " + m,
                        "SN", "2020-01-01", "2025-01-01").with(user(assoEditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Choisissez une collectivité territoriale de l’annuaire.");
        assertThat(jdbc.sql("select count(*) from partnership where organisation_id = ?").param(asso).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> partnerships.create(asso, podor("Podor " + m), assoEditor))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.problems())
                        .extracting(ProjectException.Problem::field).contains("organisationId"));

        // a French partner, a missing name and an unknown status are refused by the facade too
        PartnershipData bad = new PartnershipData("COMMUNE", " ", "MUNICIPALITY", "FR", null, null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), "PERHAPS", List.of("pas-un-theme"), List.of(999_999_999L), null, null, null);
        assertThatThrownBy(() -> partnerships.create(bordeaux, bad, editor))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.problems())
                        .extracting(ProjectException.Problem::messageKey)
                        .contains("projects.error.required", "projects.coop.error.french-partner", "projects.coop.error.end-not-after-start",
                                "projects.error.unknown-code", "projects.coop.error.unknown-project"));
        assertThat(partnerships.ofOrganisation(bordeaux, Locale.FRENCH)).hasSize(before);
    }

    @Test
    void onlyTheAuthorityEditorsAndStaffWriteAndConcurrentEditsAreCaught() throws Exception {
        String m = marker();
        TestPerson editor = TestStructures.member("Chloé");
        TestPerson stranger = TestStructures.member("Intrus");
        TestPerson staff = TestStructures.staff("Équipe");
        long lyon = TestStructures.localAuthority(directory, editor, "Ville de Lyon " + m, "69001", "Lyon");
        String slug = directory.ref(lyon).orElseThrow().slug();
        long id = partnerships.create(lyon, podor("Beyrouth " + m), editor);

        mvc.perform(get("/acteurs/" + slug + "/partenariats/nouveau")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/connexion")));
        mvc.perform(get("/acteurs/" + slug + "/partenariats/nouveau").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(form(post("/acteurs/" + slug + "/partenariats/nouveau"), lyon, "Intrusion " + m, "SN", "2020-01-01", "2021-01-01")
                .with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/cooperation-decentralisee/partenariats/" + id + "/modifier").with(user(stranger))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> partnerships.update(id, 0, podor("Autre"), stranger)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> partnerships.delete(id, stranger)).isInstanceOf(AccessDeniedException.class);

        // staff edit through the form; the editor's stale version is then refused
        int version = partnerships.find(id, Locale.FRENCH).orElseThrow().version();
        mvc.perform(form(post("/cooperation-decentralisee/partenariats/" + id + "/modifier"), lyon, "Beyrouth (Liban) " + m, "LB",
                        "2019-04-01", "2027-03-31", "version", String.valueOf(version), "status", "DORMANT").with(user(staff)))
                .andExpect(status().is3xxRedirection());
        PartnershipDetails changed = partnerships.find(id, Locale.FRENCH).orElseThrow();
        assertThat(changed.partner().name()).isEqualTo("Beyrouth (Liban) " + m);
        assertThat(changed.status().label()).isEqualTo("En sommeil");
        assertThat(changed.partner().country().label()).isEqualTo("Liban");
        assertThatThrownBy(() -> partnerships.update(id, version, podor("Trop tard"), editor))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.getMessage()).isEqualTo("projects.coop.error.concurrent"));
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'projects.partnership.update' and target_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // deleting needs the confirmation box
        mvc.perform(post("/cooperation-decentralisee/partenariats/" + id + "/supprimer").with(csrf()).with(user(editor)))
                .andExpect(status().is3xxRedirection());
        assertThat(partnerships.find(id, Locale.FRENCH)).isPresent();
        mvc.perform(post("/cooperation-decentralisee/partenariats/" + id + "/supprimer").param("confirm", "oui").with(csrf()).with(user(editor)))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/acteurs/" + slug + "#cooperation"));
        assertThat(partnerships.find(id, Locale.FRENCH)).isEmpty();
        mvc.perform(get("/cooperation-decentralisee/partenariats/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void theReadFacadeFiltersByCountryThemeDepartementAndStatusWithCounts() {
        String m = marker();
        TestPerson editor = TestStructures.member("Denis");
        long nantes = TestStructures.localAuthority(directory, editor, "Ville de Nantes " + m, "44000", "Nantes");
        long rennes = TestStructures.localAuthority(directory, editor, "Ville de Rennes " + m, "35000", "Rennes");
        partnerships.create(nantes, podor("Podor " + m), editor);
        PartnershipData sevilla = new PartnershipData("COMMUNE", "Ayuntamiento de Sevilla " + m, "MUNICIPALITY", "ES", "Andalousie",
                null, null, null, "ENDED", List.of("culture-patrimoine"), List.of(), null, null, null);
        partnerships.create(rennes, sevilla, editor);

        SearchResult<PartnershipSummary> all = partnerships.search(PartnershipQuery.empty().withText(m), Locale.FRENCH);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(p -> p.authority().name()).containsExactly("Ville de Nantes " + m, "Ville de Rennes " + m);
        assertThat(all.facet("status").orElseThrow().values()).extracting(v -> v.label() + " " + v.count())
                .containsExactly("Active 1", "Terminée 1");

        SearchResult<PartnershipSummary> senegal = partnerships.search(PartnershipQuery.of("SN", null, null).withText(m), Locale.FRENCH);
        assertThat(senegal.items()).extracting(p -> p.partner().name()).containsExactly("Podor " + m);
        // a filter's own counts ignore its selection: Spain is still offered
        assertThat(senegal.facet("country").orElseThrow().values()).extracting(v -> v.code() + (v.selected() ? "*" : "") + v.count())
                .containsExactly("ES1", "SN*1");
        assertThat(partnerships.search(PartnershipQuery.of(null, "culture-patrimoine", "35").withText(m), Locale.ENGLISH).items())
                .extracting(p -> p.partner().country().label() + " / " + p.status().label()).containsExactly("Spain / Ended");
        assertThat(partnerships.search(PartnershipQuery.of("SN", "culture-patrimoine", null).withText(m), Locale.FRENCH).total()).isZero();
        assertThat(partnerships.figures(PartnershipQuery.empty().withText(m))).isEqualTo(new PartnershipFigures(2, 2, 2));

        // a local authority that is not published any more drops out of the public views
        TestPerson staff = TestStructures.staff("Équipe");
        directory.requestChanges(rennes, "Précisez l’adresse", staff);
        assertThat(partnerships.search(PartnershipQuery.empty().withText(m), Locale.FRENCH).total()).isEqualTo(1);
    }

    @Test
    void aMergedDuplicateKeepsItsPartnershipsOnTheStructureKept() {
        String m = marker();
        TestPerson editor = TestStructures.member("Fanny");
        long kept = TestStructures.localAuthority(directory, editor, "Commune de Talence " + m, "33400", "Talence");
        long removed = TestStructures.localAuthority(directory, editor, "Mairie de Talence " + m, "33400", "Talence");
        long id = partnerships.create(removed, podor("Podor " + m), editor);
        directory.merge(removed, kept, TestStructures.staff("Équipe"));
        assertThat(partnerships.find(id, Locale.FRENCH).orElseThrow().authority().id()).isEqualTo(kept);
        assertThat(partnerships.ofOrganisation(kept, Locale.FRENCH)).extracting(PartnershipSummary::id).containsExactly(id);
        assertThat(OrganisationsMerged.class).isNotNull();
    }
}
