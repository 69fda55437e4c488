package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The whole path of a new user, in Chromium: sign up, confirm the e-mail from the outbox,
 * reference a structure, see the duplicate warning, get approved by staff, find the structure
 * in the directory by a facet and by an accent-free query, export the search. Each page on the
 * way is checked with axe-core at desktop width, and photographed at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class DirectoryJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/[A-Za-z0-9_\\-]+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aNewStructureGoesFromSignUpToTheDirectoryAndItsExport(Page page) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String email = "awa." + suffix + "@example.org";
        String existing = "Les Amis du Sénégal " + suffix;
        String ours = "Amis du Senegal " + suffix;

        // an existing, published structure in Gironde, referenced earlier by someone else
        signUpAndConfirm(page, "Jean Dupont", "jean." + suffix + "@example.org");
        reference(page, existing, "33000", "Bordeaux");
        logout(page);
        approveAsStaff(page, existing);
        logout(page);

        // 1. sign up and confirm the e-mail from the outbox
        page.navigate(url("/"));
        look(page, "accueil");
        signUpAndConfirm(page, "Awa Diop", email);

        // 2. reference a structure whose name looks like the existing one: the duplicate warning shows
        page.navigate(url("/se-referencer"));
        look(page, "se-referencer");
        fillStructure(page, ours, "33600", "Pessac");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma demande de référencement")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cette structure existe peut-être déjà"))).isVisible();
        assertThat(page.locator("main")).containsText(existing);
        BrowserSupport.screenshot(page, "parcours-doublon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("C’est bien une autre structure, continuer")).click();
        assertThat(page.locator("main")).containsText("En attente de validation");
        logout(page);

        // 3. staff approve it from the moderation queue
        approveAsStaff(page, ours);
        logout(page);

        // 4. the public finds it by a facet (within this run's structures: the shared test database
        // holds hundreds of Gironde water structures made by other test classes)...
        page.navigate(url("/annuaire"));
        look(page, "annuaire");
        page.navigate(url("/annuaire?q=" + suffix));
        page.locator("#facet-departement input[value='33'], input[name='departement'][value='33']").first().check();
        page.waitForURL(u -> u.contains("departement=33"));
        page.locator("input[name='theme'][value='eau-assainissement']").first().check();
        page.waitForURL(u -> u.contains("theme=eau-assainissement"));
        assertThat(page.locator("#resultats")).containsText(ours);
        assertThat(page.locator("#resultats")).containsText(existing);

        // ... and by an accent-free, lower-case query
        page.navigate(url("/annuaire?q=" + java.net.URLEncoder.encode("amis du senegal " + suffix, StandardCharsets.UTF_8)));
        assertThat(page.locator("#resultats")).containsText(ours);
        assertThat(page.locator("#resultats")).containsText(existing);

        // 5. export the search as CSV: it opens in a French Excel (BOM, semicolons) and holds both
        page.locator("details.export summary").click();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Exporter en CSV")).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains(";").contains(ours).contains(existing);

        // 6. the structure's own page, and the map of the same search
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ours).setExact(true)).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(ours).setLevel(1))).isVisible();
        assertThat(page.locator("main")).containsText("Sénégal");
        look(page, "fiche-structure");
        page.navigate(url("/annuaire?vue=carte&theme=eau-assainissement"));
        assertThat(page.locator(".leaflet-container").first()).isVisible();
        look(page, "carte");
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, "parcours-" + name);
    }

    private void signUpAndConfirm(Page page, String name, String email) {
        page.navigate(url("/inscription"));
        page.locator("#displayName").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill("Un-mot-de-passe-solide-2026");
        page.locator("#privacyAccepted1, input[name='privacyAccepted'][type='checkbox']").first().check();
        if (name.startsWith("Awa")) {
            look(page, "inscription");
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc limit 1")
                .param(email).query(String.class).single();
        Matcher m = CONFIRMATION.matcher(body);
        assertThat(m.find()).as("confirmation link in the e-mail").isTrue();
        page.navigate(url(m.group()));
        login(page, email, "Un-mot-de-passe-solide-2026");
    }

    private void login(Page page, String email, String password) {
        if (!page.url().contains("/connexion")) {
            page.navigate(url("/connexion"));
        }
        page.locator("input[name='email']").fill(email);
        page.locator("input[name='motDePasse']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion"))).isVisible();
    }

    private void logout(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
    }

    private void fillStructure(Page page, String name, String postalCode, String city) {
        page.locator("#name").fill(name);
        page.locator("#structureType").selectOption("association");
        page.locator("#postalCode").fill(postalCode);
        page.locator("#city").fill(city);
        page.locator("input[name='themes'][value='eau-assainissement']").check();
        page.locator("select[name='countries[0].code']").selectOption("SN");
        page.locator("#description").fill("Accès à l'**eau potable** dans la région de Saint-Louis.");
    }

    private void reference(Page page, String name, String postalCode, String city) {
        page.navigate(url("/se-referencer"));
        fillStructure(page, name, postalCode, city);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma demande de référencement")).click();
        var distinct = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("C’est bien une autre structure, continuer"));
        if (distinct.count() > 0) {
            distinct.click();
        }
        assertThat(page.locator("main")).containsText("En attente de validation");
    }

    private void approveAsStaff(Page page, String name) {
        login(page, "equipe.e2e@example.org", "Equipe-Maillage-2026!");
        page.navigate(url("/admin/moderation"));
        if (name.startsWith("Amis")) {
            look(page, "moderation");
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier la structure")).click();
        assertThat(page.locator("body")).containsText("Publiée");
    }
}
