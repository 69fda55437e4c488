package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Accounts as a person and as staff would use them, over MockMvc on the embedded PostgreSQL:
 * sign-up, e-mail confirmation from the outbox, login, rate limiting, password reset, bad input,
 * the admin area's access rules, the first administrator.
 */
@SpringBootTest(properties = {
        "maillage.accounts.admin-email=premier.admin@maillage.test",
        "maillage.accounts.admin-password=administrateur-solide",
        "maillage.base-url=https://portail.example"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class AccountsIntegrationTests {

    static final String PASSWORD = "une phrase de passe";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    ApplicationEvents events;

    // ---- sign-up, confirmation, login

    @Test
    void signUpSendsAConfirmationLinkAndLoginWorksOnceConfirmed() throws Exception {
        String email = uniqueEmail("Camille");
        mvc.perform(signUp("Camille Martin", email, PASSWORD, true))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inscription/merci"));
        assertThat(person(email)).isEqualTo(1);
        assertThat(jdbc.sql("select privacy_accepted_at is not null from person where email = ?").param(email.toLowerCase())
                .query(Boolean.class).single()).isTrue();

        String mail = lastMailTo(email);
        assertThat(mail).contains("Bonjour Camille Martin").contains("https://portail.example/confirmation/");

        // before confirmation: refused, with a way to get a new link
        mvc.perform(login(email, PASSWORD, "10.1.0.1")).andExpect(redirectedUrl("/connexion?erreur=non-confirme"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(login(email, PASSWORD, "10.1.0.1").session(session));
        mvc.perform(get("/connexion").param("erreur", "non-confirme").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("pas encore confirmée")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/confirmation/renvoyer?email=")));

        mvc.perform(get(path(link(mail, "/confirmation/"))))
                .andExpect(redirectedUrl("/connexion"));
        // a link works once
        mvc.perform(get(path(link(mail, "/confirmation/"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ne fonctionne plus")));

        MvcResult result = mvc.perform(login(email, PASSWORD, "10.1.0.1"))
                .andExpect(redirectedUrl("/mon-espace")).andReturn();
        mvc.perform(get("/mon-espace").session((MockHttpSession) result.getRequest().getSession()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Camille Martin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mes données personnelles")));
        assertThat(jdbc.sql("select last_login_at is not null from person where email = ?").param(email.toLowerCase())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void emailIsUniqueWhateverItsCase() throws Exception {
        String email = uniqueEmail("Dominique");
        mvc.perform(signUp("Dominique", email, PASSWORD, true)).andExpect(status().isFound());
        mvc.perform(signUp("Dominique bis", email.toUpperCase(), PASSWORD, true))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Un compte existe déjà avec cette adresse")));
        assertThat(person(email)).isEqualTo(1);
    }

    @Test
    void badInputGetsFrenchFieldErrorsKeepsWhatWasTypedAndCreatesNothing() throws Exception {
        String email = uniqueEmail("Faible");
        mvc.perform(signUp("Faible", email, "court", true))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Le mot de passe doit comporter au moins 10 caractères.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + email + "\"")));
        mvc.perform(signUp("Sans consentement", email, PASSWORD, false))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("acceptez la politique de données personnelles")));
        mvc.perform(signUp("", "pas-une-adresse", PASSWORD, true))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez votre nom.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cette adresse e-mail n&#39;est pas valide")));
        assertThat(person(email)).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?)").param(email).query(Long.class).single()).isZero();
    }

    @Test
    void htmlTypedInTheNameIsShownAsText() throws Exception {
        String email = uniqueEmail("Html");
        String name = "<script>alert('x')</script><b>Gras</b>";
        mvc.perform(signUp(name, email, PASSWORD, true)).andExpect(status().isFound());
        mvc.perform(get(path(link(lastMailTo(email), "/confirmation/"))));
        MockHttpSession session = session(email, PASSWORD);
        String page = mvc.perform(get("/mon-espace").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>Gras</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Gras&lt;/b&gt;");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        String email = uniqueEmail("Csrf");
        mvc.perform(post("/inscription").param("displayName", "Csrf").param("email", email)
                        .param("password", PASSWORD).param("privacyAccepted", "true"))
                .andExpect(status().isForbidden());
        assertThat(person(email)).isZero();
    }

    // ---- rate limiting

    @Test
    void fiveWrongPasswordsBlockTheEmailEvenWithTheRightPasswordWithoutTellingWhetherItExists() throws Exception {
        String email = confirmedMember("Bloque");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(email, "mauvais mot de passe", "10.2.0." + i)).andExpect(redirectedUrl("/connexion?erreur=identifiants"));
        }
        mvc.perform(login(email, PASSWORD, "10.2.0.99")).andExpect(redirectedUrl("/connexion?erreur=trop"));
        mvc.perform(get("/connexion").param("erreur", "trop"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de tentatives de connexion")));

        // an address without account behaves exactly the same
        String unknown = uniqueEmail("Inconnu");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(unknown, "mauvais mot de passe", "10.3.0." + i)).andExpect(redirectedUrl("/connexion?erreur=identifiants"));
        }
        mvc.perform(login(unknown, PASSWORD, "10.3.0.99")).andExpect(redirectedUrl("/connexion?erreur=trop"));
    }

    @Test
    void tooManyFailuresFromOneAddressBlockThatAddress() throws Exception {
        String email = confirmedMember("Adresse");
        String ip = "10.4." + (int) (Math.random() * 200) + ".7";
        for (int i = 0; i < 30; i++) {
            mvc.perform(login(uniqueEmail("Robot"), "mauvais mot de passe", ip));
        }
        mvc.perform(login(email, PASSWORD, ip)).andExpect(redirectedUrl("/connexion?erreur=trop"));
        mvc.perform(login(email, PASSWORD, "10.4.250.1")).andExpect(redirectedUrl("/mon-espace"));
    }

    // ---- password reset

    @Test
    void passwordResetByEmailLinkSingleUseWithoutUserEnumeration() throws Exception {
        String email = confirmedMember("Oubli");
        String unknown = uniqueEmail("Personne");
        String known = mvc.perform(post("/mot-de-passe-oublie").param("email", email).with(csrf()))
                .andExpect(redirectedUrl("/mot-de-passe-oublie")).andReturn().getFlashMap().get("flash").toString();
        String other = mvc.perform(post("/mot-de-passe-oublie").param("email", unknown).with(csrf()))
                .andExpect(redirectedUrl("/mot-de-passe-oublie")).andReturn().getFlashMap().get("flash").toString();
        assertThat(known.replace(email, "X")).isEqualTo(other.replace(unknown, "X"));
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(unknown).query(Long.class).single()).isZero();

        String mail = lastMailTo(email);
        assertThat(mail).contains("valable 60 minutes");
        String path = path(link(mail, "/mot-de-passe/"));
        assertThat(jdbc.sql("select count(*) from account_token where token_hash = ?")
                .param(AccountTokens.hash(path.substring("/mot-de-passe/".length()))).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choisir un nouveau mot de passe")));
        mvc.perform(post(path).param("password", "court").param("confirmation", "court").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("au moins 10 caractères")));
        mvc.perform(post(path).param("password", "nouvelle phrase secrète").param("confirmation", "nouvelle phrase secrète").with(csrf()))
                .andExpect(redirectedUrl("/connexion"));

        mvc.perform(login(email, PASSWORD, "10.5.0.1")).andExpect(redirectedUrl("/connexion?erreur=identifiants"));
        mvc.perform(login(email, "nouvelle phrase secrète", "10.5.0.1")).andExpect(redirectedUrl("/mon-espace"));
        // single use
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce lien ne fonctionne plus")));
        // expired links do not work either
        mvc.perform(post("/mot-de-passe-oublie").param("email", email).with(csrf()));
        String second = path(link(lastMailTo(email), "/mot-de-passe/"));
        jdbc.sql("update account_token set expires_at = now() - interval '1 minute' where token_hash = ?")
                .param(AccountTokens.hash(second.substring("/mot-de-passe/".length()))).update();
        mvc.perform(get(second)).andExpect(content().string(org.hamcrest.Matchers.containsString("Ce lien ne fonctionne plus")));
    }

    // ---- my space

    @Test
    void profilePasswordExportAndDeletion() throws Exception {
        String email = confirmedMember("Profil");
        MockHttpSession session = session(email, PASSWORD);

        mvc.perform(post("/mon-espace/profil").session(session).with(csrf()).param("displayName", "").param("locale", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez votre nom.")));
        var language = mvc.perform(post("/mon-espace/profil").session(session).with(csrf()).param("displayName", "Nouveau Nom").param("locale", "en"))
                .andExpect(redirectedUrl("/mon-espace")).andReturn().getResponse().getCookie("maillage_lang");
        assertThat(language.getValue()).isEqualTo("en");
        mvc.perform(get("/mon-espace").session(session).cookie(language))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Signed in as Nouveau Nom")));

        mvc.perform(post("/mon-espace/mot-de-passe").session(session).cookie(language).with(csrf())
                        .param("currentPassword", "faux mot de passe").param("newPassword", "encore une phrase").param("confirmation", "encore une phrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The current password is incorrect.")));

        mvc.perform(get("/mon-espace/mes-donnees.json").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"email\":\"" + email.toLowerCase() + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("privacyPolicyAcceptedAt")));

        long id = jdbc.sql("select id from person where email = ?").param(email.toLowerCase()).query(Long.class).single();
        mvc.perform(post("/mon-espace/suppression").session(session).with(csrf()).param("password", PASSWORD))
                .andExpect(status().isOk());
        assertThat(person(email)).isEqualTo(1);
        mvc.perform(post("/mon-espace/suppression").session(session).with(csrf()).param("password", PASSWORD).param("confirm", "true"))
                .andExpect(redirectedUrl("/"));
        assertThat(person(email)).isZero();
        assertThat(jdbc.sql("select display_name from person where id = ?").param(id).query(String.class).single()).isEqualTo("—");
        assertThat(events.stream(PersonDeleted.class)).containsExactly(new PersonDeleted(id));
        mvc.perform(login(email, PASSWORD, "10.6.0.1")).andExpect(redirectedUrl("/connexion?erreur=identifiants"));
    }

    // ---- admin area

    @Test
    void membersAreForbiddenInTheAdminAreaAndVisitorsAreSentToLogin() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/mon-espace")).andExpect(redirectedUrl("/connexion"));
        MockHttpSession member = session(confirmedMember("Membre"), PASSWORD);
        mvc.perform(get("/admin").session(member)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/personnes").session(member)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/courriels").session(member)).andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorFromPropertiesExistsAndOnlyAdministratorsChangeRoles() throws Exception {
        assertThat(jdbc.sql("select role || ' ' || email_verified from person where email = 'premier.admin@maillage.test'")
                .query(String.class).single()).isEqualTo("ADMIN true");
        MockHttpSession admin = session("premier.admin@maillage.test", "administrateur-solide");
        mvc.perform(get("/admin").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tableau de bord")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Personnes inscrites")));

        String email = confirmedMember("Equipe");
        long id = jdbc.sql("select id from person where email = ?").param(email.toLowerCase()).query(Long.class).single();
        mvc.perform(get("/admin/personnes").param("q", email).session(admin))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(email.toLowerCase())));
        mvc.perform(post("/admin/personnes/{id}/role", id).param("role", "STAFF").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/personnes"));
        assertThat(jdbc.sql("select role from person where id = ?").param(id).query(String.class).single()).isEqualTo("STAFF");
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'person.role' and target_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);

        // the new staff member sees the admin area and the journal, but cannot grant roles
        MockHttpSession staff = session(email, PASSWORD);
        mvc.perform(get("/admin/journal").session(staff)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Changement de rôle")));
        mvc.perform(post("/admin/personnes/{id}/role", id).param("role", "ADMIN").session(staff).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select role from person where id = ?").param(id).query(String.class).single()).isEqualTo("STAFF");
    }

    @Test
    void theSetupLinkCreatesTheFirstAdministratorOnce() throws Exception {
        String token = bootstrap.newSetupToken();
        mvc.perform(get("/installation/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Créer le premier administrateur")));
        String email = uniqueEmail("Installation");
        mvc.perform(post("/installation/" + token).with(csrf()).param("displayName", "Alix").param("email", email).param("password", "court"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("au moins 10 caractères")));
        assertThat(person(email)).isZero();
        mvc.perform(post("/installation/" + token).with(csrf()).param("displayName", "Alix").param("email", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/connexion"));
        assertThat(jdbc.sql("select role || ' ' || email_verified from person where email = ?").param(email.toLowerCase())
                .query(String.class).single()).isEqualTo("ADMIN true");
        mvc.perform(get("/installation/" + token))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ne fonctionne plus")));
        mvc.perform(get("/admin").session(session(email, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void rememberMeKeepsThePersonSignedInWithAPersistentToken() throws Exception {
        String email = confirmedMember("Souvenir");
        MvcResult result = mvc.perform(login(email, PASSWORD, "10.7.0.1").param("seSouvenir", "true"))
                .andExpect(redirectedUrl("/mon-espace")).andReturn();
        var cookie = result.getResponse().getCookie("maillage_souvenir");
        assertThat(cookie).isNotNull();
        assertThat(jdbc.sql("select count(*) from persistent_logins where username = ?").param(email.toLowerCase())
                .query(Long.class).single()).isEqualTo(1);
        // a new browser session with only the cookie
        mvc.perform(get("/mon-espace").cookie(cookie)).andExpect(status().isOk());
    }

    // ---- helpers

    private MockHttpServletRequestBuilder signUp(String name, String email, String password, boolean consent) {
        MockHttpServletRequestBuilder request = post("/inscription").with(csrf())
                .param("displayName", name).param("email", email).param("password", password);
        return consent ? request.param("privacyAccepted", "true") : request;
    }

    private MockHttpServletRequestBuilder login(String email, String password, String ip) {
        return post("/connexion").with(csrf()).param("email", email).param("motDePasse", password)
                .with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                });
    }

    private MockHttpSession session(String email, String password) throws Exception {
        MvcResult result = mvc.perform(login(email, password, "10.9.9.9")).andExpect(redirectedUrl("/mon-espace")).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** A confirmed member, signed up through the pages. */
    private String confirmedMember(String name) throws Exception {
        String email = uniqueEmail(name);
        mvc.perform(signUp(name, email, PASSWORD, true)).andExpect(status().isFound());
        mvc.perform(get(path(link(lastMailTo(email), "/confirmation/")))).andExpect(redirectedUrl("/connexion"));
        return email;
    }

    private static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Exemple.fr";
    }

    private long person(String email) {
        return jdbc.sql("select count(*) from person where lower(email) = lower(?) and deleted_at is null").param(email).query(Long.class).single();
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
