package fr.maillage.projects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import fr.maillage.accounts.AccountService;
import fr.maillage.directory.Directory;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.Projects;
import fr.maillage.projects.Publication;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project pages as a person uses them: the form with its rows (without JavaScript), every
 * kind of bad input refused next to its field with nothing saved, who may see and edit what,
 * the staff's moderation, and what a visitor reads on a project's page (with its JSON-LD).
 */
@SpringBootTest
@ActiveProfiles("test")
class ProjectPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    MockMvc mvc;

    TestPerson editor;
    long org;
    String orgSlug;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        editor = TestStructures.member("Awa Éditrice");
        org = TestStructures.association(directory, editor, "Puits du Fleuve " + TestStructures.newPersonId());
        orgSlug = directory.ref(org).orElseThrow().slug();
    }

    // ------------------------------------------------------------------ the form

    @Test
    void anEditorAddsRowsWithoutJavaScriptThenPublishesAProjectWithPhotosAndDocuments() throws Exception {
        String partnerName = "Commune Partenaire " + TestStructures.newPersonId();
        long partnerOrg = TestStructures.localAuthority(directory, TestStructures.member("Élu"), partnerName, "33600", "Pessac");

        String page = mvc.perform(get("/projets/nouveau").param("structure", orgSlug).with(user(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Nouveau projet").contains("Structure porteuse").contains("Ajouter une ligne")
                .contains("name=\"places[1].countryCode\"").doesNotContain("name=\"places[2].countryCode\"")
                .contains("Enregistrer le brouillon").contains("Publier")
                .contains("<datalist id=\"structures-list\">").contains(partnerName);

        // "Ajouter une ligne" for the places: the form comes back with what was typed and one more row
        String more = mvc.perform(form(valid("Eau pour Podor"), orgSlug).param("addRow", "places"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(more).contains("value=\"Eau pour Podor\"").contains("value=\"Podor\"")
                .contains("name=\"places[3].countryCode\"").doesNotContain("class=\"field-error\"");
        assertThat(projects.ofOrganisation(org, true)).isEmpty();

        byte[] png = png();
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String location = mvc.perform(form(with(valid("Eau pour Podor"), "places[2].countryCode", "ML", "places[2].place", "Kayes",
                                "partners[0].name", partnerName, "partners[0].role", "1"), orgSlug)
                        .file(new MockMultipartFile("photoFiles", "forage_de_podor.png", "image/png", png))
                        .file(new MockMultipartFile("documentFiles", "rapport-2025.pdf", "application/pdf", pdf))
                        .param("publish", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/projets/eau-pour-podor*"))
                .andReturn().getResponse().getRedirectedUrl();

        ProjectDetails p = projects.find(location.substring("/projets/".length())).orElseThrow();
        ProjectData d = p.data();
        assertThat(p.publication()).isEqualTo(Publication.PUBLISHED);
        assertThat(p.organisationId()).isEqualTo(org);
        assertThat(d.plannedStart()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(d.places()).extracting(ProjectData.Place::countryCode).containsExactly("SN", "SN", "ML");
        assertThat(d.places().get(0).latitude()).isEqualTo(16.65);
        assertThat(d.places().get(0).longitude()).isEqualTo(-14.96);
        assertThat(d.sectors()).extracting(s -> s.code() + ":" + s.percentage().stripTrailingZeros().toPlainString())
                .containsExactly("14030:70", "14032:29.5", "14081:0.5");
        assertThat(d.partners()).hasSize(2);
        assertThat(d.partners().get(0).organisationId()).as("a structure of the directory, by its name").isEqualTo(partnerOrg);
        assertThat(d.partners().get(0).role()).isEqualTo("1");
        assertThat(d.partners().get(1).name()).isEqualTo("Commune de Podor");
        assertThat(d.partners().get(1).orgType()).isEqualTo("11");
        assertThat(p.totalBudget()).isEqualByComparingTo("50000.50");
        assertThat(d.links()).extracting(ProjectData.Link::kind).containsExactly("VIDEO", "PHOTO", "DOCUMENT");
        ProjectData.Link photo = d.links().get(1);
        assertThat(photo.fileKey()).endsWith(".png");
        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.title()).isEqualTo("Forage de podor");
        assertThat(d.links().get(2).mediaType()).isEqualTo("application/pdf");
        assertThat(d.lessonsWorked()).isEqualTo("Les comités de gestion de l’eau.");

        // the edit form shows it all back, and saving it unchanged keeps it
        String edit = mvc.perform(get("/projets/{slug}/modifier", p.slug()).with(user(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("value=\"" + partnerName + "\"").contains("Reconnu dans l’annuaire")
                .contains("value=\"16.65\"").contains("value=\"40000.5\"").contains("/fichiers/" + photo.fileKey())
                .contains("Enregistrer et repasser en brouillon");
    }

    @Test
    void aLargeDirectorySuggestsPartnersAsOneTypesInsteadOfListingThemAll() throws Exception {
        int before = ProjectFormController.partnerListMax;
        try {
            ProjectFormController.partnerListMax = Integer.MAX_VALUE;
            String small = mvc.perform(get("/projets/nouveau").param("structure", orgSlug).with(user(editor)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(small).contains("<datalist id=\"structures-list\">\n        <option").doesNotContain("data-suggest=");
            ProjectFormController.partnerListMax = 0;
            String large = mvc.perform(get("/projets/nouveau").param("structure", orgSlug).with(user(editor)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(large).contains("data-suggest=\"/api/v1/organisations\"").doesNotContain("<datalist id=\"structures-list\">\n        <option");
        } finally {
            ProjectFormController.partnerListMax = before;
        }
    }

    @Test
    void datesInTheWrongOrderAreShownNextToTheFieldAndNothingIsSaved() throws Exception {
        String html = refused(form(with(valid("Dates à l’envers"), "plannedStart", "2026-06-01", "plannedEnd", "2025-06-01"), orgSlug));
        assertThat(html).contains("id=\"plannedEnd-error\"").contains("La date de fin précède la date de début.")
                .contains("value=\"2026-06-01\"");
    }

    @Test
    void sectorSharesNotSummingTo100AreRefused() throws Exception {
        String html = refused(form(with(valid("Parts fausses"), "sectors[1].percentage", "20"), orgSlug));
        assertThat(html).contains("id=\"sectors-error\"").contains("totalisent 90,5\u00a0% au lieu de 100\u00a0%");
        String english = mvc.perform(form(with(valid("Wrong shares"), "sectors[1].percentage", "20"), orgSlug).param("publish", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("The sectors’ shares add up to 90.5% instead of 100%.").contains("Nothing was saved.");
        assertThat(projects.ofOrganisation(org, true)).isEmpty();
    }

    @Test
    void anUnknownCountryCodeIsRefused() throws Exception {
        String html = refused(form(with(valid("Pays inconnu"), "places[1].countryCode", "XX"), orgSlug));
        assertThat(html).contains("id=\"places1.countryCode-error\"").contains("Pays inconnu\u00a0: «\u00a0XX\u00a0»");
    }

    @Test
    void unreadableNumbersAndDatesAreRefusedAsTyped() throws Exception {
        String html = refused(form(with(valid("Nombres"), "fundings[0].amount", "beaucoup", "actualStart", "32/13/2025"), orgSlug));
        assertThat(html).contains("id=\"fundings0.amount-error\"").contains("Nombre invalide").contains("value=\"beaucoup\"")
                .contains("id=\"actualStart-error\"").contains("Date invalide");
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefused() throws Exception {
        String html = refused(form(valid("Fausse photo"), orgSlug)
                .file(new MockMultipartFile("photoFiles", "vacances.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes())));
        assertThat(html).contains("id=\"photoFiles-error\"").contains("«\u00a0vacances.jpg\u00a0» n’est pas une photo JPEG, PNG ou WebP.");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefused() throws Exception {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        String html = refused(form(valid("Faux document"), orgSlug)
                .file(new MockMultipartFile("documentFiles", "rapport.pdf", "application/pdf", exe)));
        assertThat(html).contains("id=\"documentFiles-error\"").contains("«\u00a0rapport.pdf\u00a0» n’est pas un document accepté");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        String html = refused(form(valid("Fichier vide"), orgSlug)
                .file(new MockMultipartFile("documentFiles", "vide.pdf", "application/pdf", new byte[0])));
        assertThat(html).contains("Le fichier «\u00a0vide.pdf\u00a0» est vide (0 octet)");
    }

    @Test
    void tooManyRowsInARequestGetAClearAnswerNotAServerError() throws Exception {
        int code = mvc.perform(form(valid("Trop de lignes"), orgSlug).param("places[5000].place", "Loin"))
                .andReturn().getResponse().getStatus();
        assertThat(code).isLessThan(500);
        assertThat(projects.ofOrganisation(org, true)).isEmpty();
    }

    @Test
    void aConcurrentEditIsRefusedWithTheSharedMessage() throws Exception {
        long id = projects.create(org, water("Concurrence"), true, editor);
        ProjectDetails before = projects.find(id).orElseThrow();
        projects.update(id, before.version(), water("Concurrence (modifié ailleurs)"), editor);
        String html = mvc.perform(edit(valid("Concurrence (mon titre)"), before.slug()).param("version", String.valueOf(before.version()))
                        .param("publish", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Quelqu’un a enregistré ce projet pendant que vous le modifiiez").contains("value=\"Concurrence (mon titre)\"");
        assertThat(projects.find(id).orElseThrow().data().title()).isEqualTo("Concurrence (modifié ailleurs)");
    }

    // ------------------------------------------------------------------ who sees and edits what

    @Test
    void strangersCannotWriteAndDraftsAreInvisibleToThePublic() throws Exception {
        TestPerson stranger = TestStructures.member("Intrus");
        long draft = projects.create(org, water("Brouillon secret"), false, editor);
        long published = projects.create(org, water("Projet public"), true, editor);
        String draftSlug = projects.find(draft).orElseThrow().slug();
        String publishedSlug = projects.find(published).orElseThrow().slug();

        mvc.perform(get("/projets/nouveau").param("structure", orgSlug)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/projets/nouveau").param("structure", orgSlug).with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(form(valid("Intrusion"), orgSlug).param("publish", "true").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/projets/{slug}/modifier", publishedSlug).with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(edit(valid("Piraté"), publishedSlug).param("version", "0").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(post("/projets/{slug}/supprimer", publishedSlug).param("confirm", "oui").with(csrf()).with(user(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/projets/{slug}/modifier", draftSlug).with(user(stranger))).andExpect(status().isNotFound());
        assertThat(projects.find(published).orElseThrow().data().title()).isEqualTo("Projet public");
        assertThat(projects.ofOrganisation(org, true)).hasSize(2);

        mvc.perform(get("/projets/{slug}", draftSlug)).andExpect(status().isNotFound());
        mvc.perform(get("/projets/{slug}", draftSlug).with(user(stranger))).andExpect(status().isNotFound());
        String own = mvc.perform(get("/projets/{slug}", draftSlug).with(user(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("Brouillon\u00a0: ce projet n’est visible que par les membres").contains("noindex")
                .contains("/projets/" + draftSlug + "/publier");
        String staffView = mvc.perform(get("/projets/{slug}", draftSlug).with(user(TestStructures.staff("Équipe")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffView).contains("Voir dans l’administration");

        // the structure's page lists the published project for all, and drafts' count and "Nouveau projet" for its editors
        String structurePage = mvc.perform(get("/acteurs/{slug}", orgSlug)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(structurePage).contains("id=\"projets\"").contains("Projet public").doesNotContain("Brouillon secret")
                .doesNotContain("/projets/nouveau");
        String asEditor = mvc.perform(get("/acteurs/{slug}", orgSlug).with(user(editor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(asEditor).contains("/projets/nouveau?structure=" + orgSlug).contains("Un projet non publié");

        // the editor takes the published one back to draft, then deletes it after confirming
        mvc.perform(post("/projets/{slug}/brouillon", publishedSlug).with(csrf()).with(user(editor))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/projets/{slug}", publishedSlug)).andExpect(status().isNotFound());
        mvc.perform(post("/projets/{slug}/supprimer", publishedSlug).with(csrf()).with(user(editor)))
                .andExpect(redirectedUrl("/projets/" + publishedSlug + "/modifier#supprimer"));
        assertThat(projects.find(published)).isPresent();
        mvc.perform(post("/projets/{slug}/supprimer", publishedSlug).param("confirm", "oui").with(csrf()).with(user(editor)))
                .andExpect(redirectedUrl("/mon-espace#mes-projets"));
        assertThat(projects.find(published)).isEmpty();
    }

    @Test
    void mySpaceListsMyStructuresProjectsWithNewProjectLinks() throws Exception {
        String email = "projets." + TestStructures.newPersonId() + "@exemple.test";
        long personId = accounts.signUp(new AccountService.SignUp("Binta Membre", email, "Un-mot-de-passe-solide-2026", true, Locale.FRENCH));
        TestPerson me = new TestPerson(personId, email, "Binta Membre", false, false);
        long mine = TestStructures.association(directory, me, "Ma Structure " + personId);
        String slug = directory.ref(mine).orElseThrow().slug();
        projects.create(mine, water("Mon brouillon de projet"), false, me);

        String html = mvc.perform(get("/mon-espace").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Mes projets").contains("Ma Structure " + personId).contains("Mon brouillon de projet")
                .contains("/projets/nouveau?structure=" + slug).contains(">Brouillon<").contains("/modifier");
        // with a single structure, "Nouveau projet" without a structure goes straight to its form
        mvc.perform(get("/projets/nouveau").with(user(me))).andExpect(redirectedUrl("/projets/nouveau?structure=" + slug));
    }

    // ------------------------------------------------------------------ staff

    @Test
    void staffHideWithAMessageMailedToTheEditorsRestoreAndMarkExemplary() throws Exception {
        TestPerson staff = TestStructures.staff("Équipe Modération");
        long id = projects.create(org, water("Projet à modérer " + org), true, editor);
        String slug = projects.find(id).orElseThrow().slug();

        String list = mvc.perform(get("/admin/projets").param("q", "moderer " + org).with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Projet à modérer " + org).contains("Un projet").contains("/admin/projets/" + id);
        mvc.perform(get("/admin/projets").with(user(editor))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/projets").param("page", "99999999999").param("publication", "NIMPORTE").with(user(staff)))
                .andExpect(status().isOk());

        mvc.perform(post("/admin/projets/{id}/masquer", id).param("message", " ").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(projects.find(id).orElseThrow().publication()).isEqualTo(Publication.PUBLISHED);

        mvc.perform(post("/admin/projets/{id}/masquer", id).param("message", "Les photos montrent des enfants sans accord des parents.")
                        .with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/admin/projets/" + id));
        assertThat(projects.find(id).orElseThrow().publication()).isEqualTo(Publication.HIDDEN);
        String mail = jdbc.sql("select subject || ' | ' || body_text from mail_outbox where lower(recipient) = lower(?) and category = 'projects' order by id desc limit 1")
                .param(editor.email()).query(String.class).single();
        assertThat(mail).contains("Votre projet «\u00a0Projet à modérer " + org + "\u00a0» a été masqué")
                .contains("Les photos montrent des enfants sans accord des parents.").contains("/projets/" + slug);
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'projects.hide' and target_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);

        mvc.perform(get("/projets/{slug}", slug)).andExpect(status().isNotFound());
        String own = mvc.perform(get("/projets/{slug}", slug).with(user(editor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("Masqué par l’équipe du réseau").contains("Les photos montrent des enfants sans accord des parents.");

        mvc.perform(post("/admin/projets/{id}/retablir", id).with(csrf()).with(user(staff))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/projets/{id}/exemplaire", id).param("value", "true").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        ProjectDetails after = projects.find(id).orElseThrow();
        assertThat(after.publication()).isEqualTo(Publication.PUBLISHED);
        assertThat(after.exemplary()).isTrue();
        String pageHtml = mvc.perform(get("/projets/{slug}", slug)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(pageHtml).contains("Projet exemplaire");
        String adminView = mvc.perform(get("/admin/projets/{id}", id).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(adminView).contains("Retirer la mention").contains("Masquer le projet");

        String dashboard = mvc.perform(get("/admin").with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("Projets publiés").contains("/admin/projets");

        mvc.perform(post("/admin/projets/{id}/supprimer", id).param("confirm", "oui").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/admin/projets"));
        assertThat(projects.find(id)).isEmpty();
    }

    // ------------------------------------------------------------------ the page

    @Test
    void aVisitorReadsTheProjectInFrenchWithItsJsonLd() throws Exception {
        String partnerName = "Région Partenaire " + TestStructures.newPersonId();
        long partnerOrg = TestStructures.localAuthority(directory, TestStructures.member("Élue"), partnerName, "33000", "Bordeaux");
        ProjectData w = water("Eau potable à Podor");
        ProjectData data = new ProjectData(w.title(), w.summary(), w.description(), w.activityStatus(), w.plannedStart(), w.plannedEnd(),
                w.actualStart(), w.actualEnd(), w.places(), w.themes(), w.sdgs(), w.sectors(),
                List.of(w.partners().get(0), new ProjectData.Partner(partnerOrg, null, null, null, null, "1")),
                w.fundings(), w.budgetCurrency(), w.links(), w.lessonsWorked(), w.lessonsFailed(), w.lessonsAdvice());
        long id = projects.create(org, data, true, editor);
        ProjectDetails p = projects.find(id).orElseThrow();

        String html = mvc.perform(get("/projets/{slug}", p.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String leadName = directory.ref(org).orElseThrow().name();
        assertThat(html).contains("<h1>Eau potable à Podor</h1>").contains("href=\"/acteurs/" + orgSlug + "\"").contains(leadName)
                .contains("Actif").contains("mars 2025 – décembre 2027").contains("1er janvier 2025")
                .contains("Sénégal").contains("Podor").contains("id=\"project-map-data\"").contains("/js/projects-map.js")
                .contains("Approvisionnement en eau potable et assainissement")
                .contains("70\u202f%").contains("6. ")
                .contains("Commune de Podor").contains("Opérateur").contains("Gouvernement local")
                .contains(partnerName).contains("Financeur")
                .contains("50\u202f000\u00a0€").contains("40\u202f000\u00a0€").contains("Agence de l’eau Adour-Garonne")
                .contains("Capitalisation").contains("Les comités de gestion").contains("Commencer tôt")
                .contains("<meta property=\"og:title\" content=\"Eau potable à Podor\">")
                .contains("aria-current=\"page\"").contains("Fil d’Ariane")
                .doesNotContain("Modifier le projet");

        JsonNode ld = jsonLd(html);
        assertThat(ld.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asString()).isEqualTo("Project");
        assertThat(ld.path("name").asString()).isEqualTo("Eau potable à Podor");
        assertThat(ld.path("url").asString()).endsWith("/projets/" + p.slug());
        assertThat(ld.path("areaServed").get(0).path("identifier").asString()).isEqualTo("SN");
        assertThat(ld.path("location").get(0).path("geo").path("latitude").asDouble()).isEqualTo(16.65);
        assertThat(ld.path("parentOrganization").path("name").asString()).isEqualTo(leadName);
        assertThat(ld.path("funder").toString()).contains("Agence de l’eau Adour-Garonne").contains(partnerName);
        assertThat(ld.path("member").get(0).path("name").asString()).isEqualTo("Commune de Podor");
        assertThat(ld.path("foundingDate").asString()).isEqualTo("2025-03-01");

        String english = mvc.perform(get("/projets/{slug}", p.slug()).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Led by").contains("March 2025 – December 2027").contains("Senegal").contains("Implementer")
                .contains("Lessons learned");
        assertThat(jsonLd(english).path("areaServed").get(0).path("name").asString()).isEqualTo("Senegal");

        String asEditor = mvc.perform(get("/projets/{slug}", p.slug()).with(user(editor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(asEditor).contains("Modifier le projet").contains("Repasser en brouillon");
    }

    @Test
    void anUnknownProjectIsNotFound() throws Exception {
        mvc.perform(get("/projets/{slug}", "nexiste-pas-" + TestStructures.newPersonId())).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------ helpers

    static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    static JsonNode jsonLd(String html) {
        Matcher m = JSON_LD.matcher(html);
        assertThat(m.find()).as("JSON-LD in the page").isTrue();
        return JsonMapper.builder().build().readTree(m.group(1));
    }

    /** The fields of a complete, valid project as the form sends them (two places, three sectors, a partner, two fundings, a link). */
    static String[][] valid(String title) {
        return new String[][] {
                {"title", title}, {"summary", "Des puits et des latrines dans trois villages."},
                {"description", "Un **projet** d’accès à l’eau."}, {"activityStatus", "2"},
                {"plannedStart", "06/01/2025"}, {"plannedEnd", "2027-12-31"}, {"actualStart", ""}, {"actualEnd", ""},
                {"places[0].countryCode", "SN"}, {"places[0].place", "Podor"}, {"places[0].latitude", "16,65"}, {"places[0].longitude", "-14,96"},
                {"places[1].countryCode", "SN"}, {"places[1].place", "Saint-Louis"}, {"places[1].latitude", ""}, {"places[1].longitude", ""},
                {"places[2].countryCode", ""}, {"places[2].place", ""},
                {"themes", "eau-assainissement"}, {"sdgs", "6"}, {"sdgs", "5"},
                {"sectors[0].code", "14030"}, {"sectors[0].percentage", "70"},
                {"sectors[1].code", "14032"}, {"sectors[1].percentage", "29,5"},
                {"sectors[2].code", "14081"}, {"sectors[2].percentage", "0,5"},
                {"partners[0].name", ""}, {"partners[0].role", "4"},
                {"partners[1].name", "Commune de Podor"}, {"partners[1].orgType", "11"}, {"partners[1].countryCode", "SN"}, {"partners[1].role", "4"},
                {"budgetCurrency", "EUR"},
                {"fundings[0].funderKind", "AGENCE_EAU"}, {"fundings[0].funderName", "Agence de l’eau Adour-Garonne"},
                {"fundings[0].amount", "40 000,50"}, {"fundings[0].currency", "EUR"}, {"fundings[0].year", "2025"},
                {"fundings[1].funderKind", "OWN"}, {"fundings[1].amount", "10000"}, {"fundings[1].currency", "EUR"}, {"fundings[1].year", ""},
                {"fundings[2].funderKind", ""}, {"fundings[2].amount", ""}, {"fundings[2].currency", "EUR"},
                {"links[0].kind", "VIDEO"}, {"links[0].title", "Le film du projet"}, {"links[0].url", "https://video.exemple.org/podor"},
                {"links[1].kind", "WEB"}, {"links[1].title", ""}, {"links[1].url", ""},
                {"lessonsWorked", "Les comités de gestion de l’eau."}, {"lessonsFailed", "La saison des pluies."}, {"lessonsAdvice", "Commencer tôt."}};
    }

    /** The fields with some values replaced (name, value, name, value...). */
    static String[][] with(String[][] fields, String... changes) {
        String[][] out = new String[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i].clone();
        }
        java.util.List<String[]> added = new java.util.ArrayList<>(java.util.Arrays.asList(out));
        for (int c = 0; c < changes.length; c += 2) {
            boolean found = false;
            for (String[] f : out) {
                if (f[0].equals(changes[c])) {
                    f[1] = changes[c + 1];
                    found = true;
                }
            }
            if (!found) {
                added.add(new String[] {changes[c], changes[c + 1]});
            }
        }
        return added.toArray(String[][]::new);
    }

    MockMultipartHttpServletRequestBuilder form(String[][] fields, String structure) {
        MockMultipartHttpServletRequestBuilder b = multipart("/projets/nouveau");
        b.param("structure", structure);
        return fill(b, fields);
    }

    MockMultipartHttpServletRequestBuilder edit(String[][] fields, String slug) {
        return fill(multipart("/projets/{slug}/modifier", slug), fields);
    }

    private MockMultipartHttpServletRequestBuilder fill(MockMultipartHttpServletRequestBuilder b, String[][] fields) {
        for (String[] f : fields) {
            b.param(f[0], f[1]);
        }
        b.with(csrf()).with(user(editor));
        return b;
    }

    /** Posts the form to publish: it must come back (200) with its errors, and the structure must still have no project. */
    private String refused(MockMultipartHttpServletRequestBuilder request) throws Exception {
        int before = projects.ofOrganisation(org, true).size();
        String html = mvc.perform(request.param("publish", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("class=\"form-errors error-summary\"").contains("Rien n’a été enregistré");
        assertThat(projects.ofOrganisation(org, true)).hasSize(before);
        return html;
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x2e8a7a);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static ProjectData water(String title) {
        return new ProjectData(title, "Puits et latrines à Podor", "Un **projet** d’eau.", "2",
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2025, 3, 1), null,
                List.of(new ProjectData.Place("SN", "Podor", 16.65, -14.96)),
                List.of("eau-assainissement"), List.of("6"),
                List.of(new ProjectData.Sector("1", "14030", new BigDecimal("70")), new ProjectData.Sector("1", "14032", new BigDecimal("30"))),
                List.of(new ProjectData.Partner(null, "Commune de Podor", null, "11", "SN", "4")),
                List.of(new ProjectData.Funding("AGENCE_EAU", "Agence de l’eau Adour-Garonne", null, new BigDecimal("40000"), "EUR", 2025),
                        new ProjectData.Funding("OWN", null, null, new BigDecimal("10000"), "EUR", 2025)),
                "EUR", List.of(new ProjectData.Link("WEB", "Site", "https://exemple.org/podor", null, null)),
                "Les comités de gestion", "La saison des pluies", "Commencer tôt");
    }
}
