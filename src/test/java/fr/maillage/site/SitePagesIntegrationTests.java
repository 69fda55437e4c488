package fr.maillage.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import fr.maillage.support.TestPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SitePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousVisitorsBrowseWithoutAnHttpSession() throws Exception {
        // a session per visitor costs memory and a cookie on every public page: only forms that post need one
        for (String page : new String[] {"/", "/annuaire", "/projets", "/qui-fait-quoi", "/confidentialite"}) {
            var result = mvc.perform(get(page)).andExpect(status().isOk()).andReturn();
            assertThat(result.getRequest().getSession(false)).as(page).isNull();
            assertThat(result.getResponse().getHeader("Set-Cookie")).as(page).isNull();
        }
        // signed-in pages keep the token htmx sends with its requests
        String signedIn = mvc.perform(get("/").with(user(TestPerson.member(fr.maillage.support.TestStructures.newPersonId()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(signedIn).contains("name=\"_csrf\"");
    }

    @Test
    void legalPagesRenderTheirMarkdownInFrenchAndEnglish() throws Exception {
        String fr = mvc.perform(get("/confidentialite")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fr).contains("<h1>Données personnelles</h1>").contains("<strong>exporter vos données</strong>");
        String en = mvc.perform(get("/confidentialite").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("<h1>Privacy</h1>").contains("lang=\"en\"");
        mvc.perform(get("/mentions-legales")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Mentions légales")));
    }

    @Test
    void contactFormRelaysTheMessageToTheTeamThroughTheOutbox() throws Exception {
        String subject = "Question " + UUID.randomUUID();
        mvc.perform(post("/contact").with(csrf())
                        .param("name", "Awa Diop").param("email", "awa@example.org")
                        .param("subject", subject).param("message", "Bonjour, comment adhérer ?").param("website", ""))
                .andExpect(status().is3xxRedirection());
        var mail = jdbc.sql("select recipient, body_text from mail_outbox where subject = ?").param("[Contact] " + subject)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
        assertThat(mail).startsWith("contact@maillage.example|").contains("awa@example.org").contains("comment adhérer");
    }

    @Test
    void contactFormWithMistakesShowsFrenchErrorsAndSendsNothing() throws Exception {
        long before = jdbc.sql("select count(*) from contact_message").query(Long.class).single();
        String html = mvc.perform(post("/contact").with(csrf())
                        .param("name", "").param("email", "pas-une-adresse").param("subject", "Objet").param("message", "<script>alert(1)</script>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Indiquez votre nom.").contains("L&#39;adresse e-mail n&#39;est pas valide")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("select count(*) from contact_message").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void robotsFillingTheHiddenFieldAreIgnored() throws Exception {
        long before = jdbc.sql("select count(*) from contact_message").query(Long.class).single();
        mvc.perform(post("/contact").with(csrf()).param("name", "Bot").param("email", "bot@example.org")
                        .param("subject", "Spam").param("message", "Buy").param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from contact_message").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void staffEditAPageAndVisitorsSeeTheNewText() throws Exception {
        mvc.perform(post("/admin/pages/accessibilite").with(csrf()).with(user(TestPerson.member(901))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/pages/accessibilite").with(csrf()).with(user(TestPerson.staff(902)))
                        .param("titleFr", "Accessibilité").param("titleEn", "Accessibility")
                        .param("bodyFr", "Déclaration **mise à jour**.").param("bodyEn", "Statement **updated**."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/accessibilite")).andExpect(content().string(org.hamcrest.Matchers.containsString("Déclaration <strong>mise à jour</strong>.")));
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'site.page.updated' and details = 'accessibilite'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // an empty text is refused and changes nothing
        mvc.perform(post("/admin/pages/accessibilite").with(csrf()).with(user(TestPerson.staff(902)))
                        .param("titleFr", "").param("titleEn", "Accessibility").param("bodyFr", "").param("bodyEn", "x"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez un titre.")));
        mvc.perform(get("/accessibilite")).andExpect(content().string(org.hamcrest.Matchers.containsString("mise à jour")));
    }

    @Test
    void unknownPageIsA404InFrench() throws Exception {
        mvc.perform(get("/cette-page-nexiste-pas")).andExpect(status().isNotFound());
    }

    @Test
    void aMangledAddressGetsAFrenchPageNotAStackTrace() throws Exception {
        // MockMvc does not forward to /error: render it as the container would
        String html = mvc.perform(get("/error").accept(org.springframework.http.MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 400)
                        .requestAttr("jakarta.servlet.error.request_uri", "/annuaire"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<title>Demande invalide – Maillage</title>").contains("Repartez de l&#39;annuaire")
                .doesNotContain("Exception").doesNotContain("Bad Request");
    }
}
