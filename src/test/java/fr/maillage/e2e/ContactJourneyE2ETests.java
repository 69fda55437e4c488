package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A member finds structures that work like theirs and gets in touch, in Chromium: the
 * suggestions on a structure's page and in "Mon espace", the contact form (its errors, then
 * the message relayed without showing the recipients' addresses, then the limit on writing
 * again), and the staff list of relayed messages. Each page is checked with axe-core and
 * photographed at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.contact@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class ContactJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/[A-Za-z0-9_\\-]+");
    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aMemberFindsStructuresLikeTheirsAndGetsInTouchWithoutSeeingAnyAddress(Page page) {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        String suffix = Long.toString(System.nanoTime(), 36);
        // a structure in Gironde working in Niger and Tchad on water, managed by someone else
        TestPerson admin = TestStructures.member("Moussa Traoré " + suffix);
        long target = TestStructures.published(directory, admin, "Eau Vive Sahel " + suffix, "association", "33000", "Bordeaux",
                List.of("NE", "TD"), List.of("eau-assainissement"));
        String targetSlug = directory.ref(target).orElseThrow().slug();
        TestStructures.published(directory, TestStructures.member("Claire " + suffix), "Puits du Tchad " + suffix, "association",
                "33600", "Pessac", List.of("NE", "TD"), List.of("eau-assainissement", "sante"));

        // 1. a new member, whose structure works in Niger on water too
        String email = "awa.contact." + suffix + "@example.org";
        signUpAndConfirm(page, "Awa Diop", email);
        long personId = jdbc.sql("select id from person where lower(email) = lower(?)").param(email).query(Long.class).single();
        long mine = TestStructures.published(directory, new TestPerson(personId, email, "Awa Diop", false, false), "Jumelage Zinder " + suffix,
                "association", "33400", "Talence", List.of("NE"), List.of("eau-assainissement"));

        // 2. on the structure's page: "Ils travaillent comme vous", and "Prendre contact"
        page.navigate(url("/acteurs/" + targetSlug));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ils travaillent comme vous"))).isVisible();
        assertThat(page.locator("#suggestions")).containsText("Puits du Tchad " + suffix);
        assertThat(page.locator("#suggestions")).not().containsText("Jumelage Zinder " + suffix);
        look(page, "fiche");

        // 3. "Mon espace" lists the best matches of each of my structures
        page.navigate(url("/mon-espace/suggestions"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pour «\u00a0Jumelage Zinder " + suffix + "\u00a0»"))).isVisible();
        assertThat(page.locator("main")).containsText("Eau Vive Sahel " + suffix);
        assertThat(page.locator("main")).containsText("En commun\u00a0: Niger · Eau, assainissement, hygiène · Gironde (33)");
        look(page, "suggestions");

        // 4. the contact form: it says that the sender's address will be passed on
        page.navigate(url("/acteurs/" + targetSlug));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prendre contact")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Écrire à «\u00a0Eau Vive Sahel " + suffix + "\u00a0»"))).isVisible();
        assertThat(page.locator("#consent")).containsText(email);
        assertThat(page.locator("main")).not().containsText(admin.email());
        look(page, "formulaire");

        // 5. sent empty: errors next to the fields, nothing sent
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le message")).click();
        assertThat(page.locator("#subject-error")).hasText("Indiquez l’objet de votre message.");
        assertThat(page.locator("#body-error")).hasText("Écrivez votre message.");
        assertThat(page.locator("#subject")).hasAttribute("aria-invalid", "true");
        look(page, "formulaire-erreurs");

        // 6. written on behalf of my structure, and sent
        page.locator("#onBehalfOf").selectOption(String.valueOf(mine));
        page.locator("#subject").fill("Rencontre autour de l’eau au Niger");
        page.locator("#body").fill("Bonjour,\nnous menons un projet d’adduction d’eau à Zinder et aimerions échanger avec vous.\nAwa");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le message")).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre message a été transmis aux contacts de «\u00a0Eau Vive Sahel " + suffix + "\u00a0»");
        assertThat(page.locator("body")).not().containsText(admin.email());
        BrowserSupport.screenshot(page, "contact-envoye-bureau");

        String recipient = jdbc.sql("select recipient from mail_outbox where category = 'directory-contact' and reply_to = ?")
                .param(email).query(String.class).single();
        assertThat(recipient).isEqualTo(admin.email());

        // 7. writing again at once: the limit is explained, the text is kept
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prendre contact")).click();
        page.locator("#subject").fill("Une précision");
        page.locator("#body").fill("J’oubliais : nous serons à Bordeaux le mois prochain.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le message")).click();
        assertThat(page.locator(".form-errors")).containsText("Vous avez déjà écrit à cette structure il y a moins de 10 minutes");
        assertThat(page.locator("#body")).hasValue("J’oubliais : nous serons à Bordeaux le mois prochain.");
        look(page, "formulaire-limite");
        logout(page);

        // 8. staff see who wrote to whom, not the text
        login(page, "equipe.contact@example.org", "Equipe-Maillage-2026!");
        page.navigate(url("/admin/structures/messages-relayes"));
        assertThat(page.locator("main")).containsText("Eau Vive Sahel " + suffix);
        assertThat(page.locator("main")).containsText("Jumelage Zinder " + suffix);
        assertThat(page.locator("main")).not().containsText("adduction d’eau");
        look(page, "admin-messages");
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, "contact-" + name);
    }

    private void signUpAndConfirm(Page page, String name, String email) {
        page.navigate(url("/inscription"));
        page.locator("#displayName").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("#privacyAccepted1, input[name='privacyAccepted'][type='checkbox']").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc limit 1")
                .param(email).query(String.class).single();
        Matcher m = CONFIRMATION.matcher(body);
        assertThat(m.find()).as("confirmation link in the e-mail").isTrue();
        page.navigate(url(m.group()));
        login(page, email, PASSWORD);
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
}
