package fr.maillage.projects;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.maillage.directory.Directory;
import fr.maillage.e2e.BrowserSupport;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * IATI in Chromium: a visitor downloads a structure's projects from its page and the file
 * validates; the network's team imports a real IATI file through the pages (upload, preview
 * with the organisations found, choice, report), confirms a structure proposed by name, and
 * sees a refused file's errors with their lines. Every page is checked with axe-core and
 * photographed at 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class IatiJourneyE2ETests {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Projects projects;

    @Autowired
    JdbcClient jdbc;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aVisitorDownloadsAStructuresProjectsAsAValidIatiFile(Page page) throws Exception {
        TestPerson editor = TestStructures.member("Awa Export");
        String rna = IatiTestSupport.randomRna();
        long org = IatiTestSupport.structure(directory, editor, "Eau Vive Sahel " + TestStructures.newPersonId(), null, rna);
        projects.create(org, ProjectsIntegrationTests.water("Puits de Podor"), true, editor);
        String slug = directory.ref(org).orElseThrow().slug();

        page.navigate(url("/acteurs/" + slug));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Données ouvertes IATI"))).isVisible();
        assertThat(page.locator("#donnees-iati")).containsText("FR-RNA-" + rna);
        look(page, "iati-fiche-structure");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Télécharger le fichier IATI (XML)")).click());
        assertThat(download.suggestedFilename()).isEqualTo("iati-" + slug + ".xml");
        byte[] xml = Files.readAllBytes(download.path());
        assertThat(IatiTestSupport.schemaErrors(xml)).isEmpty();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("<iati-identifier>FR-RNA-" + rna + "-")
                .contains("Puits de Podor");
    }

    @Test
    void theTeamImportsARealIatiFileThroughThePages(Page page) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        long org = TestStructures.association(directory, TestStructures.member("Hôte"), "Solidarité Mali " + suffix);
        String slug = directory.ref(org).orElseThrow().slug();
        // a structure with the name of one of the file's organisations: proposed to the team
        long expertise = TestStructures.published(directory, TestStructures.member("EF"), "Expertise France", "etat", "75015", "Paris",
                java.util.List.of(), java.util.List.of());
        jdbc.sql("delete from project where iati_identifier = 'FR-6-ML-ML-52'").update();
        jdbc.sql("delete from iati_organisation where name = 'Expertise France'").update();

        login(page);
        page.navigate(url("/projets/iati/import"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Importer des projets depuis un fichier IATI"))).isVisible();
        look(page, "iati-import");

        page.locator("#autreStructure").fill(slug);
        page.locator("#fichier").setInputFiles(sample("fr6-maedi-ml-ebola-activity.xml"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer et vérifier le fichier")).click();

        // the preview: valid file, one new activity, the organisations and what they matched
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Aperçu de l’import"))).isVisible();
        assertThat(page.locator("main")).containsText("Le fichier est conforme au schéma IATI 2.03");
        assertThat(page.locator(".iati-counts dd").first()).hasText("1");
        assertThat(page.locator("main")).containsText("Expertise France");
        assertThat(page.locator("main")).containsText("proposée par son nom, à confirmer par l’équipe");
        assertThat(page.locator("main")).containsText("Structure : Solidarité Mali " + suffix);
        look(page, "iati-apercu");

        page.getByLabel("Publier les nouveaux projets dès l’import").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l’import")).click();

        // progress, then the report (htmx refreshes the status until the end)
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import terminé"))).isVisible();
        assertThat(page.locator(".iati-counts")).containsText("Projets créés");
        assertThat(page.locator(".iati-counts dd").first()).hasText("1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lutte contre la maladie à virus Ebola (MVE)"))).isVisible();
        look(page, "iati-rapport");
        String reportUrl = page.url();
        assertThat(jdbc.sql("select publication from project where iati_identifier = 'FR-6-ML-ML-52'").query(String.class).single())
                .isEqualTo("PUBLISHED");

        // a running import, as its page shows it (set up directly: a run of one activity is over in an instant)
        long running = Long.parseLong(reportUrl.replaceAll(".*/", ""));
        jdbc.sql("update iati_import set status = 'RUNNING', done = 40, activities = 100, heartbeat_at = now() + interval '10 minutes' where id = ?")
                .param(running).update();
        page.navigate(reportUrl);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import en cours"))).isVisible();
        assertThat(page.locator("main")).containsText("40 activité(s) traitée(s) sur 100 (40 %)");
        assertThat(page.locator("#etat-import")).hasAttribute("hx-trigger", "every 2s");
        assertThat(page.locator("progress")).hasAttribute("value", "40");
        look(page, "iati-progression");
        jdbc.sql("update iati_import set status = 'DONE', done = 1, activities = 1, heartbeat_at = now() where id = ?").param(running).update();
        // the page notices the end by itself
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import terminé"))).isVisible();

        // the team confirms the structure proposed by name
        page.navigate(url("/admin/iati/organisations"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Organisations IATI à rapprocher"))).isVisible();
        look(page, "iati-organisations");
        page.locator("tr", new Page.LocatorOptions().setHasText("Expertise France")).first()
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Confirmer")).click();
        assertThat(page.locator(".flash-ok")).containsText("projet(s) importé(s) relié(s) à la structure");
        assertThat(jdbc.sql("""
                select count(*) from project_partner pp join project p on p.id = pp.project_id
                where p.iati_identifier = 'FR-6-ML-ML-52' and pp.organisation_id = ?""").param(expertise).query(Long.class).single())
                .isEqualTo(1);

        // a file that does not follow the schema: its errors with their line, and the lenient choice
        page.navigate(url("/projets/iati/import"));
        page.locator("#structure").selectOption("declarante");
        page.locator("#fichier").setInputFiles(sample("dportal_ebola_activities_4e93a72.xml"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer et vérifier le fichier")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Le fichier ne respecte pas le schéma IATI 2.03"))).isVisible();
        assertThat(page.locator("main")).containsText("548 erreur(s) de schéma");
        assertThat(page.locator("ol.iati-errors li").first()).containsText("Ligne 1, colonne 74");
        assertThat(page.locator("ol.iati-errors li").first()).containsText("L'attribut 'version' doit figurer dans l'élément 'iati-activities'");
        assertThat(page.getByLabel("Importer en mode tolérant malgré les erreurs de schéma", new Page.GetByLabelOptions().setExact(false))).isVisible();
        look(page, "iati-erreurs");
    }

    private Path sample(String name) throws Exception {
        Path file = Files.createTempDirectory("iati-e2e").resolve(name);
        try (var in = IatiTestSupport.resource(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private void login(Page page) {
        page.navigate(url("/connexion"));
        page.locator("input[name='email']").fill(IatiTestSupport.STAFF_EMAIL);
        page.locator("input[name='motDePasse']").fill(IatiTestSupport.STAFF_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion"))).isVisible();
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, name);
    }
}
