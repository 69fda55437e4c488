package fr.maillage.projects.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import fr.maillage.projects.PartnershipData;
import fr.maillage.projects.PartnershipDetails;
import fr.maillage.projects.PartnershipSummary;
import fr.maillage.shared.CodeLabel;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The Atlas-shaped CSV: columns, French dates and labels, e-mails for staff only, Excel-safe cells. */
class AtlasCsvTests {

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/projects");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static PartnershipDetails podor(String partnerName, String electedName) {
        return new PartnershipDetails(42,
                new PartnershipSummary.Authority(7, "ville-de-pessac", "Ville de Pessac", new CodeLabel("COMMUNE", "Commune"),
                        new CodeLabel("33", "Gironde (33)"), new CodeLabel("75", "Nouvelle-Aquitaine")),
                new PartnershipSummary.ForeignAuthority(partnerName, new CodeLabel("MUNICIPALITY", "Commune ou municipalité"),
                        new CodeLabel("SN", "Sénégal"), "Région de Saint-Louis"),
                List.of(new CodeLabel("eau-assainissement", "Eau, assainissement, hygiène"), new CodeLabel("sante", "Santé")),
                new CodeLabel("ACTIVE", "Active"), LocalDate.of(2019, 3, 12), LocalDate.of(2019, 4, 1), null, "Texte",
                new PartnershipData.Person(electedName, "Adjointe", "claire@mairie.example"),
                new PartnershipData.Person("Paul Durand", null, null),
                List.of(new PartnershipDetails.LinkedProject(1, "puits", "Puits de Podor", "Ville de Pessac", true),
                        new PartnershipDetails.LinkedProject(2, "latrines", "Latrines; écoles", "Eau Vive", true)),
                true, Instant.EPOCH, Instant.EPOCH, 0);
    }

    @Test
    void oneRowPerPartnershipWithTheAtlasColumnsInFrench() throws Exception {
        AtlasCsv csv = new AtlasCsv(messages(), Locale.FRENCH, false, "https://reseau.example/");
        assertThat(csv.headers()).containsExactly("Identifiant", "Collectivité française", "Type de collectivité", "Département", "Région",
                "Collectivité partenaire", "Pays", "Code pays (ISO)", "Niveau de la collectivité partenaire", "Région ou localité partenaire",
                "Thématiques", "Date de signature", "Date de début", "Date de fin", "Statut", "Projets", "Élu référent",
                "Fonction de l’élu", "Agent chargé des relations internationales", "Fonction de l’agent", "Fiche");
        assertThat(csv.row(podor("Commune de Podor", "Claire Martin"))).containsExactly("42", "Ville de Pessac", "Commune", "Gironde (33)",
                "Nouvelle-Aquitaine", "Commune de Podor", "Sénégal", "SN", "Commune ou municipalité", "Région de Saint-Louis",
                "Eau, assainissement, hygiène, Santé", "12/03/2019", "01/04/2019", "", "Active", "Puits de Podor | Latrines; écoles",
                "Claire Martin", "Adjointe", "Paul Durand", "", "https://reseau.example/cooperation-decentralisee/partenariats/42");

        StringWriter out = new StringWriter();
        csv.write(out, List.of(podor("Commune de Podor", "Claire Martin")));
        String text = out.toString();
        assertThat(text).startsWith("\uFEFFIdentifiant;Collectivité française;").contains("\r\n42;Ville de Pessac;Commune;")
                .contains(";\"Eau, assainissement, hygiène, Santé\";").contains(";\"Puits de Podor | Latrines; écoles\";")
                .doesNotContain("claire@mairie.example").endsWith("\r\n");
        assertThat(text.split("\r\n")).hasSize(2);
    }

    @Test
    void staffGetTheEmailsAndEnglishReadersIsoDates() {
        AtlasCsv staff = new AtlasCsv(messages(), Locale.FRENCH, true, "");
        assertThat(staff.headers()).endsWith("Courriel de l’élu", "Courriel de l’agent");
        assertThat(staff.row(podor("Podor", "Claire"))).endsWith("claire@mairie.example", "");
        AtlasCsv english = new AtlasCsv(messages(), Locale.ENGLISH, false, "");
        assertThat(english.headers()).startsWith("Identifier", "French local authority");
        assertThat(english.row(podor("Podor", "Claire"))).contains("2019-03-12");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralised() {
        AtlasCsv csv = new AtlasCsv(messages(), Locale.FRENCH, false, "");
        List<String> row = csv.row(podor("=HYPERLINK(\"http://evil.example\";\"Podor\")", "+33 6 12 34 56 78"));
        assertThat(CoopCsv.cell(row.get(5))).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Podor\"\")\"");
        assertThat(CoopCsv.cell(row.get(16))).isEqualTo("'+33 6 12 34 56 78");
        assertThat(CoopCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CoopCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CoopCsv.cell("Ligne 1\nLigne 2")).isEqualTo("\"Ligne 1\nLigne 2\"");
        assertThat(CoopCsv.cell(null)).isEmpty();
        assertThat(CoopCsv.amount(new BigDecimal("1500.5"), Locale.FRENCH)).isEqualTo("1500,50");
        assertThat(CoopCsv.amount(new BigDecimal("1500.5"), Locale.ENGLISH)).isEqualTo("1500.50");
    }

    @Test
    void amountsAreReadAsPeopleTypeThem() {
        assertThat(CoopViews.parseAmount("1 500", Locale.FRENCH)).isEqualByComparingTo("1500");
        assertThat(CoopViews.parseAmount("1\u202f500,50\u00a0€", Locale.FRENCH)).isEqualByComparingTo("1500.50");
        assertThat(CoopViews.parseAmount("1.500,50", Locale.FRENCH)).isEqualByComparingTo("1500.50");
        assertThat(CoopViews.parseAmount("1.500", Locale.FRENCH)).isEqualByComparingTo("1500");
        assertThat(CoopViews.parseAmount("10,555", Locale.FRENCH)).isEqualByComparingTo("10.555");
        assertThat(CoopViews.parseAmount("1,500", Locale.ENGLISH)).isEqualByComparingTo("1500");
        assertThat(CoopViews.parseAmount("1,500.25", Locale.ENGLISH)).isEqualByComparingTo("1500.25");
        assertThat(CoopViews.parseAmount("", Locale.FRENCH)).isEqualByComparingTo("0");
        assertThat(CoopViews.parseAmount("douze", Locale.FRENCH)).isNull();
        assertThat(CoopViews.parseAmount("1,2,3", Locale.FRENCH)).isNull();
        assertThat(CoopViews.editable(new BigDecimal("1500.50"), Locale.FRENCH)).isEqualTo("1500,50");
        assertThat(CoopViews.editable(new BigDecimal("12000.00"), Locale.FRENCH)).isEqualTo("12000");
        assertThat(new CoopViews().money(new BigDecimal("26750.5"), Locale.FRENCH)).isEqualTo("26\u202f750,50\u00a0€");
        assertThat(new CoopViews().money(new BigDecimal("5000"), Locale.ENGLISH)).isEqualTo("€5,000");
    }
}
