package fr.maillage.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import fr.maillage.directory.Directory;
import fr.maillage.directory.UpdateOrganisation;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The IATI export, as a client downloads it over HTTP: every file validates against the official
 * 2.03 schema (loaded by the test itself), carries what the projects say, follows the
 * organisation-identifier rules, gives each activity an identifier that stays the same, and
 * pages through many projects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
class IatiExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IatiProjectWriter writer;

    final XPath xpath = XPathFactory.newInstance().newXPath();

    /** Everything a project may say. */
    static ProjectData rich(String title, long partnerStructure) {
        return new ProjectData(title, "Des puits et des latrines gérés par les villages de Podor et de Matam.",
                "Un projet **d’eau** porté avec les communes.\n\nDeuxième paragraphe avec un caractère de contrôle \u0001 retiré.",
                "2", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2025, 3, 1), null,
                List.of(new ProjectData.Place("SN", "Podor", 16.65, -14.96), new ProjectData.Place("SN", "Matam", null, null),
                        new ProjectData.Place("ML", null, null, null), new ProjectData.Place("MR", "Kaédi", 16.15, -13.5)),
                List.of("eau-assainissement"), List.of("6", "5"),
                List.of(new ProjectData.Sector("1", "14030", new BigDecimal("70")), new ProjectData.Sector("1", "14032", new BigDecimal("30")),
                        new ProjectData.Sector("2", "140", null)),
                List.of(new ProjectData.Partner(null, "Commune de Podor", null, "11", "SN", "4"),
                        new ProjectData.Partner(partnerStructure, null, null, null, null, "4"),
                        new ProjectData.Partner(null, "Agence française de développement", "FR-3", "10", "FR", "1")),
                List.of(new ProjectData.Funding("AGENCE_EAU", "Agence de l’eau Adour-Garonne", null, new BigDecimal("40000"), "EUR", 2025),
                        new ProjectData.Funding("AFD", null, null, new BigDecimal("25000.50"), "EUR", 2026),
                        new ProjectData.Funding("OWN", null, null, new BigDecimal("10000"), "EUR", null),
                        new ProjectData.Funding("EU", "Union européenne", null, new BigDecimal("5000000"), "XOF", 2025),
                        new ProjectData.Funding("REGION", null, partnerStructure, new BigDecimal("12000"), "EUR", 2025)),
                "EUR",
                List.of(new ProjectData.Link("WEB", "Le site du projet", "https://exemple.org/podor", null, null),
                        new ProjectData.Link("PHOTO", "Le puits de Podor", "https://exemple.org/puits.jpg", null, null),
                        new ProjectData.Link("DOCUMENT", "Rapport 2025", "https://exemple.org/rapport.pdf", null, "application/pdf"),
                        new ProjectData.Link("VIDEO", null, "https://video.exemple.org/v/42", null, null)),
                "Les comités de gestion", "La saison des pluies", "Commencer tôt");
    }

    @Test
    void aRichProjectExportsToASchemaValidFileCarryingWhatItSays() throws Exception {
        TestPerson editor = TestStructures.member("Export Riche");
        String rna = IatiTestSupport.randomRna();
        long org = IatiTestSupport.structure(directory, editor, "Eau Vive Export " + TestStructures.newPersonId(), null, rna);
        String partnerSiret = IatiTestSupport.randomSiret();
        long partner = IatiTestSupport.structure(directory, TestStructures.member("Partenaire"), "Partenaire Export " + TestStructures.newPersonId(),
                partnerSiret, null);
        long id = projects.create(org, rich("Puits de Podor et de Matam", partner), true, editor);
        projects.create(org, rich("Brouillon jamais exporté", partner), false, editor);
        String slug = directory.ref(org).orElseThrow().slug();

        HttpResponse<byte[]> response = new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("iati-" + slug + ".xml");
        byte[] xml = response.body();
        assertThat(IatiTestSupport.schemaErrors(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();

        Document doc = IatiTestSupport.dom(xml);
        String identifier = "FR-RNA-" + rna + "-" + id;
        assertThat(nodes(doc, "/iati-activities/iati-activity").getLength()).as("drafts are not exported").isEqualTo(1);
        assertThat(text(doc, "/iati-activities/@version")).isEqualTo("2.03");
        assertThat(text(doc, "//iati-activity/iati-identifier")).isEqualTo(identifier);
        assertThat(projects.find(id).orElseThrow().iatiIdentifier()).as("stored on first export").isEqualTo(identifier);
        assertThat(text(doc, "//reporting-org/@ref")).isEqualTo("FR-RNA-" + rna);
        assertThat(text(doc, "//reporting-org/@type")).isEqualTo("22");
        assertThat(text(doc, "//iati-activity/@default-currency")).isEqualTo("EUR");
        assertThat(text(doc, "//title/narrative")).isEqualTo("Puits de Podor et de Matam");
        assertThat(text(doc, "//title/narrative/@*[local-name()='lang']")).isEqualTo("fr");
        assertThat(text(doc, "//description[@type='1']/narrative")).contains("Un projet **d’eau**").doesNotContain("\u0001");
        assertThat(text(doc, "//activity-status/@code")).isEqualTo("2");
        assertThat(values(doc, "//activity-date/@type")).containsExactly("1", "2", "3");
        assertThat(text(doc, "//activity-date[@type='2']/@iso-date")).isEqualTo("2025-03-01");

        // participating organisations: the lead (accountable), partners with their refs, funders
        assertThat(text(doc, "//participating-org[@role='2']/@ref")).isEqualTo("FR-RNA-" + rna);
        assertThat(text(doc, "//participating-org[narrative='Commune de Podor']/@role")).isEqualTo("4");
        assertThat(text(doc, "//participating-org[narrative='Commune de Podor']/@type")).isEqualTo("11");
        assertThat(text(doc, "//participating-org[@ref='FR-SIRET-" + partnerSiret + "']/@role")).isEqualTo("4");
        assertThat(text(doc, "//participating-org[@ref='FR-3']/@role")).isEqualTo("1");
        assertThat(values(doc, "//participating-org[@role='1']/narrative")).contains("Agence de l’eau Adour-Garonne", "Union européenne");

        // countries in equal shares summing to 100, places with a point or a name
        List<String> shares = values(doc, "//recipient-country/@percentage");
        assertThat(values(doc, "//recipient-country/@code")).containsExactly("SN", "ML", "MR");
        assertThat(shares.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(values(doc, "//location/point/pos")).containsExactly("16.65 -14.96", "16.15 -13.5");
        assertThat(values(doc, "//location/name/narrative")).containsExactly("Podor", "Matam", "Kaédi");

        // sectors with vocabulary and shares, SDGs and themes as tags
        assertThat(values(doc, "//sector[@vocabulary='1']/@percentage")).containsExactly("70", "30");
        assertThat(text(doc, "//sector[@vocabulary='2']/@percentage")).isEqualTo("100");
        assertThat(values(doc, "//tag[@vocabulary='2']/@code")).containsExactly("5", "6");
        assertThat(text(doc, "//tag[@vocabulary='99']/@code")).isEqualTo("eau-assainissement");

        // money: a budget per year in the project's currency, one incoming commitment per funding
        assertThat(values(doc, "//budget/period-start/@iso-date")).containsExactly("2025-01-01", "2026-01-01");
        assertThat(text(doc, "//budget[period-start/@iso-date='2025-01-01']/value")).isEqualTo("62000.00");
        assertThat(values(doc, "//transaction/transaction-type/@code")).hasSize(5).containsOnly("11");
        assertThat(text(doc, "//transaction[value/@currency='XOF']/value")).isEqualTo("5000000.00");
        assertThat(text(doc, "//transaction[provider-org/@ref='FR-3']/value")).isEqualTo("25000.50");

        // links, contact, extensions
        assertThat(values(doc, "//document-link/@format")).containsExactly("text/html", "image/jpeg", "application/pdf", "text/html");
        assertThat(values(doc, "//document-link/category/@code")).containsExactly("A12", "A12", "A02", "A12");
        assertThat(text(doc, "//contact-info/email")).isEqualTo("contact@exemple.org");
        assertThat(text(doc, "//*[local-name()='lessons-worked']")).isEqualTo("Les comités de gestion");

        // a second export gives the same identifier
        byte[] again = new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").body();
        assertThat(text(IatiTestSupport.dom(again), "//iati-activity/iati-identifier")).isEqualTo(identifier);
    }

    @Test
    void organisationIdentifiersFollowTheRnaThenSiretThenNetworkRule() throws Exception {
        TestPerson editor = TestStructures.member("Identifiants");
        String rna = IatiTestSupport.randomRna();
        String siret = IatiTestSupport.randomSiret();
        long both = IatiTestSupport.structure(directory, editor, "Les Deux Numéros " + TestStructures.newPersonId(), siret, rna);
        long siretOnly = IatiTestSupport.structure(directory, editor, "Entreprise Siret " + TestStructures.newPersonId(), siret.substring(0, 13) + "7", null);
        long none = IatiTestSupport.structure(directory, editor, "Sans Numéro " + TestStructures.newPersonId(), null, null);
        for (long org : List.of(both, siretOnly, none)) {
            projects.create(org, ProjectsIntegrationTests.water("Projet " + org), true, editor);
        }
        assertThat(reportingRef(both)).isEqualTo("FR-RNA-" + rna);
        assertThat(reportingRef(siretOnly)).isEqualTo("FR-SIRET-" + siret.substring(0, 13) + "7");
        assertThat(reportingRef(none)).isEqualTo("XI-MAILLAGE-" + none);
    }

    @Test
    void aStructureWithNoIdentifierExportsAValidFileAndItsActivityIdentifierNeverChanges() throws Exception {
        TestPerson editor = TestStructures.member("Sans Identifiant");
        long org = IatiTestSupport.structure(directory, editor, "Association Sans Numéro " + TestStructures.newPersonId(), null, null);
        long id = projects.create(org, ProjectsIntegrationTests.water("Puits sans numéro"), true, editor);
        String slug = directory.ref(org).orElseThrow().slug();

        byte[] xml = new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").body();
        assertThat(IatiTestSupport.schemaErrors(xml)).isEmpty();
        Document doc = IatiTestSupport.dom(xml);
        assertThat(text(doc, "//reporting-org/@ref")).isEqualTo("XI-MAILLAGE-" + org);
        assertThat(text(doc, "//iati-identifier")).isEqualTo("XI-MAILLAGE-" + org + "-" + id);

        // the structure gets an RNA number: its organisation identifier changes, the activity's stays
        var editable = directory.editable(org).orElseThrow();
        var d = editable.data();
        String rna = IatiTestSupport.randomRna();
        directory.update(new UpdateOrganisation(org, editable.version(), new fr.maillage.directory.OrganisationData(d.name(), d.acronym(),
                d.structureType(), d.college(), d.siret(), rna, d.addressLine(), d.postalCode(), d.city(), d.website(), d.publicEmail(),
                d.showEmail(), d.phone(), d.showPhone(), d.logoKey(), d.description(), d.themes(), d.countries(), d.sdgs(), d.keywords(),
                d.yearFounded(), d.volunteers(), d.employees(), d.member())), editor);
        Document after = IatiTestSupport.dom(new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").body());
        assertThat(text(after, "//reporting-org/@ref")).isEqualTo("FR-RNA-" + rna);
        assertThat(text(after, "//iati-identifier")).isEqualTo("XI-MAILLAGE-" + org + "-" + id);
    }

    @Test
    void aStructureWithoutPublishedProjectHasNothingToExport() {
        TestPerson editor = TestStructures.member("Rien");
        long org = IatiTestSupport.structure(directory, editor, "Sans Projet Publié " + TestStructures.newPersonId(), null, null);
        projects.create(org, ProjectsIntegrationTests.water("Seulement un brouillon"), false, editor);
        String slug = directory.ref(org).orElseThrow().slug();
        assertThat(new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").statusCode()).isEqualTo(404);
        assertThat(new IatiTestSupport.Session(port).getBytes("/acteurs/pas-une-structure-" + org + "/iati.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void manyProjectsArePagedThroughAndTheNetworkExportHoldsEveryStructure() throws Exception {
        TestPerson editor = TestStructures.member("Beaucoup");
        long org = IatiTestSupport.structure(directory, editor, "Mille Projets " + TestStructures.newPersonId(), null, null);
        long other = IatiTestSupport.structure(directory, editor, "Autre Réseau " + TestStructures.newPersonId(), null, null);
        int count = IatiExport.PAGE * 2 + 17;
        List<IatiProjectWriter.NewProject> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new IatiProjectWriter.NewProject(ProjectsIntegrationTests.water("Puits n° " + i + " de " + org), org, null));
        }
        writer.insert(batch, true, editor.personId());
        jdbc.sql("update project set source = 'LOCAL' where organisation_id = ?").param(org).update();
        long otherProject = projects.create(other, ProjectsIntegrationTests.water("Le projet de l’autre"), true, editor);

        String slug = directory.ref(org).orElseThrow().slug();
        byte[] xml = new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").body();
        assertThat(IatiTestSupport.schemaErrors(xml)).isEmpty();
        List<String> ids = values(IatiTestSupport.dom(xml), "//iati-identifier");
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();

        HttpResponse<byte[]> network = new IatiTestSupport.Session(port).getBytes("/projets/iati/export.xml");
        assertThat(network.statusCode()).isEqualTo(200);
        assertThat(IatiTestSupport.schemaErrors(network.body())).isEmpty();
        List<String> all = values(IatiTestSupport.dom(network.body()), "//iati-identifier");
        assertThat(all).containsAll(ids).contains("XI-MAILLAGE-" + other + "-" + otherProject).doesNotHaveDuplicates();
    }

    private String reportingRef(long org) throws Exception {
        String slug = directory.ref(org).orElseThrow().slug();
        byte[] xml = new IatiTestSupport.Session(port).getBytes("/acteurs/" + slug + "/iati.xml").body();
        assertThat(IatiTestSupport.schemaErrors(xml)).isEmpty();
        return text(IatiTestSupport.dom(xml), "//reporting-org/@ref");
    }

    private String text(Document doc, String expression) throws Exception {
        return (String) xpath.evaluate(expression, doc, XPathConstants.STRING);
    }

    private NodeList nodes(Document doc, String expression) throws Exception {
        return (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
    }

    private List<String> values(Document doc, String expression) throws Exception {
        NodeList list = nodes(doc, expression);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}
