package fr.maillage.projects;

import static fr.maillage.projects.ProjectTestData.marker;
import static fr.maillage.projects.ProjectTestData.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The projects search pages and the projects API, as an anonymous visitor gets them. */
@SpringBootTest
@ActiveProfiles("test")
class ProjectSearchWebIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    MockMvc mvc;

    final TestPerson editor = TestStructures.member("Jeanne Porteuse");

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", "fr")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theProjectsPageShowsResultsFacetsAndShareableLinksWithOrWithoutHtmx() throws Exception {
        String m = marker();
        long org = TestStructures.association(directory, editor, "Puits du Fouta " + m);
        projects.create(org, project("Forages de Podor " + m).summary("Trois forages et leurs comités de gestion").build(), true, editor);
        projects.create(org, project("Brouillon de Matam " + m).build(), false, editor);
        String slug = directory.ref(org).orElseThrow().slug();

        String page = html("/projets?q=" + m);
        assertThat(page).contains("<h1>Projets</h1>").contains("Forages de Podor " + m).doesNotContain("Brouillon de Matam")
                .contains("1 projet").contains("Trois forages et leurs comités de gestion")
                .contains("href=\"/acteurs/" + slug + "\"").contains("Puits du Fouta " + m)
                // facets with counts, each value a checkbox of the search form; the lead's type
                .contains("name=\"country\" value=\"SN\"").contains("Sénégal").contains("name=\"sector\" value=\"140\"")
                .contains("name=\"leadType\" value=\"association\"").contains("name=\"year\" value=\"2026\"")
                .contains("Agence de l’eau")
                .contains("hx-get=\"/projets\"").contains("hx-target=\"#resultats\"")
                .contains("href=\"/projets?vue=carte&amp;q=" + m + "\"")
                // the main navigation leads here and says so
                .contains("href=\"/projets\" aria-current=\"page\"");

        String filtered = html("/projets?q=" + m + "&country=SN&year=2026");
        assertThat(filtered).contains("Forages de Podor " + m)
                .contains("aria-label=\"Retirer le filtre Sénégal\"").contains("href=\"/projets?q=" + m + "&amp;year=2026\"");

        String fragment = mvc.perform(get("/projets").param("q", m).header("HX-Request", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").doesNotContain("<header").contains("Forages de Podor " + m).contains("directory-layout");

        // unknown codes in an old link are dropped, not an error
        assertThat(html("/projets?q=" + m + "&country=XX&year=deux&sort=n-importe")).contains("Forages de Podor " + m);
        // nothing found: what to do next
        assertThat(html("/projets?q=" + m + "&country=BR")).contains("Aucun projet ne correspond à votre recherche")
                .contains("Retirez les filtres");
        // English
        String english = mvc.perform(get("/projets").param("q", m).header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<h1>Projects</h1>").contains("Senegal").contains("Led by").contains("Water agency");
    }

    @Test
    void theMapShowsCountsByDepartementOfTheLeadAndByCountryInTables() throws Exception {
        String m = marker();
        long org = TestStructures.association(directory, editor, "Carte " + m);
        projects.create(org, project("Mangrove " + m).countries("SN", "GN").themes("environnement-climat").sectors("41030").build(), true, editor);
        String map = html("/projets?vue=carte&q=" + m);
        assertThat(map).contains("Carte des projets").contains("id=\"map-france\"").contains("id=\"map-world\"")
                .contains("Projets par département de la structure porteuse").contains("Gironde (33)")
                .contains("Projets par pays").contains("Guinée")
                .contains("href=\"/projets?vue=carte&amp;q=" + m + "&amp;country=GN\"")
                .contains("\"departements\":[{\"code\":\"33\"");
    }

    @Test
    void theDirectoryShowsAndFiltersStructuresByTheirProjects() throws Exception {
        String m = marker();
        long org = TestStructures.association(directory, editor, "Jardins du Sahel " + m);
        projects.create(org, project("Maraîchage à Kaédi " + m).countries("MR").themes("agriculture-alimentation").sectors("31161").build(), true, editor);
        projects.create(org, project("Puits à Rosso " + m).countries("MR").build(), true, editor);
        String slug = directory.ref(org).orElseThrow().slug();

        String list = html("/annuaire?q=" + m + "&projects=true&country=MR&theme=agriculture-alimentation");
        assertThat(list).contains("Jardins du Sahel " + m).contains("2 projets publiés")
                .contains("href=\"/projets?organisation=" + slug + "&amp;country=MR&amp;theme=agriculture-alimentation\"")
                .contains("Pays de leurs projets").contains("A publié des projets");
        assertThat(html("/annuaire?q=" + m + "&projects=true&country=SN")).doesNotContain("Jardins du Sahel " + m);

        String page = html("/acteurs/" + slug);
        assertThat(page).contains("2 projets publiés").contains("href=\"/projets?organisation=" + slug + "\"");

        String ofStructure = html("/projets?organisation=" + slug);
        assertThat(ofStructure).contains("Maraîchage à Kaédi " + m).contains("Puits à Rosso " + m).contains("2 projets")
                .contains("Structure porteuse").contains("name=\"organisation\" value=\"" + slug + "\"");

        mvc.perform(get("/api/v1/organisations").param("q", m).param("projects", "true").param("country", "MR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].publishedProjects").value(2));
    }

    @Test
    void theApiSearchesWithFacetsAndGivesAPublishedProjectWithLabels() throws Exception {
        String m = marker();
        long org = TestStructures.association(directory, editor, "Api Solidaire " + m);
        long partner = TestStructures.association(directory, editor, "Partenaire Api " + m);
        ProjectData data = project("Latrines scolaires " + m).sectors("14032", "14030").funders("AGENCE_EAU", "REGION").build();
        ProjectData withPartner = new ProjectData(data.title(), data.summary(), data.description(), data.activityStatus(), data.plannedStart(),
                data.plannedEnd(), data.actualStart(), data.actualEnd(), data.places(), data.themes(), data.sdgs(), data.sectors(),
                List.of(new ProjectData.Partner(null, "Commune de Podor", null, "11", "SN", "4"),
                        new ProjectData.Partner(partner, null, null, null, null, "1")),
                data.fundings(), "EUR", List.of(), "Les comités", null, null);
        long id = projects.create(org, withPartner, true, editor);
        String slug = projects.find(id).orElseThrow().slug();

        mvc.perform(get("/api/v1/projects").param("q", m).param("sector", "140").param("funder", "REGION"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].slug").value(slug))
                .andExpect(jsonPath("$.items[0].lead.name").value("Api Solidaire " + m))
                .andExpect(jsonPath("$.items[0].countries[0].label").value("Sénégal"))
                .andExpect(jsonPath("$.items[0].budget").value(20000.0))
                .andExpect(jsonPath("$.facets.sector[?(@.code=='140')].count").value(1))
                .andExpect(jsonPath("$.facets.funder[?(@.code=='AGENCE_EAU')].label").value("Agence de l’eau"))
                .andExpect(jsonPath("$.facets.year[?(@.code=='2026')].count").value(1));

        mvc.perform(get("/api/v1/projects/" + slug).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Latrines scolaires " + m))
                .andExpect(jsonPath("$.status.label").value("Implementation"))
                .andExpect(jsonPath("$.lead.slug").value(directory.ref(org).orElseThrow().slug()))
                .andExpect(jsonPath("$.places[0].country.label").value("Senegal"))
                .andExpect(jsonPath("$.sectors[0].code").value("14032"))
                .andExpect(jsonPath("$.sectors[0].category.code").value("140"))
                .andExpect(jsonPath("$.partners[0].name").value("Commune de Podor"))
                .andExpect(jsonPath("$.partners[0].role.label").value("Implementing"))
                .andExpect(jsonPath("$.partners[1].organisation.name").value("Partenaire Api " + m))
                .andExpect(jsonPath("$.fundings[0].funder.code").value("AGENCE_EAU"))
                .andExpect(jsonPath("$.lessons.worked").value("Les comités"))
                .andExpect(jsonPath("$.moderationMessage").doesNotExist())
                .andExpect(jsonPath("$.version").doesNotExist());
    }

    @Test
    void theApiAnswersBadParametersAndUnknownProjectsWithProblemDetails() throws Exception {
        String m = marker();
        long org = TestStructures.association(directory, editor, "Problèmes " + m);
        long draft = projects.create(org, project("Brouillon " + m).build(), false, editor);
        String draftSlug = projects.find(draft).orElseThrow().slug();

        for (String[] bad : new String[][] {
                {"size", "0", "size"}, {"size", "101", "size"}, {"page", "0", "page"}, {"sort", "prix", "sort"},
                {"country", "XX", "country=XX"}, {"sector", "14030", "sector=14030"}, {"year", "deux-mille", "year=deux-mille"},
                {"status", "9", "status=9"}, {"funder", "MARS", "funder=MARS"}, {"leadType", "martien", "leadType=martien"},
                {"organisation", "n-existe-pas-" + m, "organisation=n-existe-pas-" + m}}) {
            mvc.perform(get("/api/v1/projects").param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.detail").value(containsString(bad[2])));
        }
        mvc.perform(get("/api/v1/projects").param("exemplary", "peut-etre"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/projects").param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/projects/" + draftSlug))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/projects/n-existe-pas-" + m))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(containsString("n-existe-pas-" + m)));
        // documented in the OpenAPI description
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/projects'].get.parameters[?(@.name=='sector')]").exists())
                .andExpect(jsonPath("$.paths['/api/v1/projects/{slug}'].get.responses['404']").exists());
    }
}
