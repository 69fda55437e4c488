package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import fr.maillage.accounts.AccountService;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * A member of a published structure publishes a project in Chromium: from "Mon espace" to the
 * form, adds a row without losing what was typed, sends a photo, gets a clear error for sector
 * shares that do not add up, fixes it, publishes, and reads the project's page (with its map);
 * the structure's page lists it; staff mark it exemplary. The form (empty and with errors), the
 * project page and the staff pages are checked with axe-core, and photographed at 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.projets.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class ProjectJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/([A-Za-z0-9_\\-]+)");
    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    Directory directory;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aMemberPublishesAProjectThroughTheFormAndSeesItsPage(Page page) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String email = "awa.projets." + suffix + "@example.org";
        TestPerson awa = confirmedMember("Awa Diop", email);
        String structure = "Eau Vive Podor " + suffix;
        long org = TestStructures.association(directory, awa, structure);
        String orgSlug = directory.ref(org).orElseThrow().slug();
        String partner = "Ville de Pessac " + suffix;
        TestStructures.localAuthority(directory, TestStructures.member("Élu"), partner, "33600", "Pessac");

        // 1. from "Mon espace", the structure's "Nouveau projet"
        login(page, email, PASSWORD);
        page.navigate(url("/mon-espace"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes projets"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouveau projet de " + structure)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nouveau projet").setLevel(1))).isVisible();
        look(page, "projet-formulaire");

        // 2. the first fields, and a third place through "Ajouter une ligne": what was typed stays
        page.locator("#title").fill("Eau potable pour Podor");
        page.locator("#summary").fill("Des puits et des latrines dans trois villages du département de Podor.");
        page.locator("#description").fill("Avec les comités villageois, **trois forages** et vingt latrines.\n\n- formation des comités\n- suivi de la qualité de l’eau");
        page.locator("#activityStatus").selectOption("2");
        page.locator("#plannedStart").fill("2025-01-06");
        page.locator("#plannedEnd").fill("2027-12-31");
        page.locator("select[name='places[0].countryCode']").selectOption("SN");
        page.locator("input[name='places[0].place']").fill("Podor");
        page.locator("input[name='places[0].latitude']").fill("16,65");
        page.locator("input[name='places[0].longitude']").fill("-14,96");
        page.locator("select[name='places[1].countryCode']").selectOption("SN");
        page.locator("input[name='places[1].place']").fill("Saint-Louis");
        page.locator("input[name='places[1].latitude']").fill("16,03");
        page.locator("input[name='places[1].longitude']").fill("-16,49");
        page.locator("#lieux").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter une ligne aux lieux")).click();
        assertThat(page.locator("#title")).hasValue("Eau potable pour Podor");
        assertThat(page.locator("input[name='places[1].place']")).hasValue("Saint-Louis");
        page.locator("select[name='places[2].countryCode']").selectOption("ML");
        page.locator("input[name='places[2].place']").fill("Kayes");

        page.locator("#theme-eau-assainissement").check();
        page.locator("#sdg-6").check();
        page.locator("select[name='sectors[0].code']").selectOption("14030");
        page.locator("input[name='sectors[0].percentage']").fill("70");
        page.locator("select[name='sectors[1].code']").selectOption("14032");
        page.locator("input[name='sectors[1].percentage']").fill("20");
        page.locator("input[name='partners[0].name']").fill(partner);
        page.locator("select[name='partners[0].role']").selectOption("1");
        page.locator("input[name='partners[1].name']").fill("Commune de Podor");
        page.locator("select[name='partners[1].orgType']").selectOption("11");
        page.locator("select[name='partners[1].countryCode']").selectOption("SN");
        page.locator("select[name='fundings[0].funderKind']").selectOption("AGENCE_EAU");
        page.locator("input[name='fundings[0].funderName']").fill("Agence de l’eau Adour-Garonne");
        page.locator("input[name='fundings[0].amount']").fill("40 000");
        page.locator("input[name='fundings[0].year']").fill("2025");
        page.locator("select[name='fundings[1].funderKind']").selectOption("OWN");
        page.locator("input[name='fundings[1].amount']").fill("12 500");
        page.locator("select[name='links[0].kind']").selectOption("VIDEO");
        page.locator("input[name='links[0].title']").fill("Le film du chantier");
        page.locator("input[name='links[0].url']").fill("https://video.exemple.org/podor");
        page.locator("#photoFiles").setInputFiles(new FilePayload("forage_de_podor.png", "image/png", png()));
        page.locator("#lessonsWorked").fill("Les comités de gestion de l’eau, formés dès le début.");
        page.locator("#lessonsFailed").fill("Le chantier pendant la saison des pluies.");
        page.locator("#lessonsAdvice").fill("Commencer les forages en novembre.");

        // 3. shares that do not add up: the error is next to the sectors, nothing is lost, the photo is kept
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();
        assertThat(page.locator("#sectors-error")).containsText("totalisent 90\u00a0% au lieu de 100\u00a0%");
        assertThat(page.locator(".error-summary")).containsText("Rien n’a été enregistré");
        assertThat(page.locator("#title")).hasValue("Eau potable pour Podor");
        assertThat(page.locator("input[name='places[2].place']")).hasValue("Kayes");
        assertThat(page.locator(".file-thumb")).hasCount(1);
        assertThat(page.locator("#partenaires")).containsText("Reconnu dans l’annuaire");
        look(page, "projet-formulaire-erreurs");

        page.locator("input[name='sectors[1].percentage']").fill("30");
        page.locator("input[name='links[1].title']").fill("Forage de Podor, mars 2025");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();

        // 4. the project's page
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Eau potable pour Podor").setLevel(1))).isVisible();
        assertThat(page.locator(".flash-ok")).containsText("est publié");
        assertThat(page.locator("main")).containsText("janvier 2025 – décembre 2027");
        assertThat(page.locator("main")).containsText(structure);
        assertThat(page.locator("main")).containsText("Kayes");
        assertThat(page.locator("main")).containsText("52\u202f500\u00a0€");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(partner))).isVisible();
        assertThat(page.locator("#project-map.leaflet-container")).isVisible();
        assertThat(page.locator("#project-map path.leaflet-interactive")).hasCount(2);
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Forage de Podor, mars 2025"))).isVisible();
        String ld = page.locator("script[type='application/ld+json']").textContent();
        assertThat(ld).contains("\"@type\":\"Project\"").contains("Eau potable pour Podor");
        look(page, "projet-page");
        String projectUrl = page.url();

        // 5. the structure's page lists it
        page.navigate(url("/acteurs/" + orgSlug));
        assertThat(page.locator("#projets")).containsText("Eau potable pour Podor");
        look(page, "projet-fiche-structure");
        page.navigate(url("/mon-espace"));
        assertThat(page.locator("#mes-projets")).containsText("Publié");
        look(page, "projet-mon-espace");
        logout(page);

        // 6. staff find it and mark it exemplary
        login(page, "equipe.projets.e2e@example.org", "Equipe-Maillage-2026!");
        page.navigate(url("/admin/projets?q=" + suffix.substring(0, 1)));
        page.navigate(url("/admin/projets"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eau potable pour Podor")).first().click();
        look(page, "projet-admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marquer comme exemplaire")).click();
        assertThat(page.locator(".flash-ok")).containsText("exemplaire");
        page.navigate(url("/admin/projets"));
        look(page, "projet-admin-liste");
        page.navigate(projectUrl);
        assertThat(page.locator(".badge-exemplary")).containsText("Projet exemplaire");
    }

    private TestPerson confirmedMember(String name, String email) {
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc limit 1")
                .param(email).query(String.class).single();
        Matcher m = CONFIRMATION.matcher(body);
        assertThat(m.find()).as("confirmation link").isTrue();
        assertThat(accounts.confirmEmail(m.group(1))).isPresent();
        return new TestPerson(id, email, name, false, false);
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, name);
    }

    private void login(Page page, String email, String password) {
        page.navigate(url("/connexion"));
        page.locator("input[name='email']").fill(email);
        page.locator("input[name='motDePasse']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion"))).isVisible();
    }

    private void logout(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xdfe9ee));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new java.awt.Color(0x2e8a7a));
        g.fillRect(0, 300, 640, 180);
        g.setColor(new java.awt.Color(0xb8461b));
        g.fillOval(260, 160, 120, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
