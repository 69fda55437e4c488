package fr.maillage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.TestPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Regressions of the security review: what an attacker or a former member gets when they try
 * what the review found possible, over MockMvc on the embedded PostgreSQL.
 */
@SpringBootTest(properties = "maillage.base-url=https://portail.example")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityReviewIntegrationTests {

    static final String PASSWORD = "une phrase de passe";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    // ------------------------------------------------------------------ rate limits and X-Forwarded-For

    @Test
    void aForgedXForwardedForDoesNotEscapeTheLoginLimitOfAnAddress() throws Exception {
        String email = confirmedMember("Cible");
        String ip = "10.40." + (int) (Math.random() * 200) + ".9";
        for (int i = 0; i < 30; i++) {
            mvc.perform(login(uniqueEmail("Robot"), "mauvais mot de passe", ip)
                    .header("X-Forwarded-For", "203.0.113." + i));
        }
        // the same machine, claiming yet another address
        mvc.perform(login(email, PASSWORD, ip).header("X-Forwarded-For", "198.51.100.77"))
                .andExpect(redirectedUrl("/connexion?erreur=trop"));
    }

    @Test
    void aForgedXForwardedForDoesNotEscapeTheContactFormLimit() throws Exception {
        String ip = "10.41." + (int) (Math.random() * 200) + ".3";
        String subject = "Sujet " + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            mvc.perform(post("/contact").with(csrf()).with(remote(ip)).header("X-Forwarded-For", "203.0.113." + i)
                    .param("name", "Robot").param("email", "robot@exemple.fr").param("subject", subject)
                    .param("message", "Achetez !").param("website", ""));
        }
        assertThat(jdbc.sql("select count(*) from contact_message where subject = ?").param(subject).query(Long.class).single())
                .isEqualTo(5);
    }

    // ------------------------------------------------------------------ sessions of deleted or demoted people

    @Test
    void deletingTheAccountEndsItsOtherSessionsWhichCannotCopyTheAddressBackIntoTheDirectory() throws Exception {
        String email = confirmedMember("Partie");
        MockHttpSession phone = session(email);
        MockHttpSession laptop = session(email);
        mvc.perform(post("/mon-espace/suppression").session(laptop).with(csrf()).param("password", PASSWORD).param("confirm", "true"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/mon-espace").session(phone)).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        String name = "Structure fantôme " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(form("/se-referencer", validForm(name)).session(phone).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        assertThat(jdbc.sql("select count(*) from organisation where name = ?").param(name).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation_member where lower(email) = lower(?)").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDemotedStaffMemberLosesTheAdminAreaAtOnce() throws Exception {
        String email = confirmedMember("Ancienne equipe");
        jdbc.sql("update person set role = 'STAFF' where lower(email) = lower(?)").param(email).update();
        MockHttpSession session = session(email);
        mvc.perform(get("/admin").session(session)).andExpect(status().isOk());

        jdbc.sql("update person set role = 'MEMBER' where lower(email) = lower(?)").param(email).update();
        mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation").session(session)).andExpect(status().isForbidden());
        // still signed in as a member
        mvc.perform(get("/mon-espace").session(session)).andExpect(status().isOk());
    }

    @Test
    void aPasswordResetEndsTheSessionsOpenedWithTheOldPassword() throws Exception {
        String email = confirmedMember("Volee");
        MockHttpSession thief = session(email);
        mvc.perform(post("/mot-de-passe-oublie").param("email", email).with(csrf()));
        String path = path(link(lastMailTo(email), "/mot-de-passe/"));
        mvc.perform(post(path).param("password", "nouvelle phrase secrète").param("confirmation", "nouvelle phrase secrète").with(csrf()))
                .andExpect(redirectedUrl("/connexion"));

        mvc.perform(get("/mon-espace").session(thief)).andExpect(redirectedUrl("/connexion"));
    }

    @Test
    void changingThePasswordKeepsThisSessionButEndsTheOthers() throws Exception {
        String email = confirmedMember("Prudente");
        MockHttpSession here = session(email);
        MockHttpSession elsewhere = session(email);
        mvc.perform(post("/mon-espace/mot-de-passe").session(here).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", "encore une phrase").param("confirmation", "encore une phrase"))
                .andExpect(redirectedUrl("/mon-espace"));
        mvc.perform(get("/mon-espace").session(here)).andExpect(status().isOk());
        mvc.perform(get("/mon-espace").session(elsewhere)).andExpect(redirectedUrl("/connexion"));
    }

    // ------------------------------------------------------------------ RGPD

    @Test
    void aDeletedAccountLeavesNoNameInStructureHistoriesNorMessageInJoinRequests() throws Exception {
        String email = confirmedMember("Effacee");
        MockHttpSession session = session(email);
        String name = "Structure à oublier " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(form("/se-referencer", validForm(name)).session(session).with(csrf())).andExpect(status().isFound());
        long personId = jdbc.sql("select id from person where lower(email) = lower(?)").param(email).query(Long.class).single();
        long orgId = jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from organisation_revision where actor_id = ? and actor_name like 'Effacee%'")
                .param(personId).query(Long.class).single()).isEqualTo(1);

        String other = "Autre structure " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(form("/se-referencer", validForm(other)).with(SecurityMockMvcRequestPostProcessors.user(TestPerson.member(77_000_000L + (long) (Math.random() * 1000))))
                .with(csrf())).andExpect(status().isFound());
        String otherSlug = jdbc.sql("select slug from organisation where name = ?").param(other).query(String.class).single();
        mvc.perform(post("/acteurs/{slug}/rejoindre", otherSlug).session(session).with(csrf())
                .param("message", "Je suis Effacee, joignable au 06 12 34 56 78")).andExpect(status().isFound());

        mvc.perform(post("/mon-espace/suppression").session(session).with(csrf()).param("password", PASSWORD).param("confirm", "true"))
                .andExpect(redirectedUrl("/"));

        assertThat(jdbc.sql("select count(*) from organisation_revision where actor_id = ? and actor_name <> '—'")
                .param(personId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation_join_request where person_id = ? and message is not null")
                .param(personId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation_member where person_id = ?").param(personId).query(Long.class).single())
                .isZero();
        assertThat(orgId).isPositive();
    }

    // ------------------------------------------------------------------ redirects and bad input

    @Test
    void theReturnAddressOfAJoinDecisionNeverLeadsToAnotherSite() throws Exception {
        var staff = SecurityMockMvcRequestPostProcessors.user(TestPerson.staff(88_000_001L));
        for (String retour : List.of("/\t/evil.example", "/\r/evil.example", "//evil.example", "/\\evil.example", "https://evil.example")) {
            String location = mvc.perform(post("/acteurs/x/membres/demandes/{id}", Long.MAX_VALUE).with(staff).with(csrf())
                            .param("decision", "approve").param("retour", retour))
                    .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
            assertThat(location).as(retour).isEqualTo("/acteurs/x/membres");
        }
    }

    @Test
    void hugeOrWrongValuesInStaffPagesAreNotServerErrors() throws Exception {
        var staff = SecurityMockMvcRequestPostProcessors.user(TestPerson.staff(88_000_002L));
        for (String url : List.of("/admin/structures?page=2147483647", "/admin/structures/a-relancer?page=2147483647",
                "/admin/personnes?page=2147483647", "/admin/journal?page=2147483647", "/admin/structures?statut=NIMPORTE",
                "/admin/structures/abc", "/admin/structures/999999999999")) {
            int status = mvc.perform(get(url).with(staff)).andReturn().getResponse().getStatus();
            assertThat(status).as(url).isLessThan(500);
        }
        for (String url : List.of("/annuaire?page=2147483647", "/annuaire?size=-1", "/annuaire?page=abc", "/annuaire?member=peut-etre",
                "/annuaire/carte.json?page=-4", "/annuaire/impression?groupe=x&page=99999999999", "/annuaire/export.csv?colonnes=nope",
                "/api/v1/organisations?page=abc", "/api/v1/organisations?size=100000", "/pays/ZZ", "/acteurs/%2e%2e",
                "/fichiers/..%2f..%2fetc%2fpasswd", "/fichiers/0123456789abcdef0123456789abcdef.png")) {
            int status = mvc.perform(get(url)).andReturn().getResponse().getStatus();
            assertThat(status).as(url).isLessThan(500);
        }
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, String> validForm(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("structureType", "association");
        p.put("postalCode", "69003");
        p.put("city", "Lyon");
        p.put("themes", "eau-assainissement");
        p.put("confirmDistinct", "true");
        return p;
    }

    static MockMultipartHttpServletRequestBuilder form(String url, Map<String, String> params) {
        MockMultipartHttpServletRequestBuilder b = multipart(url);
        params.forEach(b::param);
        return b;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private MockHttpServletRequestBuilder login(String email, String password, String ip) {
        return post("/connexion").with(csrf()).param("email", email).param("motDePasse", password).with(remote(ip));
    }

    private MockHttpSession session(String email) throws Exception {
        MvcResult result = mvc.perform(login(email, PASSWORD, "10.42.9.9")).andExpect(redirectedUrl("/mon-espace")).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private String confirmedMember(String name) throws Exception {
        String email = uniqueEmail(name);
        mvc.perform(post("/inscription").with(csrf()).param("displayName", name).param("email", email).param("password", PASSWORD)
                .param("privacyAccepted", "true")).andExpect(status().isFound());
        mvc.perform(get(path(link(lastMailTo(email), "/confirmation/")))).andExpect(redirectedUrl("/connexion"));
        return email;
    }

    private static String uniqueEmail(String name) {
        return name.replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    private String lastMailTo(String email) {
        List<String> bodies = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc")
                .param(email).query(String.class).list();
        assertThat(bodies).as("mail to " + email).isNotEmpty();
        return bodies.get(0);
    }

    private static String link(String text, String pathPrefix) {
        Matcher m = Pattern.compile("https://portail\\.example" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+").matcher(text);
        assertThat(m.find()).as("link " + pathPrefix + " in " + text).isTrue();
        return m.group();
    }

    private static String path(String url) {
        return url.substring("https://portail.example".length());
    }
}
