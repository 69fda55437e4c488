package fr.maillage.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.maillage.directory.Directory;
import fr.maillage.projects.PartnershipData;
import fr.maillage.projects.Partnerships;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.Projects;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Qui fait quoi, où" in Chromium: a visitor picks a country and a theme, sees the structures,
 * projects and partnerships there on one page with the map, follows a link, and downloads the
 * export. Checked with axe-core and photographed at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class WhoDoesWhatE2ETests {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Projects projects;

    @Autowired
    Partnerships partnerships;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aVisitorSeesWhoDoesWhatInACountryOnATheme(Page page) {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        String suffix = Long.toString(System.nanoTime(), 36);
        TestPerson editor = TestStructures.member("Ibrahim " + suffix);
        String association = "Santé Mopti " + suffix;
        long org = TestStructures.published(directory, editor, association, "association", "87000", "Limoges",
                List.of("ML"), List.of("sante"));
        String title = "Maternité de Sévaré " + suffix;
        projects.create(org, new ProjectData(title, "Une maternité rénovée et des sages-femmes formées.", null, "2",
                LocalDate.of(2024, 9, 1), LocalDate.of(2027, 6, 30), null, null,
                List.of(new ProjectData.Place("ML", "Sévaré", 14.53, -4.10)), List.of("sante"), List.of("3"), null, null, null,
                "EUR", null, null, null, null), true, editor);
        TestPerson mayor = TestStructures.member("Maire " + suffix);
        long town = TestStructures.localAuthority(directory, mayor, "Ville d'Angoulême " + suffix, "16000", "Angoulême");
        partnerships.create(town, new PartnershipData("COMMUNE", "Commune de Ségou " + suffix, "MUNICIPALITY", "ML", "Ségou",
                LocalDate.of(2012, 3, 1), LocalDate.of(2012, 3, 1), null, "ACTIVE", List.of("sante"), List.of(), null, null, null), mayor);

        page.navigate(url("/qui-fait-quoi"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Qui fait quoi, où").setLevel(1))).isVisible();
        BrowserSupport.assertNoSeriousA11yViolations(page);
        page.getByLabel("Pays").selectOption("ML");
        page.getByLabel("Thème").selectOption("sante");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/qui-fait-quoi\\?country=ML&theme=sante$"));
        assertThat(page.locator("h1")).containsText("Mali · Santé");
        assertThat(page.locator("#structures")).containsText(association);
        assertThat(page.locator("#projets")).containsText(title);
        assertThat(page.locator("#partenariats")).containsText("Commune de Ségou " + suffix);
        assertThat(page.locator("#map-world .leaflet-interactive").first()).isAttached();
        BrowserSupport.assertNoSeriousA11yViolations(page);
        BrowserSupport.screenshot(page, "where-desktop");
        page.setViewportSize(360, 800);
        BrowserSupport.screenshot(page, "where-phone");
        page.setViewportSize(1280, 900);

        Download download = page.waitForDownload(() -> page.getByText("Exporter (CSV)").click());
        assertThat(download.suggestedFilename()).startsWith("qui-fait-quoi-ml-sante-").endsWith(".csv");

        page.locator("#projets").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(title)).click();
        assertThat(page.locator("h1")).containsText(title);
    }
}
