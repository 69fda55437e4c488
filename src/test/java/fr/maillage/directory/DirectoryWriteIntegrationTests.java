package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The write side of the directory, as people use it: referencing form, duplicates, join
 * requests, moderation, edits with history, revert, merge, freshness reminders, themes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DirectoryWriteIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Reference reference;

    final WriteSideTestPerson staff = WriteSideTestPerson.staff("Camille Équipe");

    // ------------------------------------------------------------------ helpers

    static String token() {
        // letters only, so that no two tokens look alike to the duplicate finder
        StringBuilder sb = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            sb.append((char) ('a' + Character.digit(c, 16)));
            if (sb.length() == 10) {
                break;
            }
        }
        return sb.toString();
    }

    static Map<String, String> validForm(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("acronym", "ASI");
        p.put("structureType", "association");
        p.put("college", "");
        p.put("siret", "");
        p.put("rna", "");
        p.put("addressLine", "12 rue de la République");
        p.put("postalCode", "69003");
        p.put("city", "Lyon");
        p.put("website", "www.exemple.fr");
        p.put("publicEmail", "contact@exemple.fr");
        p.put("showEmail", "true");
        p.put("phone", "04.78.12.34.56");
        p.put("showPhone", "false");
        p.put("description", "Nous **soutenons** des projets d’eau potable.");
        p.put("themes", "eau-assainissement");
        p.put("countries[0].code", "SN");
        p.put("countries[0].place", "Saint-Louis");
        p.put("countries[1].code", "ML");
        p.put("countries[1].place", "");
        p.put("countries[2].code", "");
        p.put("countries[2].place", "");
        p.put("sdgs", "6");
        p.put("keywords", "forage, Forage ,  gestion de l’eau, formation");
        p.put("yearFounded", "1998");
        p.put("volunteers", "25");
        p.put("employees", "2");
        p.put("member", "true");
        return p;
    }

    static MockMultipartHttpServletRequestBuilder form(String url, Map<String, String> params, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart(url);
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        params.forEach(b::param);
        b.param("themes", params.get("themes").split(","));
        return b;
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x0b5d57);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    long countByName(String name) {
        return jdbc.sql("select count(*) from organisation where name = ?").param(name).query(Long.class).single();
    }

    long idOf(String name) {
        return jdbc.sql("select id from organisation where name = ?").param(name).query(Long.class).single();
    }

    String slugOf(long id) {
        return jdbc.sql("select slug from organisation where id = ?").param(id).query(String.class).single();
    }

    String statusOf(long id) {
        return jdbc.sql("select status from organisation where id = ?").param(id).query(String.class).single();
    }

    /** Staff are told once each (other test classes of the run may have created staff accounts); the site's address when there is none. */
    long staffRecipients() {
        long staff = jdbc.sql("select count(*) from person where role in ('STAFF', 'ADMIN') and deleted_at is null").query(Long.class).single();
        return Math.max(1, staff);
    }

    List<String> mailSubjects(String to) {
        return jdbc.sql("select subject from mail_outbox where recipient = ? order by id").param(to).query(String.class).list();
    }

    String lastMailBody(String to) {
        return jdbc.sql("select body_text from mail_outbox where recipient = ? order by id desc limit 1").param(to).query(String.class).single();
    }

    /** Submits a valid structure through the form (as {@code who}) and returns its id. */
    long submit(WriteSideTestPerson who, Map<String, String> params) throws Exception {
        var response = mvc.perform(form("/se-referencer", params).with(user(who)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(() -> errorsIn(response)).isEqualTo(302);
        return idOf(params.get("name"));
    }

    static String errorsIn(org.springframework.mock.web.MockHttpServletResponse response) {
        try {
            var m = java.util.regex.Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<").matcher(response.getContentAsString());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                sb.append(m.group(1)).append(" | ");
            }
            return sb.length() == 0 ? response.getContentAsString().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", "") : sb.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    String page(String url, WriteSideTestPerson who) throws Exception {
        return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    // ------------------------------------------------------------------ referencing

    @Test
    void aValidStructureIsPendingWithItsHistoryAndMailsAndTheSubmitterAsAdmin() throws Exception {
        WriteSideTestPerson alice = WriteSideTestPerson.member("Alice Martin");
        String name = "Eau pour tous " + token();
        MockMultipartFile logo = new MockMultipartFile("logo", "logo.png", "image/png", png(40, 40));

        String formPage = page("/se-referencer", alice);
        assertThat(formPage).contains("Référencez votre structure", "Code postal", "Pays d’intervention", "Envoyer ma demande de référencement");

        mvc.perform(form("/se-referencer", validForm(name), logo).with(user(alice)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/mon-espace/structures"));

        Map<String, Object> row = jdbc.sql("select * from organisation where name = ?").param(name).query().singleRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("departement")).isEqualTo("69");
        assertThat(row.get("region")).isEqualTo("84");
        assertThat(row.get("college")).isEqualTo("associations"); // from the type
        assertThat(row.get("website")).isEqualTo("https://www.exemple.fr");
        assertThat(row.get("phone")).isEqualTo("04 78 12 34 56");
        assertThat(row.get("show_email")).isEqualTo(true);
        assertThat(row.get("created_by")).isEqualTo(alice.personId());
        assertThat(jdbc.sql("select keyword from organisation_keyword where organisation_id = ? order by keyword").param(id).query(String.class).list())
                .containsExactly("forage", "formation", "gestion de l’eau");
        assertThat(jdbc.sql("select country_code || ':' || coalesce(place, '') from organisation_country where organisation_id = ? order by position")
                .param(id).query(String.class).list()).containsExactly("SN:Saint-Louis", "ML:");
        assertThat(jdbc.sql("select role from organisation_member where organisation_id = ? and person_id = ?")
                .params(id, alice.personId()).query(String.class).single()).isEqualTo("ADMIN");
        assertThat(jdbc.sql("select kind from organisation_revision where organisation_id = ?").param(id).query(String.class).list())
                .containsExactly("CREATED");
        assertThat(jdbc.sql("select snapshot->>'name' from organisation_revision where organisation_id = ?").param(id).query(String.class).single())
                .isEqualTo(name);

        assertThat(mailSubjects(alice.email())).anyMatch(s -> s.contains("bien reçue") && s.contains(name));
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject = ?").param("Nouvelle structure à valider\u00a0: " + name)
                .query(Long.class).single()).isEqualTo(staffRecipients());

        // the logo was sniffed, stored under a random key and is served with its type and a long cache
        String logoKey = (String) row.get("logo_key");
        assertThat(logoKey).matches("[0-9a-f]{32}\\.png");
        mvc.perform(get("/fichiers/" + logoKey).with(user(alice)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000")));
        mvc.perform(get("/fichiers/..%2F..%2Fetc%2Fpasswd").with(user(alice))).andExpect(status().is4xxClientError());

        // the submitter sees it waiting, with what happens next
        String mine = page("/mon-espace/structures", alice);
        assertThat(mine).contains(name, "En attente de validation", "L’équipe du réseau vérifie votre fiche");
        assertThat(directory.structuresOf(alice.personId()))
                .anyMatch(s -> s.name().equals(name) && s.status() == OrganisationStatus.PENDING && s.role() == MemberRole.ADMIN);
    }

    @Test
    void badInputGetsFrenchFieldErrorsKeepsWhatWasTypedAndSavesNothing() throws Exception {
        WriteSideTestPerson bob = WriteSideTestPerson.member("Bob Durand");
        record Case(String field, String value, MockMultipartFile logo, String message) {
        }
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".getBytes();
        byte[] big = Arrays.copyOf(png(10, 10), 3 * 1024 * 1024);
        List<Case> cases = List.of(
                new Case("siret", "12345678901234", null, "Ce numéro SIRET n’est pas valide"),
                new Case("siret", "1234", null, "Le numéro SIRET doit comporter 14 chiffres"),
                new Case("rna", "X123", null, "Le numéro RNA s’écrit W suivi de 9 chiffres"),
                new Case("postalCode", "6900", null, "Le code postal doit comporter 5 chiffres"),
                new Case("postalCode", "00100", null, "Ce code postal ne correspond à aucun département français"),
                new Case("countries[0].code", "XX", null, "Choisissez un pays dans la liste"),
                new Case("themes", "", null, "Cochez au moins un thème"),
                new Case("yearFounded", "2999", null, "Indiquez une année entre 1800"),
                new Case("yearFounded", "mille", null, "Indiquez un nombre entier"),
                new Case("volunteers", "-3", null, "Indiquez un nombre positif ou nul"),
                new Case("website", "javascript:alert(1)", null, "Indiquez une adresse web complète"),
                new Case("phone", "12 34", null, "Ce numéro n’est pas valide"),
                new Case("keywords", String.join(",", java.util.Collections.nCopies(21, "x").stream().map(x -> x + token()).toList()), null, "20 mots-clés au plus"),
                new Case(null, null, new MockMultipartFile("logo", "logo.png", "image/png", pdf), "Le logo doit être une image PNG, JPEG ou WebP"),
                new Case(null, null, new MockMultipartFile("logo", "logo.png", "image/png", big), "Le logo dépasse 2 Mo"));
        for (Case c : cases) {
            String name = "Structure invalide " + token();
            Map<String, String> params = validForm(name);
            if (c.field() != null) {
                params.put(c.field(), c.value());
            }
            MockMultipartFile[] files = c.logo() == null ? new MockMultipartFile[0] : new MockMultipartFile[] {c.logo()};
            String html = mvc.perform(form("/se-referencer", params, files).with(user(bob)).with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(c.message()).contains(c.message(), "field-error", "Le formulaire contient");
            assertThat(html).as("keeps the typed name").contains("value=\"" + name + "\"");
            assertThat(countByName(name)).as("nothing saved for " + c.message()).isZero();
        }

        // HTML typed into the name is refused, and shown back escaped, never run
        String evil = "<script>alert('x')</script>Amis " + token();
        String html = mvc.perform(form("/se-referencer", validForm(evil)).with(user(bob)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Les caractères &lt; et &gt; ne sont pas acceptés ici").doesNotContain("<script>alert('x')</script>");
        assertThat(countByName(evil)).isZero();

        // HTML in the description is stored as text and rendered sanitised
        String name = "Texte libre " + token();
        Map<String, String> params = validForm(name);
        params.put("description", "<img src=x onerror=alert(1)> **gras**");
        long id = submit(bob, params);
        String admin = page("/admin/structures/" + id, staff);
        assertThat(admin).contains("<strong>gras</strong>").doesNotContain("onerror=alert(1)>");
    }

    @Test
    void theDepartementIsDerivedFromThePostalCodeIncludingCorsicaAndOverseas() throws Exception {
        WriteSideTestPerson carla = WriteSideTestPerson.member("Carla Santoni");
        Map<String, String[]> expected = Map.of(
                "20000", new String[] {"2A", "94"},
                "20200", new String[] {"2B", "94"},
                "97100", new String[] {"971", "01"},
                "35000", new String[] {"35", "53"});
        for (var e : expected.entrySet()) {
            String name = "Insulaire " + token();
            Map<String, String> params = validForm(name);
            params.put("postalCode", e.getKey());
            long id = submit(carla, params);
            Map<String, Object> row = jdbc.sql("select departement, region from organisation where id = ?").param(id).query().singleRow();
            assertThat(row.get("departement")).as(e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(row.get("region")).as(e.getKey()).isEqualTo(e.getValue()[1]);
        }
        assertThat(reference.departementForPostalCode("97133")).contains("977");
    }

    // ------------------------------------------------------------------ duplicates and join requests

    @Test
    void aSimilarNameInTheSameDepartementShowsTheDuplicatesStepAndCanContinue() throws Exception {
        WriteSideTestPerson first = WriteSideTestPerson.member("Fatou Ndiaye");
        WriteSideTestPerson second = WriteSideTestPerson.member("Jean Dupont");
        String t = token();
        Map<String, String> original = validForm("Les amis du Sénégal " + t);
        original.put("postalCode", "35000");
        original.put("city", "Rennes");
        long originalId = submit(first, original);

        Map<String, String> again = validForm("Amis du Senegal " + t);
        again.put("postalCode", "35200");
        again.put("city", "Rennes");
        String html = mvc.perform(form("/se-referencer", again, new MockMultipartFile("logo", "l.png", "image/png", png(8, 8)))
                        .with(user(second)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Cette structure existe peut-être déjà", "Les amis du Sénégal " + t,
                "Nom très proche, dans le même département", "Demander à rejoindre cette structure",
                "C’est bien une autre structure, continuer", "/acteurs/" + slugOf(originalId) + "/rejoindre");
        assertThat(countByName("Amis du Senegal " + t)).isZero();
        String keptLogo = html.replaceAll("(?s).*name=\"logoKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(keptLogo).matches("[0-9a-f]{32}\\.png");

        // a different département is not a duplicate
        Map<String, String> elsewhere = validForm("Amis du Sénégal " + t);
        elsewhere.put("postalCode", "13001");
        elsewhere.put("city", "Marseille");
        submit(second, elsewhere);
        assertThat(countByName("Amis du Sénégal " + t)).isOne();

        // "it is another structure": saved, with the logo kept from the first step
        again.put("confirmDistinct", "true");
        again.put("logoKey", keptLogo);
        long id = submit(second, again);
        assertThat(jdbc.sql("select logo_key from organisation where id = ?").param(id).query(String.class).single()).isEqualTo(keptLogo);
    }

    @Test
    void theSameSiretIsADuplicateAndTheJoinRequestIsApprovedOrRefusedByTheAdmins() throws Exception {
        WriteSideTestPerson admin = WriteSideTestPerson.member("Awa Traoré");
        WriteSideTestPerson joiner = WriteSideTestPerson.member("Paul Morel");
        WriteSideTestPerson other = WriteSideTestPerson.member("Léa Petit");
        String siret = luhnSiret();
        Map<String, String> original = validForm("Coopération Bamako " + token());
        original.put("siret", siret);
        long id = submit(admin, original);
        String slug = slugOf(id);

        Map<String, String> dup = validForm("Tout autre nom " + token());
        dup.put("siret", siret);
        dup.put("postalCode", "75011");
        String html = mvc.perform(form("/se-referencer", dup).with(user(joiner)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Même numéro SIRET", original.get("name"));

        // "ask to join this structure"
        mvc.perform(post("/acteurs/" + slug + "/rejoindre").param("message", "Je suis la trésorière <b>!</b>").with(user(joiner)).with(csrf()))
                .andExpect(redirectedUrl("/mon-espace/structures"));
        assertThat(mailSubjects(admin.email())).anyMatch(s -> s.startsWith("Demande pour rejoindre"));
        assertThat(lastMailBody(admin.email())).contains("Paul Morel", "/acteurs/" + slug + "/membres");

        String mine = page("/mon-espace/structures", admin);
        assertThat(mine).contains("Paul Morel demande à rejoindre", "Je suis la trésorière &lt;b&gt;!&lt;/b&gt;", "Accepter", "Refuser",
                "/acteurs/" + slug + "/membres/demandes/", "value=\"/mon-espace/structures\"");
        String members = page("/acteurs/" + slug + "/membres", admin);
        assertThat(members).contains("Paul Morel", "Awa Traoré");

        long requestId = directory.pendingJoinRequests(id).get(0).id();
        // someone who is not an admin of the structure cannot decide
        mvc.perform(post("/acteurs/" + slug + "/membres/demandes/" + requestId).param("decision", "approve").with(user(other)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/acteurs/" + slug + "/membres/demandes/" + requestId).param("decision", "approve").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.roleOf(id, joiner.personId())).contains(MemberRole.EDITOR);
        assertThat(mailSubjects(joiner.email())).anyMatch(s -> s.startsWith("Vous avez rejoint"));

        // a refused request is told too
        mvc.perform(post("/acteurs/" + slug + "/rejoindre").with(user(other)).with(csrf())).andExpect(status().is3xxRedirection());
        long refusedId = directory.pendingJoinRequests(id).get(0).id();
        mvc.perform(post("/acteurs/" + slug + "/membres/demandes/" + refusedId).param("decision", "refuse").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.roleOf(id, other.personId())).isEmpty();
        assertThat(lastMailBody(other.email())).contains("n’a pas été acceptée");
        assertThat(page("/mon-espace/structures", other)).contains(original.get("name"), "refusée");
    }

    @Test
    void staffDecideJoinRequestsForAStructureWithoutAdmin() throws Exception {
        WriteSideTestPerson founder = WriteSideTestPerson.member("Ancien Président");
        WriteSideTestPerson joiner = WriteSideTestPerson.member("Nouvelle Présidente");
        long id = submit(founder, validForm("Orpheline " + token()));
        jdbc.sql("delete from organisation_member where organisation_id = ?").param(id).update();
        directory.requestToJoin(id, joiner, "Je reprends la présidence");
        assertThat(page("/admin/moderation", staff)).contains("Nouvelle Présidente demande à rejoindre", "/membres/demandes/",
                "value=\"/admin/moderation\"");
        long requestId = directory.pendingJoinRequests(id).get(0).id();
        mvc.perform(post("/acteurs/" + slugOf(id) + "/membres/demandes/" + requestId).param("decision", "approve")
                        .param("retour", "/admin/moderation").with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/moderation"));
        assertThat(directory.roleOf(id, joiner.personId())).contains(MemberRole.ADMIN);
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'directory.join.approve' and target_id = ?").param(id)
                .query(Long.class).single()).isOne();
    }

    static String luhnSiret() {
        java.util.Random random = new java.util.Random();
        while (true) {
            StringBuilder sb = new StringBuilder("4");
            for (int i = 0; i < 13; i++) {
                sb.append(random.nextInt(10));
            }
            if (validSiret(sb.toString())) {
                return sb.toString();
            }
        }
    }

    // ------------------------------------------------------------------ moderation

    @Test
    void staffApproveAskForChangesRefuseWithMailsAndLog() throws Exception {
        WriteSideTestPerson owner = WriteSideTestPerson.member("Nadia Benali");
        String name = "Jumelage Kayes " + token();
        long id = submit(owner, validForm(name));

        String queue = page("/admin/moderation", staff);
        assertThat(queue).contains(name, "Structures à valider");
        assertThat(page("/admin/structures/" + id, staff)).contains(name, "Publier la structure", "Fiche créée", "Historique");

        // a member is not staff: refused, nothing changes
        mvc.perform(post("/admin/structures/" + id + "/approuver").with(user(owner)).with(csrf())).andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("PENDING");

        // ask for changes: a message is required
        mvc.perform(post("/admin/structures/" + id + "/demander-modifications").param("message", " ").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PENDING");
        mvc.perform(post("/admin/structures/" + id + "/demander-modifications").param("message", "Précisez vos pays d’intervention.")
                        .with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/structures/" + id));
        assertThat(statusOf(id)).isEqualTo("CHANGES_REQUESTED");
        assertThat(lastMailBody(owner.email())).contains("Précisez vos pays d’intervention.", "/acteurs/" + slugOf(id) + "/modifier");
        assertThat(page("/mon-espace/structures", owner)).contains("Modifications demandées", "Précisez vos pays d’intervention.");

        // the submitter corrects and resubmits: back to the queue, staff told
        String edit = page("/acteurs/" + slugOf(id) + "/modifier", owner);
        assertThat(edit).contains("Enregistrer et renvoyer en validation", "Précisez vos pays d’intervention.");
        Map<String, String> corrected = validForm(name);
        corrected.put("countries[2].code", "BF");
        corrected.put("version", versionOf(id));
        mvc.perform(form("/acteurs/" + slugOf(id) + "/modifier", corrected).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/mon-espace/structures"));
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject = ?").param("Fiche corrigée à valider\u00a0: " + name)
                .query(Long.class).single()).isEqualTo(staffRecipients());

        // approve
        mvc.perform(post("/admin/structures/" + id + "/approuver").with(user(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select published_at is not null from organisation where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(mailSubjects(owner.email())).anyMatch(s -> s.contains("est publiée dans l’annuaire"));
        assertThat(jdbc.sql("select action from staff_action where target_type = 'organisation' and target_id = ? order by id").param(id)
                .query(String.class).list()).containsExactly("directory.request-changes", "directory.approve");
        assertThat(jdbc.sql("select kind from organisation_revision where organisation_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("CREATED", "CHANGES_REQUESTED", "RESUBMITTED", "APPROVED");

        // refuse another one
        WriteSideTestPerson spammer = WriteSideTestPerson.member("Vendeur");
        long spam = submit(spammer, validForm("Promo pas chère " + token()));
        mvc.perform(post("/admin/structures/" + spam + "/refuser").param("message", "Ce n’est pas un acteur de la coopération.")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(spam)).isEqualTo("REFUSED");
        assertThat(lastMailBody(spammer.email())).contains("Ce n’est pas un acteur de la coopération.");
        assertThat(page("/admin/structures?statut=REFUSED&q=promo", staff)).contains("Promo pas chère");
    }

    String versionOf(long id) {
        return String.valueOf(jdbc.sql("select version from organisation where id = ?").param(id).query(Integer.class).single());
    }

    @Test
    void mergingKeepsPeopleThemesCountriesAndHistoryAndRedirectsTheRemovedSlug() throws Exception {
        WriteSideTestPerson a = WriteSideTestPerson.member("Admin Gardée");
        WriteSideTestPerson b = WriteSideTestPerson.member("Admin Doublon");
        String t = token();
        Map<String, String> keptForm = validForm("Terre solidaire " + t);
        long kept = submit(a, keptForm);
        Map<String, String> removedForm = validForm("Terre solidaire 2 " + t);
        removedForm.put("themes", "sante");
        removedForm.put("countries[0].code", "HT");
        removedForm.put("countries[0].place", "Jacmel");
        removedForm.put("confirmDistinct", "true");
        long removed = submit(b, removedForm);
        directory.approve(kept, staff);

        assertThat(page("/admin/structures/" + removed, staff)).contains("Fusionner dans «\u00a0Terre solidaire " + t);
        mvc.perform(post("/admin/structures/" + removed + "/fusionner").param("into", "/acteurs/" + slugOf(kept)).with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/structures/" + kept));

        assertThat(statusOf(removed)).isEqualTo("MERGED");
        assertThat(jdbc.sql("select merged_into_id from organisation where id = ?").param(removed).query(Long.class).single()).isEqualTo(kept);
        assertThat(directory.roleOf(kept, b.personId())).contains(MemberRole.ADMIN);
        assertThat(directory.roleOf(kept, a.personId())).contains(MemberRole.ADMIN);
        assertThat(jdbc.sql("select theme_code from organisation_theme where organisation_id = ? order by 1").param(kept).query(String.class).list())
                .containsExactly("eau-assainissement", "sante");
        assertThat(jdbc.sql("select country_code from organisation_country where organisation_id = ? order by position").param(kept).query(String.class).list())
                .containsExactly("SN", "ML", "HT");
        assertThat(directory.mergedTarget(slugOf(removed))).contains(slugOf(kept));
        assertThat(directory.mergedTarget(slugOf(kept))).isEmpty();
        assertThat(directory.history(removed)).extracting(Revision::kind).contains("MERGED", "CREATED");
        assertThat(directory.structuresOf(b.personId())).extracting(MyStructure::id).containsExactly(kept);
        assertThat(mailSubjects(b.email())).anyMatch(s -> s.startsWith("Fiches fusionnées"));
        assertThat(mailSubjects(a.email())).anyMatch(s -> s.startsWith("Fiches fusionnées"));
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'directory.merge' and target_id = ?").param(kept)
                .query(Long.class).single()).isOne();
    }

    // ------------------------------------------------------------------ editing, history, revert

    @Test
    void anEditorChangesAPublishedStructureAndStaffReadTheDiffAndRevert() throws Exception {
        WriteSideTestPerson owner = WriteSideTestPerson.member("Propriétaire");
        WriteSideTestPerson editor = WriteSideTestPerson.member("Rédactrice");
        WriteSideTestPerson stranger = WriteSideTestPerson.member("Inconnu");
        String name = "Lycee solidaire " + token();
        long id = submit(owner, validForm(name));
        directory.approve(id, staff);
        long req = directory.requestToJoin(id, editor, null);
        directory.decideJoinRequest(req, true, owner);
        String slug = slugOf(id);

        mvc.perform(get("/acteurs/" + slug + "/modifier").with(user(stranger))).andExpect(status().isForbidden());
        String form = page("/acteurs/" + slug + "/modifier", editor);
        assertThat(form).contains("value=\"" + name + "\"", "Rien à changer", "Saint-Louis");

        Map<String, String> changed = validForm(name);
        changed.put("city", "Villeurbanne");
        changed.put("postalCode", "69100");
        changed.put("version", versionOf(id));
        mvc.perform(form("/acteurs/" + slug + "/modifier", changed).with(user(editor)).with(csrf()))
                .andExpect(redirectedUrl("/mon-espace/structures"));
        assertThat(jdbc.sql("select city from organisation where id = ?").param(id).query(String.class).single()).isEqualTo("Villeurbanne");
        Map<String, Object> rev = jdbc.sql("select kind, actor_id, actor_name, summary from organisation_revision where organisation_id = ? order by id desc limit 1")
                .param(id).query().singleRow();
        assertThat(rev.get("kind")).isEqualTo("UPDATED");
        assertThat(rev.get("actor_id")).isEqualTo(editor.personId());
        assertThat(rev.get("actor_name")).isEqualTo("Rédactrice");
        assertThat((String) rev.get("summary")).contains("postalCode", "city");

        // a stale form (someone saved in between) is refused with a clear message
        Map<String, String> stale = validForm(name);
        stale.put("city", "Bron");
        stale.put("version", "0");
        String conflict = mvc.perform(form("/acteurs/" + slug + "/modifier", stale).with(user(owner)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Quelqu’un d’autre a modifié cette fiche");
        assertThat(jdbc.sql("select city from organisation where id = ?").param(id).query(String.class).single()).isEqualTo("Villeurbanne");

        // staff read the diff
        String admin = page("/admin/structures/" + id, staff);
        assertThat(admin).contains("Fiche modifiée", "Rédactrice", "<del>Lyon</del>", "<ins>Villeurbanne</ins>", "Revenir à cette version");

        // and go back to the version as created
        long created = jdbc.sql("select id from organisation_revision where organisation_id = ? and kind = 'CREATED'").param(id).query(Long.class).single();
        mvc.perform(post("/admin/structures/" + id + "/revenir/" + created).with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/structures/" + id));
        assertThat(jdbc.sql("select city || ' ' || postal_code || ' ' || status from organisation where id = ?").param(id).query(String.class).single())
                .isEqualTo("Lyon 69003 PUBLISHED");
        assertThat(directory.history(id).get(0).kind()).isEqualTo("REVERTED");
        assertThat(directory.history(id).get(0).changes()).extracting(Revision.FieldChange::field).contains("city", "postalCode");
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'directory.revert' and target_id = ?").param(id).query(Long.class).single()).isOne();
    }

    // ------------------------------------------------------------------ freshness

    @Test
    void onlyStaffChangeTheMembershipOfAPublishedStructure() throws Exception {
        WriteSideTestPerson owner = WriteSideTestPerson.member("Adhérente déclarée");
        String name = "Collectif adherent " + token();
        Map<String, String> declared = validForm(name);
        declared.put("member", "true");
        long id = submit(owner, declared);
        assertThat(jdbc.sql("select member from organisation where id = ?").param(id).query(Boolean.class).single()).isTrue();
        directory.approve(id, staff);
        String slug = slugOf(id);

        // the owner sees the box locked with why, and a forged "member=false" changes nothing
        assertThat(page("/acteurs/" + slug + "/modifier", owner)).contains("tient à jour l’adhésion");
        Map<String, String> quit = validForm(name);
        quit.remove("member");
        quit.put("city", "Talence");
        quit.put("version", versionOf(id));
        mvc.perform(form("/acteurs/" + slug + "/modifier", quit).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/mon-espace/structures"));
        assertThat(jdbc.sql("select member from organisation where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select city from organisation where id = ?").param(id).query(String.class).single()).isEqualTo("Talence");

        // staff can
        Map<String, String> byStaff = validForm(name);
        byStaff.remove("member");
        byStaff.put("city", "Talence");
        byStaff.put("version", versionOf(id));
        mvc.perform(form("/acteurs/" + slug + "/modifier", byStaff).with(user(staff)).with(csrf()));
        assertThat(jdbc.sql("select member from organisation where id = ?").param(id).query(Boolean.class).single()).isFalse();
    }

    @Test
    void staleStructuresAreListedAndAskedForAReviewThatNothingToChangeAnswers() throws Exception {
        WriteSideTestPerson owner = WriteSideTestPerson.member("Vieille Fiche");
        String name = "Ancienne fiche " + token();
        long id = submit(owner, validForm(name));
        directory.approve(id, staff);
        jdbc.sql("update organisation set updated_at = now() - interval '400 days' where id = ?").param(id).update();

        String list = page("/admin/structures/a-relancer", staff);
        assertThat(list).contains(name, "Demander une mise à jour");
        assertThat(directory.stale(0, 10_000).items()).extracting(OrganisationRow::id).contains(id);

        mvc.perform(post("/admin/structures/a-relancer").param("ids", String.valueOf(id)).with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/structures/a-relancer"));
        assertThat(jdbc.sql("select review_requested_at is not null from organisation where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(mailSubjects(owner.email())).anyMatch(s -> s.contains("toujours à jour"));
        assertThat(lastMailBody(owner.email())).contains("/acteurs/" + slugOf(id) + "/modifier");

        // "nothing to change" counts as an update
        Map<String, String> same = validForm(name);
        same.put("version", versionOf(id));
        mvc.perform(form("/acteurs/" + slugOf(id) + "/modifier", same).param("nothingToChange", "1").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/mon-espace/structures"));
        assertThat(directory.stale(0, 10_000).items()).extracting(OrganisationRow::id).doesNotContain(id);
        assertThat(jdbc.sql("select review_requested_at is null and updated_at > now() - interval '1 minute' from organisation where id = ?")
                .param(id).query(Boolean.class).single()).isTrue();
        assertThat(directory.history(id).get(0).kind()).isEqualTo("CONFIRMED");
    }

    // ------------------------------------------------------------------ themes thesaurus

    @Test
    void staffEditTheThemesAndTheReferenceListFollows() throws Exception {
        assertThat(page("/admin/themes", staff)).contains("Thésaurus des thèmes", "Eau, assainissement, hygiène");

        String bad = mvc.perform(post("/admin/themes/genre").param("labelFr", "Égalité").param("labelEn", "Gender")
                        .param("dacCodes", "15170").param("sdgGoals", "5;18").param("position", "13").param("active", "true")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Indiquez des numéros d’ODD entre 1 et 17");
        assertThat(reference.label(RefList.THEMES, "genre", java.util.Locale.FRENCH)).isEqualTo("Égalité femmes-hommes");

        mvc.perform(post("/admin/themes/genre").param("labelFr", "Égalité entre les femmes et les hommes").param("labelEn", "Gender equality")
                        .param("dacCodes", "15170; 15180").param("sdgGoals", "5").param("position", "13").param("active", "true")
                        .with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/themes"));
        assertThat(reference.label(RefList.THEMES, "genre", java.util.Locale.FRENCH)).isEqualTo("Égalité entre les femmes et les hommes");
        assertThat(reference.find(RefList.THEMES, "genre").orElseThrow().extra("dac")).isEqualTo("15170;15180");

        String label = "Sport et développement " + token();
        mvc.perform(post("/admin/themes").param("labelFr", label).param("labelEn", "Sport for development")
                        .param("dacCodes", "").param("sdgGoals", "3").param("position", "30").param("_active", "on")
                        .with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/admin/themes"));
        assertThat(reference.list(RefList.THEMES)).anyMatch(i -> i.labelFr().equals(label) && "false".equals(i.extra("active")));
        assertThat(jdbc.sql("select count(*) from staff_action where action like 'reference.theme.%'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // put the label back for other tests
        mvc.perform(post("/admin/themes/genre").param("labelFr", "Égalité femmes-hommes").param("labelEn", "Gender equality")
                .param("dacCodes", "15170;15180").param("sdgGoals", "5").param("position", "13").param("active", "true")
                .with(user(staff)).with(csrf()));
    }

    @Test
    void inEnglishTheFormAndItsErrorsAreEnglish() throws Exception {
        WriteSideTestPerson en = WriteSideTestPerson.member("Jane Smith");
        Map<String, String> params = validForm("English " + token());
        params.put("postalCode", "123");
        String html = mvc.perform(form("/se-referencer", params).header("Accept-Language", "en").with(user(en)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("The postal code must have 5 digits.", "Countries of intervention");
    }

    static boolean validSiret(String siret) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
