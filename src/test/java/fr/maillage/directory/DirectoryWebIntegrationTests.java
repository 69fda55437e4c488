package fr.maillage.directory;

import static fr.maillage.directory.OrganisationTestData.marker;
import static fr.maillage.directory.OrganisationTestData.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithMockUser
class DirectoryWebIntegrationTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvcWithSecurity() {
        // on this branch every page needs a login: the mock user stands for a visitor
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Autowired
    OrganisationRepository repository;

    @Test
    void directoryPageShowsResultsFacetsAndShareableLinks() throws Exception {
        String m = marker();
        organisation("Musée de l'Homme Solidaire " + m).countries("SN").themes("culture-patrimoine").save(repository);
        String html = mvc.perform(get("/annuaire").param("q", "musee " + m))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<html").contains("Musée de l&#39;Homme Solidaire " + m).contains("1 structure")
                .contains("name=\"country\" value=\"SN\"")
                .contains("hx-get=\"/annuaire\"").contains("hx-target=\"#resultats\"")
                .contains("/annuaire/export.csv");
    }

    @Test
    void htmxRequestGetsOnlyTheResultsFragment() throws Exception {
        String m = marker();
        organisation("Fragment " + m).save(repository);
        String fragment = mvc.perform(get("/annuaire").param("q", m).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").doesNotContain("<header").contains("Fragment " + m).contains("directory-layout");
    }

    @Test
    void emptySearchSaysWhatToDoNext() throws Exception {
        mvc.perform(get("/annuaire").param("q", marker()).param("country", "XX"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Aucune structure ne correspond")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/se-referencer")));
    }

