package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.directory.Directory;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.Projects;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Finding projects in Chromium: a visitor comes from the directory's card of a structure to
 * its projects, searches all projects by a word, narrows down by a facet (the results change
 * in place and the address can be shared), opens the map and its tables. Each page is checked
 * with axe-core and photographed at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class ProjectSearchE2ETests {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Projects projects;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static ProjectData project(String title, String country, String place, String theme, String sector, String funder, String status,
            LocalDate start, LocalDate end) {
        return new ProjectData(title, "Avec les habitants de " + place, "Un projet **concret** à " + place + ".", status,
                start, end, null, null, List.of(new ProjectData.Place(country, place, null, null)), List.of(theme), List.of(),
                List.of(new ProjectData.Sector("1", sector, new BigDecimal("100"))),
                List.of(new ProjectData.Partner(null, "Commune de " + place, null, "11", country, "4")),
                List.of(new ProjectData.Funding(funder, null, null, new BigDecimal("25000"), "EUR", start.getYear())),
                "EUR", List.of(), null, null, null);
    }

    @Test
    void aVisitorFindsProjectsByAWordAFacetAndOnTheMap(Page page) {
        String m = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        TestPerson editor = TestStructures.member("Awa Diallo");
        long senegal = TestStructures.association(directory, editor, "Eau Vive Podor " + m);
        long mali = TestStructures.published(directory, editor, "Santé Kayes " + m, "collectivite", "64100", "Bayonne",
                List.of("ML"), List.of("sante"));
        projects.create(senegal, project("Forages de Podor " + m, "SN", "Podor", "eau-assainissement", "14030", "AGENCE_EAU", "2",
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30)), true, editor);
        projects.create(senegal, project("Latrines de Matam " + m, "SN", "Matam", "eau-assainissement", "14032", "REGION", "4",
                LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)), true, editor);
        projects.create(mali, project("Maternité de Kayes " + m, "ML", "Kayes", "sante", "12220", "MEAE", "2",
                LocalDate.of(2024, 9, 1), LocalDate.of(2026, 8, 31)), true, editor);

        // 1. from a structure's card in the directory to its projects
        page.navigate(url("/annuaire?q=" + m + "&projects=true"));
        assertThat(page.locator("main")).containsText("Eau Vive Podor " + m);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2 projets publiés")).click();
        page.waitForURL(u -> u.contains("/projets?organisation="));
        assertThat(page.locator(".result-count")).containsText("2 projets");
        assertThat(page.locator("main")).containsText("Forages de Podor " + m);
        look(page, "projets-structure");

        // 2. all projects, by a word
        page.navigate(url("/projets"));
        page.getByLabel("Rechercher un projet").fill(m);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        page.waitForURL(u -> u.contains("q=" + m));
        assertThat(page.locator(".result-count")).containsText("3 projets");
        look(page, "projets");

        // 3. a facet narrows down in place (htmx), the address follows
        page.locator("input[name='country'][value='SN']").check();
        page.waitForURL(u -> u.contains("country=SN"));
        assertThat(page.locator(".result-count")).containsText("2 projets");
        assertThat(page.locator("main")).not().containsText("Maternité de Kayes");
        page.locator("input[name='year'][value='2026']").check();
        page.waitForURL(u -> u.contains("year=2026"));
        assertThat(page.locator(".result-count")).containsText("1 projet");
        assertThat(page.locator(".project-card")).hasCount(1);
        assertThat(page.locator(".project-card")).containsText("Forages de Podor " + m);
        assertThat(page.locator(".project-card")).containsText("Porté par Eau Vive Podor " + m);
        assertThat(page.locator(".project-card")).containsText("25 000 €");
        look(page, "projets-filtres");
        // the shared address gives the same page
        String shared = page.url();
        page.navigate(shared);
        assertThat(page.locator(".result-count")).containsText("1 projet");
        // removing a filter from the active ones
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retirer le filtre 2026")).click();
        page.waitForURL(u -> !u.contains("year=2026"));
        assertThat(page.locator(".result-count")).containsText("2 projets");

        // 4. the map of the same search, with its tables
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir sur la carte")).click();
        page.waitForURL(u -> u.contains("vue=carte") && u.contains("country=SN"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Carte des projets"))).isVisible();
        // the shapes are drawn (France's départements, the world's countries)
        page.locator("#map-france path").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("#map-world path").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#map-france path").count()).isGreaterThan(90);
        assertThat(page.locator("#map-world path").count()).isGreaterThan(150);
        assertThat(page.locator("table").first()).containsText("Gironde (33)");
        assertThat(page.locator("table").nth(1)).containsText("Sénégal");
        look(page, "projets-carte");
        // clicking a département of the table filters the map
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gironde (33)")).click();
        page.waitForURL(u -> u.contains("departement=33"));
        assertThat(page.locator(".result-count")).containsText("2 projets");
        assertThat(page.url()).contains("vue=carte");
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, name);
    }
}
