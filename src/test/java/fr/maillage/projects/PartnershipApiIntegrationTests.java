package fr.maillage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /api/v1/partnerships}: records out, the Atlas filters, ProblemDetail on bad parameters, no e-mail ever. */
@SpringBootTest
@ActiveProfiles("test")
class PartnershipApiIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Directory directory;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void searchAndReadPartnershipsAsJson() throws Exception {
        String m = "Api" + Long.toString(System.nanoTime(), 36);
        TestPerson editor = TestStructures.member("Gaëlle");
        long grenoble = TestStructures.localAuthority(directory, editor, "Ville de Grenoble " + m, "38000", "Grenoble");
        long id = partnerships.create(grenoble, PartnershipsIntegrationTests.podor("Ouagadougou " + m), editor);
        partnerships.create(grenoble, new PartnershipData("COMMUNE", "Sfax " + m, "MUNICIPALITY", "TN", null, null, null, null, "PLANNED",
                List.of("culture-patrimoine"), List.of(), null, null, null), editor);

        mvc.perform(get("/api/v1/partnerships").param("q", m).param("country", "SN").param("departement", "38"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.authorities").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].authority.name").value("Ville de Grenoble " + m))
                .andExpect(jsonPath("$.items[0].authority.departement.code").value("38"))
                .andExpect(jsonPath("$.items[0].partner.name").value("Ouagadougou " + m))
                .andExpect(jsonPath("$.items[0].partner.country.label").value("Sénégal"))
                .andExpect(jsonPath("$.items[0].status.code").value("ACTIVE"))
                .andExpect(jsonPath("$.items[0].themes[*].code", Matchers.hasItem("eau-assainissement")))
                .andExpect(jsonPath("$.facets.country[*].code", Matchers.containsInAnyOrder("SN", "TN")))
                .andExpect(jsonPath("$.facets.status[*].code", Matchers.hasItem("ACTIVE")));
        mvc.perform(get("/api/v1/partnerships").param("q", m).param("status", "PLANNED,ACTIVE").param("size", "1").param("page", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1));

        String one = mvc.perform(get("/api/v1/partnerships/" + id).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partner.country.label").value("Senegal"))
                .andExpect(jsonPath("$.status.label").value("Active"))
                .andExpect(jsonPath("$.signedOn").value("2019-03-12"))
                .andExpect(jsonPath("$.elected.name").value("Claire Martin"))
                .andExpect(jsonPath("$.elected.email").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).doesNotContain("@mairie.example");
        assertThat(LocalDate.of(2019, 3, 12)).isNotNull();
    }

    @Test
    void badParametersGetAProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/partnerships").param("country", "XX").param("status", "MAYBE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", Matchers.containsString("country=XX")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("status=MAYBE")));
        mvc.perform(get("/api/v1/partnerships").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", Matchers.containsString("size")));
        mvc.perform(get("/api/v1/partnerships").param("page", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/partnerships").param("page", "deux"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/partnerships/999999999"))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ressource introuvable."));
        mvc.perform(get("/api/v1/partnerships/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void aPartnershipOfAnUnpublishedAuthorityIsNotFound() throws Exception {
        String m = "Api" + Long.toString(System.nanoTime(), 36);
        TestPerson editor = TestStructures.member("Hugo");
        long metz = TestStructures.localAuthority(directory, editor, "Ville de Metz " + m, "57000", "Metz");
        long id = partnerships.create(metz, PartnershipsIntegrationTests.podor("Podor " + m), editor);
        directory.requestChanges(metz, "Complétez la fiche", TestStructures.staff("Équipe"));
        mvc.perform(get("/api/v1/partnerships/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partnerships").param("q", m)).andExpect(jsonPath("$.total").value(0));
    }
}
