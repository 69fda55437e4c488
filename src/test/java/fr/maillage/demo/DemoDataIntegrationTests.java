package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Slugs;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIntegrationTests {

    static final long SEED = 424242L;
    static final String DEMO = "created_by = " + DemoData.DEMO_CREATOR;

    @Autowired
    DemoData demo;

    @Autowired
    DemoProperties properties;

    @Autowired
    Reference reference;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    List<String> namesLoadedAtOnce;

    @BeforeAll
    void loadFiveHundredInTwoSteps() {
        demo.remove();
        var loaded = demo.ensure(500, SEED, "75");
        assertThat(loaded.inserted()).isEqualTo(500);
        namesLoadedAtOnce = names();
        demo.remove();

        // the same 500, topped up from 300
        assertThat(demo.ensure(300, SEED, "75").inserted()).isEqualTo(300);
        var topUp = demo.ensure(500, SEED, "75");
        assertThat(topUp.before()).isEqualTo(300);
        assertThat(topUp.inserted()).isEqualTo(200);
    }

    @AfterAll
    void removeDemoData() {
        demo.remove();
    }

    List<String> names() {
        return jdbc.sql("select name from organisation where " + DEMO + " order by id").query(String.class).list();
    }

    @Test
    void isNeverLoadedUnlessAskedAndIsIdempotent() {
        assertThat(properties.structures()).isNull();
        assertThat(context.getBeanProvider(DemoDataRunner.class).getIfAvailable()).isNull();

        assertThat(demo.ensure(500, SEED, "75").inserted()).isZero();
        new DemoDataRunner(demo, new DemoProperties(500, SEED, null)).run(null);
        new DemoDataRunner(demo, new DemoProperties(200, SEED, null)).run(null);
        assertThat(demo.count()).isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from organisation where " + DEMO).query(Long.class).single()).isEqualTo(500);
    }

    @Test
    void theSameSeedGivesTheSameStructures() {
        assertThat(names()).isEqualTo(namesLoadedAtOnce);
        assertThat(new HashSet<>(namesLoadedAtOnce)).hasSizeGreaterThan(425);
    }

    @Test
    void mostArePublishedSomePendingAboutAThirdMembers() {
        Map<String, Long> byStatus = jdbc.sql("select status, count(*) from organisation where " + DEMO + " group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.keySet()).containsOnly("PUBLISHED", "PENDING");
        assertThat(byStatus.get("PUBLISHED")).isBetween(460L, 499L);
        assertThat(byStatus.get("PENDING")).isPositive();
        assertThat(jdbc.sql("select count(*) from organisation where status = 'PUBLISHED' and published_at is null and " + DEMO).query(Long.class).single()).isZero();

        long members = jdbc.sql("select count(*) from organisation where member and " + DEMO).query(Long.class).single();
        assertThat(members).isBetween(125L, 225L);

        Instant yearAgo = Instant.now().minus(365, ChronoUnit.DAYS);
        long stale = jdbc.sql("select count(*) from organisation where updated_at < :t and " + DEMO).param("t", java.sql.Timestamp.from(yearAgo)).query(Long.class).single();
        assertThat(stale).as("structures to chase (not updated for a year)").isBetween(50L, 300L);
        assertThat(jdbc.sql("select count(*) from organisation where updated_at < created_at and " + DEMO).query(Long.class).single()).isZero();
    }

    @Test
    void countriesAndThemesAreWeightedLikeFrenchCooperation() {
        List<String> topCountries = jdbc.sql("""
                select country_code from organisation_country c join organisation o on o.id = c.organisation_id
                where o.%s group by country_code order by count(*) desc, country_code limit 5""".formatted(DEMO))
                .query(String.class).list();
        assertThat(topCountries.get(0)).isIn("SN", "MG");
        assertThat(topCountries).contains("BF");

        List<String> topThemes = jdbc.sql("""
                select theme_code from organisation_theme t join organisation o on o.id = t.organisation_id
                where o.%s group by theme_code order by count(*) desc limit 6""".formatted(DEMO))
                .query(String.class).list();
        assertThat(topThemes).containsAnyOf("education-formation", "sante");

        double countriesEach = jdbc.sql("select count(*)::float / 500 from organisation_country c join organisation o on o.id = c.organisation_id where o." + DEMO)
                .query(Double.class).single();
        double themesEach = jdbc.sql("select count(*)::float / 500 from organisation_theme t join organisation o on o.id = t.organisation_id where o." + DEMO)
                .query(Double.class).single();
        assertThat(countriesEach).isBetween(2.3, 3.7);
        assertThat(themesEach).isBetween(1.7, 2.6);

        long withPlace = jdbc.sql("select count(*) from organisation_country c join organisation o on o.id = c.organisation_id where c.place is not null and o." + DEMO)
                .query(Long.class).single();
        assertThat(withPlace).isPositive();
    }

    @Test
    void everyStructureIsCompleteAndConsistentWithTheReferenceLists() {
        Map<Long, Set<String>> themes = collection("organisation_theme", "theme_code");
        Map<Long, Set<String>> countries = collection("organisation_country", "country_code");
        Map<Long, Set<String>> sdgs = collection("organisation_sdg", "sdg");
        Map<Long, Set<String>> keywords = collection("organisation_keyword", "keyword");
        Map<String, Set<String>> themeSdgs = new HashMap<>();
        for (RefItem t : reference.list(RefList.THEMES)) {
            themeSdgs.put(t.code(), Set.of(t.extra("sdg").split(";")));
        }

        record Row(long id, String slug, String name, String nameKey, String type, String college, String postalCode,
                String departement, String region, Double lat, Double volunteers, Integer employees, String description) {
        }
        List<Row> rows = jdbc.sql("""
                select id, slug, name, name_key, structure_type, college, postal_code, departement, region, latitude,
                       volunteers, employees, description from organisation where %s""".formatted(DEMO))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), (Double) rs.getObject(10),
                        rs.getObject(11) == null ? null : rs.getDouble(11), (Integer) rs.getObject(12), rs.getString(13)))
                .list();
        assertThat(rows).hasSize(500);
        assertThat(rows.stream().map(Row::slug).distinct()).hasSize(500);

        Set<String> types = new HashSet<>();
        List<Double> associationVolunteers = new ArrayList<>();
        for (Row r : rows) {
            String who = r.name() + " (" + r.slug() + ")";
            assertThat(r.slug()).as(who).matches("[a-z0-9]+(-[a-z0-9]+)*").startsWith(Slugs.slug(r.name()));
            assertThat(r.nameKey()).as(who).isEqualTo(Slugs.fold(r.name()));
            assertThat(reference.exists(RefList.STRUCTURE_TYPES, r.type())).as(who).isTrue();
            assertThat(r.college()).as(who).isEqualTo(reference.collegeOf(r.type()).orElseThrow());
            assertThat(r.departement()).as(who).isEqualTo(reference.departementForPostalCode(r.postalCode()).orElseThrow());
            assertThat(r.region()).as(who).isEqualTo(reference.regionOfDepartement(r.departement()).orElse(null));
            assertThat(r.lat()).as(who).isNotNull();
            assertThat(r.description()).as(who).isNotBlank();

            assertThat(themes.get(r.id())).as(who).isNotEmpty().allMatch(t -> reference.exists(RefList.THEMES, t));
            assertThat(countries.get(r.id())).as(who).isNotEmpty().allMatch(c -> reference.exists(RefList.COUNTRIES, c));
            assertThat(sdgs.get(r.id())).as(who).isNotEmpty().allMatch(g -> reference.exists(RefList.SDGS, g));
            for (String theme : themes.get(r.id())) {
                themeSdgs.get(theme).stream().filter(g -> !g.isBlank())
                        .forEach(goal -> assertThat(sdgs.get(r.id())).as(who + " SDG of " + theme).contains(goal));
            }
            assertThat(keywords.get(r.id())).as(who).isNotEmpty().allMatch(k -> k.length() <= 80);
            types.add(r.type());
            if (r.type().equals("association")) {
                associationVolunteers.add(r.volunteers());
                assertThat(r.employees()).as(who).isNotNull().isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(types).contains("association", "collectivite", "entreprise", "etablissement-scolaire");
        associationVolunteers.sort(null);
        double median = associationVolunteers.get(associationVolunteers.size() / 2);
        assertThat(median).as("median volunteers of an association").isBetween(5.0, 50.0);
        long fewEmployees = rows.stream().filter(r -> r.type().equals("association") && r.employees() <= 2).count();
        assertThat(fewEmployees).isGreaterThan(associationVolunteers.size() * 3L / 4);
    }

    @Test
    void theShippedCommunesAreInTheirDepartementAndCoverFrance() {
        List<DemoGenerator.Commune> communes = DemoGenerator.loadCommunes();
        assertThat(communes).hasSizeGreaterThanOrEqualTo(300);
        for (DemoGenerator.Commune c : communes) {
            assertThat(reference.departementForPostalCode(c.postalCode())).as(c.toString()).contains(c.departement());
            assertThat(c.latitude()).as(c.toString()).isBetween(-22.0, 52.0);
        }
        Set<String> covered = communes.stream().map(DemoGenerator.Commune::departement).collect(Collectors.toSet());
        Set<String> metroAndOverseas = reference.list(RefList.DEPARTEMENTS).stream()
                .filter(d -> !"com".equals(d.extra("zone"))).map(RefItem::code).collect(Collectors.toSet());
        assertThat(covered).containsAll(metroAndOverseas).contains("2A", "2B", "971", "972", "973", "974", "976");
    }

    @Test
    void namesAreFrenchWithTheRightArticles() {
        assertThat(DemoGenerator.de("Angoulême")).isEqualTo("d'Angoulême");
        assertThat(DemoGenerator.de("Le Mans")).isEqualTo("du Mans");
        assertThat(DemoGenerator.de("Pessac")).isEqualTo("de Pessac");
        assertThat(DemoGenerator.ofDepartement("Gironde")).isEqualTo("de la Gironde");
        assertThat(DemoGenerator.ofDepartement("Nord")).isEqualTo("du Nord");
        assertThat(DemoGenerator.ofDepartement("Landes")).isEqualTo("des Landes");
        assertThat(DemoGenerator.ofDepartement("Hérault")).isEqualTo("de l'Hérault");
        assertThat(DemoGenerator.ofDepartement("Vaucluse")).isEqualTo("du Vaucluse");
        assertThat(names()).anyMatch(n -> n.startsWith("Mairie de") || n.startsWith("Mairie d'") || n.startsWith("Ville d"))
                .noneMatch(n -> n.contains("{") || n.contains("null") || n.contains("  "));
        // SIRET numbers pass the Luhn check
        jdbc.sql("select siret from organisation where siret is not null and " + DEMO).query(String.class).list()
                .forEach(s -> assertThat(DemoGenerator.luhnDigit(s.substring(0, 13))).as(s).isEqualTo(s.charAt(13) - '0'));
    }

    private Map<Long, Set<String>> collection(String table, String column) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("select t.organisation_id, t.%s::text from %s t join organisation o on o.id = t.organisation_id where o.%s".formatted(column, table, DEMO))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }
}
