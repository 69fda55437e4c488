package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.maillage.directory.Directory;
import fr.maillage.directory.ProjectActivity;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectQuery;
import fr.maillage.projects.ProjectSearch;
import fr.maillage.projects.ProjectValidator;
import fr.maillage.projects.Projects;
import fr.maillage.shared.SearchResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Demo projects: reproducible, valid, realistic, indexed, counted in the directory, and removed with the demo structures. */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DemoProjectsIntegrationTests {

    static final long SEED = 7_070L;
    static final String DEMO = "created_by = " + DemoData.DEMO_CREATOR;

    @Autowired
    DemoData demo;

    @Autowired
    DemoProjects demoProjects;

    @Autowired
    ProjectSearch search;

    @Autowired
    Projects projects;

    @Autowired
    ProjectValidator validator;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    List<String> titlesLoadedAtOnce;

    @BeforeAll
    void loadThreeHundredStructuresAndFourHundredProjects() {
        demo.remove();
        demo.ensure(300, SEED, "75");
        assertThat(demoProjects.ensure(400, SEED).inserted()).isEqualTo(400);
        titlesLoadedAtOnce = titles();
        demoProjects.remove();

        // the same 400, topped up from 250
        assertThat(demoProjects.ensure(250, SEED).inserted()).isEqualTo(250);
        DemoData.LoadResult topUp = demoProjects.ensure(400, SEED);
        assertThat(topUp.before()).isEqualTo(250);
        assertThat(topUp.inserted()).isEqualTo(150);
        assertThat(demoProjects.ensure(400, SEED).inserted()).isZero();

        search.syncDirectoryActivity(false);
        demo.reindexDirectory();
        search.reindex();
    }

    @AfterAll
    void removeDemoData() {
        demo.remove();
    }

    List<String> titles() {
        return jdbc.sql("select title from project where " + DEMO + " order by id").query(String.class).list();
    }

    List<Long> ids() {
        return jdbc.sql("select id from project where " + DEMO + " order by id").query(Long.class).list();
    }

    @Test
    void theSameSeedGivesTheSameProjects() {
        assertThat(titles()).isEqualTo(titlesLoadedAtOnce);
        assertThat(new HashSet<>(titlesLoadedAtOnce)).hasSizeGreaterThan(200);
    }

    @Test
    void everyProjectPassesTheProjectValidator() {
        for (Long id : ids()) {
            ProjectDetails p = projects.find(id).orElseThrow();
            assertThat(validator.problems(p.data())).as(p.data().title()).isEmpty();
        }
    }

    @Test
    void statusesDatesSectorsAndFundingsAgree() {
        LocalDate today = LocalDate.now();
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Long> byPublication = new HashMap<>();
        int water = 0;
        int waterWithAgency = 0;
        for (Long id : ids()) {
            ProjectDetails p = projects.find(id).orElseThrow();
            ProjectData d = p.data();
            String who = d.title() + " #" + id;
            byStatus.merge(d.activityStatus(), 1L, Long::sum);
            byPublication.merge(p.publication().name(), 1L, Long::sum);
            switch (d.activityStatus()) {
                case "1" -> assertThat(d.plannedStart()).as(who).isAfter(today);
                case "2" -> assertThat(d.actualStart()).as(who).isBefore(today);
                case "4" -> assertThat(d.actualEnd()).as(who).isBefore(today).isAfter(d.actualStart());
                default -> {
                }
            }
            assertThat(d.sectors()).as(who).isNotEmpty()
                    .extracting(ProjectData.Sector::percentage).map(BigDecimal::intValue).satisfies(pcts ->
                            assertThat(pcts.stream().mapToInt(Integer::intValue).sum()).as(who).isEqualTo(100));
            BigDecimal funded = d.fundings().stream().map(ProjectData.Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(p.totalBudget()).as(who).isEqualByComparingTo(funded);
            assertThat(d.places()).as(who).hasSize(1);
            if (d.themes().contains("eau-assainissement")) {
                water++;
                if (d.fundings().stream().anyMatch(f -> f.funderKind().equals("AGENCE_EAU"))) {
                    waterWithAgency++;
                }
            }
        }
        assertThat(byStatus.keySet()).contains("1", "2", "3", "4");
        assertThat(byStatus.get("2") + byStatus.get("4")).isGreaterThan(240);
        assertThat(byPublication.get("PUBLISHED")).isBetween(320L, 385L);
        assertThat(byPublication).containsKey("DRAFT");
        assertThat(water).isPositive();
        assertThat(waterWithAgency).as("water projects funded by a water agency").isGreaterThan(water / 3);
    }

    @Test
    void projectsTakePlaceWhereTheirLeadWorksAndOnItsThemes() {
        record Row(long project, long organisation, String country, String theme) {
        }
        List<Row> rows = jdbc.sql("""
                select p.id, p.organisation_id, pl.country_code, t.theme_code from project p
                join project_place pl on pl.project_id = p.id join project_theme t on t.project_id = p.id
                where p.%s""".formatted(DEMO))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
        Map<Long, Set<String>> countries = collection("organisation_country", "country_code");
        Map<Long, Set<String>> themes = collection("organisation_theme", "theme_code");
        for (Row r : rows) {
            assertThat(countries.get(r.organisation())).as("countries of the lead of #" + r.project()).contains(r.country());
            assertThat(themes.get(r.organisation())).as("themes of the lead of #" + r.project()).contains(r.theme());
        }
        long leads = jdbc.sql("select count(distinct organisation_id) from project where " + DEMO).query(Long.class).single();
        assertThat(leads).isGreaterThan(120);
        assertThat(jdbc.sql("select count(*) from project p join organisation o on o.id = p.organisation_id where p.%s and o.status <> 'PUBLISHED'"
                .formatted(DEMO)).query(Long.class).single()).isZero();
    }

    @Test
    void theProjectsAreSearchableAndCountedInTheDirectory() {
        long published = jdbc.sql("select count(*) from project where publication = 'PUBLISHED' and " + DEMO).query(Long.class).single();
        long lead = jdbc.sql("select organisation_id from project where publication = 'PUBLISHED' and " + DEMO + " group by organisation_id order by count(*) desc limit 1")
                .query(Long.class).single();
        String slug = directory.ref(lead).orElseThrow().slug();
        long ofLead = jdbc.sql("select count(*) from project where publication = 'PUBLISHED' and organisation_id = ?").param(lead).query(Long.class).single();

        SearchResult<?> result = search.search(ProjectQuery.empty().withValues("organisation", List.of(slug)), Locale.FRENCH);
        assertThat(result.total()).isEqualTo(ofLead);
        assertThat(search.search(ProjectQuery.empty(), Locale.FRENCH).total()).isGreaterThanOrEqualTo(published);

        ProjectActivity activity = directory.projectActivities().get(lead);
        assertThat(activity.publishedProjects()).isEqualTo((int) ofLead);
        assertThat(activity.countries()).isNotEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void removingTheDemoDataRemovesTheirProjectsFromTheDatabaseAndTheIndex() {
        long lead = jdbc.sql("select organisation_id from project where publication = 'PUBLISHED' and " + DEMO + " limit 1").query(Long.class).single();
        String slug = directory.ref(lead).orElseThrow().slug();
        assertThat(search.count(ProjectQuery.empty().withValues("organisation", List.of(slug)))).isPositive();

        demo.remove();
        assertThat(demoProjects.count()).isZero();
        assertThat(jdbc.sql("select count(*) from project where organisation_id = ?").param(lead).query(Long.class).single()).isZero();
        assertThat(search.count(ProjectQuery.empty().withValues("organisation", List.of(slug)))).isZero();
    }

    private Map<Long, Set<String>> collection(String table, String column) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("select organisation_id, " + column + " from " + table).query((rs, n) -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            return null;
        }).list();
        return out;
    }
}