    @Test
    void apiReturnsItemsTotalAndFacets() throws Exception {
        String m = marker();
        organisation("Api Un " + m).countries("SN", "ML").themes("sante").save(repository);
        organisation("Api Deux " + m).countries("ML").themes("ecsi").save(repository);
        mvc.perform(get("/api/v1/organisations").param("q", m).param("country", "SN").param("country", "ML").param("sort", "name"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].name").value("Api Deux " + m))
                .andExpect(jsonPath("$.items[1].countries[0].code").value("SN"))
                .andExpect(jsonPath("$.items[1].countries[0].label").value("Sénégal"))
                .andExpect(jsonPath("$.facets.country[?(@.code=='ML')].count").value(2))
                .andExpect(jsonPath("$.facets.country[?(@.code=='ML')].label").value("Mali"))
                .andExpect(jsonPath("$.facets.theme.length()").value(2));

        mvc.perform(get("/api/v1/organisations").param("q", m).param("theme", "ecsi"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.facets.theme[?(@.code=='sante')].count").value(1));
    }

    @Test
    void apiBadParametersAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("size", "100000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("size")));
        mvc.perform(get("/api/v1/organisations").param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("page")));
        mvc.perform(get("/api/v1/organisations").param("country", "ZZ"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("country=ZZ")));
        mvc.perform(get("/api/v1/organisations").param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/organisations/n-existe-pas-" + marker()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/reference/inconnue"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void apiOrganisationHidesPrivateContacts() throws Exception {
        Organisation o = organisation("Contacts " + marker()).email("prive@example.org", false).phone("05 56 00 00 00", true).save(repository);
        mvc.perform(get("/api/v1/organisations/" + o.slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(o.name))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.phone").value("05 56 00 00 00"));
        Organisation pending = organisation("Pas encore " + marker()).status(OrganisationStatus.PENDING).save(repository);
        mvc.perform(get("/api/v1/organisations/" + pending.slug)).andExpect(status().isNotFound());
    }

    @Test
    void referenceApiListsCodesAndLabels() throws Exception {
        mvc.perform(get("/api/v1/reference/countries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='SN')].label").value("Sénégal"))
                .andExpect(jsonPath("$[?(@.code=='SN')].labelEn").value("Senegal"));
        mvc.perform(get("/api/v1/reference/departements"))
                .andExpect(jsonPath("$[?(@.code=='33')].parent").value("75"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/organisations")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"departement\"")));
    }

    @Test
    void csvExportOpensInAFrenchExcel() throws Exception {
        String m = marker();
        organisation("=HYPERLINK(\"x\") " + m).countries("SN").themes("sante").email("prive@example.org", false).save(repository);
        organisation("Ateliers; \"Bois\" " + m).countries("ML").email("public@example.org", true).save(repository);
        byte[] body = mvc.perform(get("/annuaire/export.csv").param("q", m).param("sort", "name")
                        .param("colonnes", "name").param("colonnes", "countries").param("colonnes", "email"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("Nom;Pays d'intervention (code);Pays d'intervention;Courriel");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("\"'=HYPERLINK(\"\"x\"\") " + m + "\";SN;Sénégal;");
        assertThat(lines[2]).isEqualTo("\"Ateliers; \"\"Bois\"\" " + m + "\";ML;Mali;public@example.org");
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffExportIncludesPrivateContacts() throws Exception {
        String m = marker();
        organisation("Privé " + m).email("prive@example.org", false).save(repository);
        String csv = mvc.perform(get("/annuaire/export.csv").param("q", m).param("colonnes", "name,email"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("prive@example.org");
    }

    @Test
    void xlsxExportIsReadable() throws Exception {
        String m = marker();
        organisation("Tableur " + m).countries("BF").themes("eau-assainissement").save(repository);
        byte[] body = mvc.perform(get("/annuaire/export.xlsx").param("q", m))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getFirstSheet();
            List<Row> rows = sheet.read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Nom");
            List<String> values = rows.get(1).stream().map(c -> c == null ? "" : c.getText()).toList();
            assertThat(values).contains("Tableur " + m, "BF", "Burkina Faso");
        }
    }

    @Test
    void structurePageHasJsonLdOpenGraphAndLinks() throws Exception {
        String m = marker();
        Organisation o = organisation("Amis du Bénin " + m).acronym("ADB").countries("BJ").themes("sante")
                .description("Nous **soignons** à Cotonou. <script>alert(1)</script>")
                .email("cache@example.org", false).save(repository);
        organisation("Voisins du Bénin " + m).countries("BJ").themes("sante").save(repository);
        String html = mvc.perform(get("/acteurs/" + o.slug))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("application/ld+json").contains("\"@type\":\"Organization\"").contains("\"name\":\"Amis du Bénin " + m + "\"")
                .contains("property=\"og:title\"").contains("<strong>soignons</strong>").doesNotContain("<script>alert")
                .contains("href=\"/annuaire?country=BJ\"").contains("href=\"/annuaire?theme=sante\"")
                .contains("Mis à jour le").contains("Voisins du Bénin " + m)
                .doesNotContain("cache@example.org");
    }

    @Test
    void unknownOrUnpublishedStructuresAreNotFoundAndMergedOnesRedirect() throws Exception {
        mvc.perform(get("/acteurs/inconnue-" + marker())).andExpect(status().isNotFound());
        Organisation pending = organisation("Attente " + marker()).status(OrganisationStatus.PENDING).save(repository);
        mvc.perform(get("/acteurs/" + pending.slug)).andExpect(status().isNotFound());
        Organisation target = organisation("Cible " + marker()).save(repository);
        Organisation merged = organisation("Doublon " + marker()).mergedInto(target).save(repository);
        mvc.perform(get("/acteurs/" + merged.slug))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/acteurs/" + target.slug));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffSeePendingStructuresWithABanner() throws Exception {
        Organisation pending = organisation("Attente staff " + marker()).status(OrganisationStatus.PENDING).save(repository);
        mvc.perform(get("/acteurs/" + pending.slug))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("En attente de validation")));
    }

    @Test
    void countryPageGroupsStructuresByTheme() throws Exception {
        String m = marker();
        organisation("Puits de Kayes " + m).countries("ML").themes("eau-assainissement").save(repository);
        String html = mvc.perform(get("/pays/ml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Mali").contains("Eau").contains("Puits de Kayes " + m).contains("/annuaire?country=ML");
        mvc.perform(get("/pays/QQ")).andExpect(status().isNotFound());
    }

    @Test
    void mapJsonCountsByDepartementAndCountry() throws Exception {
        String m = marker();
        organisation("Carte Un " + m).place("Ajaccio", "20000", "2A", "94").countries("SN").save(repository);
        organisation("Carte Deux " + m).place("Ajaccio", "20000", "2A", "94").countries("SN", "HT").save(repository);
        mvc.perform(get("/annuaire/carte.json").param("q", m))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.departements[?(@.code=='2A')].count").value(2))
                .andExpect(jsonPath("$.countries[?(@.code=='SN')].count").value(2))
                .andExpect(jsonPath("$.countries[?(@.code=='SN')].key").value("686"))
                .andExpect(jsonPath("$.countries[?(@.code=='HT')].url").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("country=HT"))));
        mvc.perform(get("/annuaire").param("vue", "carte").param("q", m))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"map-france\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Corse-du-Sud (2A)")));
    }

    @Test
    void printViewGroupsByDepartement() throws Exception {
        String m = marker();
        organisation("Imprimée " + m).save(repository);
        mvc.perform(get("/annuaire/impression").param("q", m))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("33 – Gironde")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Imprimée " + m)));
    }
}
