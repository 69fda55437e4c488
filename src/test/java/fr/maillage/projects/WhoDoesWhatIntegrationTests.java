package fr.maillage.projects;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Qui fait quoi, où": structures, projects and partnerships of a country and a theme on one page, in the API and in exports. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoDoesWhatIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    Projects projects;

    @Autowired
    Partnerships partnerships;

    String marker;
    String association;
    String town;
    String projectTitle;

    @BeforeAll
    void data() {
        marker = "Zqw" + Long.toString(TestStructures.newPersonId(), 36);
        TestPerson editor = TestStructures.member("Awa");
        association = "Puits du Fleuve " + marker;
        // a country where no other test acts, so that the counts are ours
        long org = TestStructures.published(directory, editor, association, "association", "33000", "Bordeaux",
                List.of("KM"), List.of("eau-assainissement"));
        projectTitle = "Citernes de Moroni " + marker;
        ProjectData water = ProjectsIntegrationTests.water(projectTitle);
        ProjectData inComoros = new ProjectData(water.title(), water.summary(), water.description(), water.activityStatus(),
                water.plannedStart(), water.plannedEnd(), water.actualStart(), water.actualEnd(),
                List.of(new ProjectData.Place("KM", "Moroni", -11.70, 43.25)), water.themes(), water.sdgs(), water.sectors(),
                water.partners(), water.fundings(), water.budgetCurrency(), water.links(), null, null, null);
        projects.create(org, inComoros, true, editor);
        projects.create(org, new ProjectData("Brouillon " + marker, null, null, "1", null, null, null, null,
                List.of(new ProjectData.Place("KM", null, null, null)), List.of("eau-assainissement"), null, null, null, null,
                "EUR", null, null, null, null), false, editor);

        TestPerson mayor = TestStructures.member("Maire");
        town = "Ville de Pessac " + marker;
        long commune = TestStructures.localAuthority(directory, mayor, town, "33600", "Pessac");
        partnerships.create(commune, new PartnershipData("COMMUNE", "Commune de Mutsamudu " + marker, "MUNICIPALITY", "KM", "Anjouan",
                LocalDate.of(2019, 5, 1), LocalDate.of(2019, 6, 1), null, "ACTIVE", List.of("eau-assainissement"), List.of(),
                "Un jumelage", null, null), mayor);
    }

    @Test
    void onePageShowsTheStructuresProjectsAndPartnershipsOfACountryAndATheme() throws Exception {
        String html = mvc.perform(get("/qui-fait-quoi").param("country", "KM").param("theme", "eau-assainissement"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Comores · Eau", association, projectTitle, "Commune de Mutsamudu " + marker)
                .doesNotContain("Brouillon " + marker)
                .contains("/qui-fait-quoi/export.xlsx?country=KM&amp;theme=eau-assainissement")
                .contains("id=\"map-data\"");
    }

    @Test
    void withoutAChoiceThePageAsksForOneAndAnUnknownCodeIsExplained() throws Exception {
        String empty = mvc.perform(get("/qui-fait-quoi")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Choisissez un pays, un thème ou les deux.");
        String unknown = mvc.perform(get("/qui-fait-quoi").param("country", "ZZ")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("Pays inconnu\u00a0: «\u00a0ZZ\u00a0»");
    }

    @Test
    void theApiAnswersTheSameAndRefusesBadParameters() throws Exception {
        mvc.perform(get("/api/v1/who-does-what").param("country", "km").param("theme", "eau-assainissement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country.code").value("KM"))
                .andExpect(jsonPath("$.structures.items[?(@.name == '" + association + "')]").exists())
                .andExpect(jsonPath("$.projects.items[?(@.title == '" + projectTitle + "')]").exists())
                .andExpect(jsonPath("$.partnerships.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/v1/who-does-what")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/who-does-what").param("theme", "pas-un-theme")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("theme inconnu : pas-un-theme"));
        mvc.perform(get("/api/v1/who-does-what").param("country", "KM").param("limit", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void theExportsCarryTheThreeKinds() throws Exception {
        byte[] csv = mvc.perform(get("/qui-fait-quoi/export.csv").param("country", "KM").param("theme", "eau-assainissement"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFType;Nom;Structure porteuse;Pays;Thèmes;Précisions;Adresse\r\n");
        assertThat(text).contains("Structure;" + association + ";", "Projet;" + projectTitle + ";" + association,
                "Partenariat;" + town + " – Commune de Mutsamudu " + marker).doesNotContain("Brouillon " + marker);

        byte[] xlsx = mvc.perform(get("/qui-fait-quoi/export.xlsx").param("country", "KM"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(s -> s.getName()).toList()).containsExactly("Structures", "Projets", "Partenariats");
            List<String> projectsSheet = workbook.getSheets().filter(s -> s.getName().equals("Projets")).findFirst().orElseThrow()
                    .read().stream().map(r -> r.getCellText(0)).toList();
            assertThat(projectsSheet).contains("Nom", projectTitle);
        }
        mvc.perform(get("/qui-fait-quoi/export.csv")).andExpect(status().isBadRequest());
    }
}
