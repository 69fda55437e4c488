package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventType;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
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

/** {@code /api/v1/events}: the dates of published events with the agenda's filters, one event, ProblemDetail errors, OpenAPI. */
@SpringBootTest
@ActiveProfiles("test")
class EventApiIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Agenda agenda;

    @Autowired
    Directory directory;

    MockMvc mvc;
    final TestPerson staff = TestStructures.staff("Équipe API");
    String tag;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tag = "Api" + Long.toString(TestStructures.newPersonId(), 36);
    }

    @Test
    void listsTheDatesOfPublishedEventsWithTheFiltersOfTheAgenda() throws Exception {
        TestPerson member = TestStructures.member("Awa");
        long org = TestStructures.association(directory, member, "Eau Vive " + tag);
        agenda.create(TestEvents.meeting("Groupe pays " + tag, LocalDateTime.of(2031, 1, 9, 18, 0)).type(EventType.COUNTRY_GROUP)
                .weekly(1, LocalDate.of(2031, 1, 30)).organisedBy(org).build(), staff);
        agenda.create(TestEvents.meeting("Webinaire " + tag, LocalDateTime.of(2031, 1, 15, 12, 0)).type(EventType.WEBINAR)
                .online("https://visio.exemple.org/w").build(), staff);
        long pending = agenda.create(TestEvents.meeting("Proposition " + tag, LocalDateTime.of(2031, 1, 16, 12, 0)).organisedBy(org).build(), member);
        long cancelled = agenda.create(TestEvents.meeting("Annulé " + tag, LocalDateTime.of(2031, 1, 20, 9, 0)).build(), staff);
        agenda.cancel(cancelled, "Météo", staff);

        mvc.perform(get("/api/v1/events").param("q", tag).param("du", "2031-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(6))
                .andExpect(jsonPath("$.items[0].title").value("Groupe pays " + tag))
                .andExpect(jsonPath("$.items[0].type.code").value("groupe-pays"))
                .andExpect(jsonPath("$.items[0].type.label").value("Groupe pays"))
                .andExpect(jsonPath("$.items[0].startsAt").value("2031-01-09T18:00:00+01:00"))
                .andExpect(jsonPath("$.items[0].departement.code").value("33"))
                .andExpect(jsonPath("$.items[0].repeating").value(true))
                .andExpect(jsonPath("$.items[*].title", Matchers.not(Matchers.hasItem("Proposition " + tag))))
                .andExpect(jsonPath("$.items[?(@.title == 'Annulé " + tag + "')].cancelled", Matchers.contains(true)));
        mvc.perform(get("/api/v1/events").param("q", tag).param("du", "2031-01-01").param("type", "webinaire"))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].format").value("ONLINE"));
        mvc.perform(get("/api/v1/events").param("q", tag).param("du", "2031-01-01").param("enLigne", "non").param("au", "2031-01-16"))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/events").param("q", tag).param("du", "2031-01-01").param("size", "2").param("page", "2"))
                .andExpect(jsonPath("$.total").value(6)).andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.page").value(2));
        mvc.perform(get("/api/v1/events").param("q", tag).param("pays", "SN").param("dep", "33").param("theme", "eau-assainissement")
                        .param("du", "2031-01-01"))
                .andExpect(jsonPath("$.total").value(5));
        assertThat(pending).isPositive();
    }

    @Test
    void oneEventWithItsProgrammeAndNothingOfWhatIsNotPublished() throws Exception {
        TestPerson member = TestStructures.member("Ibrahima");
        long org = TestStructures.association(directory, member, "Solidarité Pau " + tag);
        long id = agenda.create(TestEvents.meeting("Agora " + tag, LocalDateTime.of(2031, 6, 12, 9, 0)).type(EventType.AGORA)
                .end(LocalDateTime.of(2031, 6, 12, 17, 0)).capacity(150).session("Atelier eau", 30).session("Atelier santé", 25)
                .organisedBy(org).build(), staff);
        String slug = agenda.find(id).orElseThrow().slug();
        String json = mvc.perform(get("/api/v1/events/" + slug).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Agora " + tag))
                .andExpect(jsonPath("$.type.label").value("Agora"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.start").value("2031-06-12T09:00:00"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andExpect(jsonPath("$.dates[0].startsAt").value("2031-06-12T09:00:00+02:00"))
                .andExpect(jsonPath("$.venue.city").value("Bordeaux"))
                .andExpect(jsonPath("$.venue.departement.label").value("Gironde"))
                .andExpect(jsonPath("$.countries[0].label").value("Senegal"))
                .andExpect(jsonPath("$.organisers[0].name").value("Solidarité Pau " + tag))
                .andExpect(jsonPath("$.registration.mode").value("OPEN"))
                .andExpect(jsonPath("$.registration.capacity").value(150))
                .andExpect(jsonPath("$.sessions[*].title", Matchers.contains("Atelier eau", "Atelier santé")))
                .andExpect(jsonPath("$.sessions[0].capacity").value(30))
                .andExpect(jsonPath("$.icsUrl", Matchers.endsWith("/agenda/" + slug + ".ics")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("proposedBy").doesNotContain("moderation");

        long pending = agenda.create(TestEvents.meeting("Pas encore " + tag, LocalDateTime.of(2031, 6, 13, 9, 0)).organisedBy(org).build(), member);
        mvc.perform(get("/api/v1/events/" + agenda.find(pending).orElseThrow().slug()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/events/nulle-part")).andExpect(status().isNotFound());
    }

    @Test
    void badParametersGetAClearProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/events").param("du", "14/03/2031"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", Matchers.containsString("du")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("14/03/2031")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("AAAA-MM-JJ")));
        mvc.perform(get("/api/v1/events").param("du", "2031-03-14").param("au", "2031-03-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", Matchers.containsString("précède")));
        mvc.perform(get("/api/v1/events").param("type", "concert"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", Matchers.containsString("concert")));
        mvc.perform(get("/api/v1/events").param("enLigne", "peut-être")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/events").param("theme", "sante,jardinage"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", Matchers.containsString("thème inconnu")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("jardinage")));
        mvc.perform(get("/api/v1/events").param("pays", "SN,ML").param("dep", "2a")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/events").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", Matchers.containsString("size")));
        mvc.perform(get("/api/v1/events").param("page", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/events").param("page", "deux"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("/api/v1/events").contains("/api/v1/events/{slug}").contains("\"Agenda\"").contains("enLigne");
    }
}
