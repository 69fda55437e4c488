package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.directory.Directory;
import fr.maillage.projects.Eapd;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.Projects;
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
 * Decentralised cooperation in Chromium: a local authority's editor records a partnership
 * (after a first try with the dates the wrong way round), finds it in the Atlas view and on
 * its map, fills the authority's e-APD worksheet prefilled from its project and exports it;
 * staff set the campaign's dates. Every new page is checked with axe-core and photographed at
 * desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.coop@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class CooperationJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/[A-Za-z0-9_\\-]+");
    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Projects projects;

    @Autowired
    Eapd eapd;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anEditorRecordsAPartnershipSeesItOnTheAtlasAndFillsTheEapdWorksheet(Page page) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String email = "elise." + suffix + "@example.org";
        String authority = "Ville de Pessac " + suffix;
        String partner = "Commune de Podor " + suffix;

        // an editor with an account, and her local authority with a water project it funds
        signUpAndConfirm(page, "Élise Martin", email);
        long personId = jdbc.sql("select id from person where lower(email) = lower(?)").param(email).query(Long.class).single();
        TestPerson editor = new TestPerson(personId, email, "Élise Martin", false, false);
        long org = TestStructures.localAuthority(directory, editor, authority, "33600", "Pessac");
        String slug = directory.ref(org).orElseThrow().slug();
        int year = eapd.defaultYear();
        projects.create(org, new ProjectData("Forages de Podor " + suffix, "Eau potable pour trois villages", null, "2",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 12, 31), null, null, List.of(new ProjectData.Place("SN", "Podor", null, null)),
                List.of("eau-assainissement"), List.of("6"), List.of(), List.of(),
                List.of(new ProjectData.Funding("COMMUNE", null, null, new BigDecimal("12000"), "EUR", year),
                        new ProjectData.Funding("AGENCE_EAU", "Agence de l’eau Adour-Garonne", null, new BigDecimal("30000"), "EUR", year)),
                "EUR", List.of(), null, null, null), true, editor);

        // 1. from the authority's page, record a partnership; the dates the wrong way round are caught first
        page.navigate(url("/acteurs/" + slug));
        assertThat(page.locator("#cooperation")).containsText("Coopération décentralisée");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enregistrer un partenariat")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enregistrer un partenariat").setLevel(1))).isVisible();
        page.locator("#partnerName").fill(partner);
        page.locator("#partnerLevel").selectOption("MUNICIPALITY");
        page.locator("#partnerCountry").selectOption("SN");
        page.locator("#partnerRegion").fill("Région de Saint-Louis");
        page.locator("#signedOn").fill("2019-03-12");
        page.locator("#startsOn").fill("2027-04-01");
        page.locator("#endsOn").fill("2019-04-01");
        page.locator("input[name='themes'][value='eau-assainissement']").check();
        page.locator("input[name='themes'][value='gouvernance-locale']").check();
        page.locator("#description").fill("Une coopération **ancienne** autour de l’eau et de la gouvernance locale.");
        page.locator("[id='elected.name']").fill("Claire Dubois");
        page.locator("[id='elected.role']").fill("Adjointe aux relations internationales");
        page.locator("[id='elected.email']").fill("claire.dubois@mairie.example");
        page.locator("[id='officer.name']").fill("Paul Durand");
        page.locator("input[name='projectIds']").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le partenariat")).click();
        assertThat(page.locator("#erreurs")).containsText("La fin de la convention doit venir après son début.");
        assertThat(page.locator("#partnerName")).hasValue(partner);
        look(page, "partenariat-erreurs");
        page.locator("#startsOn").fill("2019-04-01");
        page.locator("#endsOn").fill("2027-03-31");
        look(page, "partenariat-formulaire");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le partenariat")).click();
        assertThat(page.locator(".flash-ok")).containsText("Le partenariat avec " + partner + " est enregistré.");
        assertThat(page.locator("h1")).containsText(partner);
        assertThat(page.locator("main")).containsText("Forages de Podor " + suffix);
        assertThat(page.locator("main")).containsText("mardi 12 mars 2019");
        assertThat(page.locator("main")).not().containsText("claire.dubois@mairie.example");
        look(page, "partenariat");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(authority).setExact(true)).first().click();
        assertThat(page.locator("#cooperation")).containsText(partner);
        look(page, "fiche-collectivite");

        // 2. the Atlas view lists it; a filter narrows the list without reloading; the map shows Senegal and the Gironde
        page.navigate(url("/cooperation-decentralisee?q=" + suffix));
        assertThat(page.locator("#resultats")).containsText(partner);
        assertThat(page.locator(".result-count")).containsText("1 partenariat");
        page.locator("input[name='country'][value='SN']").check();
        page.waitForURL(u -> u.contains("country=SN"));
        assertThat(page.locator("#resultats")).containsText(partner);
        look(page, "atlas");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir sur la carte")).click();
        page.waitForURL(u -> u.contains("vue=carte"));
        assertThat(page.locator("#map-world.leaflet-container")).isVisible();
        assertThat(page.locator("#map-france.leaflet-container")).isVisible();
        assertThat(page.locator("#map-world path.leaflet-interactive").first()).isAttached();
        assertThat(page.locator("#table-countries")).containsText("Sénégal");
        assertThat(page.locator("#table-departements")).containsText("Gironde (33)");
        look(page, "atlas-carte");
        // the export of the same search
        page.navigate(url("/cooperation-decentralisee?q=" + suffix));
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en CSV")).first().click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFIdentifiant;Collectivité française;").contains(authority).contains(partner)
                .contains("Sénégal").doesNotContain("claire.dubois@mairie.example");

        // 3. the e-APD worksheet, prefilled from the project: the commune's 12 000 € in the "1 % eau" line
        page.navigate(url("/acteurs/" + slug));
        page.locator("#cooperation a[href*='/apd/']").click();
        page.waitForURL(u -> u.contains("/apd/" + year));
        assertThat(page.locator("h1")).containsText("Aide publique au développement " + year);
        assertThat(page.locator("#lines-1-amount")).hasValue("12000");
        assertThat(page.locator("#eapd-total")).containsText("12");
        look(page, "eapd");
        page.locator("#lines-5-amount").fill("2 000");
        page.locator("#lines-5-comment").fill("Contribution au PNUD");
        assertThat(page.locator("#eapd-total")).containsText("14");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le tableau")).click();
        assertThat(page.locator(".flash-ok")).containsText("est enregistré");
        assertThat(page.locator(".eapd-state")).containsText("par Élise Martin");
        assertThat(page.locator("#lines-5-amount")).hasValue("2000");
        Download sheet = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en CSV")).click());
        assertThat(Files.readString(sheet.path(), StandardCharsets.UTF_8)).contains("Contribution au PNUD").contains("\"14000,00\"");
        logout(page);

        // 4. staff set the campaign's dates and see the worksheet filled
        login(page, "equipe.coop@example.org", "Equipe-Maillage-2026!");
        page.navigate(url("/admin/apd"));
        page.locator("#opensOn").fill((year + 1) + "-04-15");
        page.locator("#closesOn").fill((year + 1) + "-05-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les dates")).click();
        assertThat(page.locator(".flash-ok")).containsText("Les dates de la campagne " + (year + 1) + " sont enregistrées.");
        assertThat(page.locator("main")).containsText(authority);
        assertThat(page.locator("main")).containsText("Rempli");
        look(page, "admin-apd");
        page.navigate(url("/cooperation-decentralisee/partenariats/" + partnershipId(partner)));
        assertThat(page.locator("main")).containsText("claire.dubois@mairie.example");
    }

    private long partnershipId(String partner) {
        return jdbc.sql("select id from partnership where partner_name = ?").param(partner).query(Long.class).single();
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, "cooperation-" + name);
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
