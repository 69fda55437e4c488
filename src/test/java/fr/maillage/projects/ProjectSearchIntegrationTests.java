package fr.maillage.projects;

import static fr.maillage.projects.ProjectTestData.marker;
import static fr.maillage.projects.ProjectTestData.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.EditableOrganisation;
import fr.maillage.directory.OrganisationData;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.directory.UpdateOrganisation;
import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ProjectSearchIntegrationTests {

    static final Locale FR = Locale.FRENCH;

    @Autowired
    ProjectSearch search;

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    @Autowired
    DirectorySearch directorySearch;

    final TestPerson editor = TestStructures.member("Awa Porteuse");
    final TestPerson staff = TestStructures.staff("Équipe");

    private long association(String name) {
        return TestStructures.association(directory, editor, name);
    }

    private long publish(long organisation, ProjectTestData project) {
        return projects.create(organisation, project.build(), true, editor);
    }

    private SearchResult<ProjectSummary> find(ProjectQuery query) {
        return search.search(query, FR);
    }

    private SearchResult<ProjectSummary> find(String q) {
        return find(ProjectQuery.empty().withText(q));
    }

    private static List<String> titles(SearchResult<ProjectSummary> result) {
        return result.items().stream().map(ProjectSummary::title).toList();
    }

    private static Map<String, Long> counts(SearchResult<?> result, String facet) {
        return result.facet(facet).orElseThrow().values().stream()
                .collect(Collectors.toMap(Facet.FacetValue::code, Facet.FacetValue::count));
    }

    @Test
    void combinesFacetsWithOrInsideAndAcrossWithDisjunctiveCounts() {
        String m = marker();
        long org = association("Solidarité Sahel " + m);
        publish(org, project("Alpha " + m).countries("SN").themes("sante").sdgs("3").sectors("12220").funders("AFD"));
        publish(org, project("Beta " + m).countries("ML").themes("sante").sdgs("3").sectors("12220").funders("REGION"));
        publish(org, project("Gamma " + m).countries("SN", "ML").themes("eau-assainissement").sectors("14030", "14032").funders("AGENCE_EAU", "AFD"));
        publish(org, project("Delta " + m).countries("MG").themes("eau-assainissement").sectors("14030").status("4")
                .planned(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 6, 30)));

        ProjectQuery base = ProjectQuery.empty().withText(m);
        SearchResult<ProjectSummary> all = find(base);
        assertThat(all.total()).isEqualTo(4);
        assertThat(counts(all, "country")).containsEntry("SN", 2L).containsEntry("ML", 2L).containsEntry("MG", 1L);
        // DAC 5-digit codes are counted under their 3-digit category, once per project
        assertThat(counts(all, "sector")).containsEntry("122", 2L).containsEntry("140", 2L);
        assertThat(all.facet("sector").orElseThrow().values()).anyMatch(v -> v.code().equals("140") && !v.label().isBlank() && !v.label().equals("140"));
        assertThat(counts(all, "funder")).containsEntry("AFD", 2L).containsEntry("REGION", 1L).containsEntry("AGENCE_EAU", 2L);
        assertThat(counts(all, "status")).containsEntry("2", 3L).containsEntry("4", 1L);
        assertThat(counts(all, "leadType")).containsEntry("association", 4L);

        ProjectQuery senegalOrMali = base.with("country", "SN").with("country", "ML");
        SearchResult<ProjectSummary> or = find(senegalOrMali);
        assertThat(titles(or)).containsExactlyInAnyOrder("Alpha " + m, "Beta " + m, "Gamma " + m);
        // disjunctive: Madagascar keeps its count while Senegal and Mali are selected
        assertThat(counts(or, "country")).containsEntry("MG", 1L).containsEntry("SN", 2L);
        assertThat(or.facet("country").orElseThrow().values()).anyMatch(v -> v.code().equals("SN") && v.selected());
        assertThat(counts(or, "theme")).containsEntry("sante", 2L).containsEntry("eau-assainissement", 1L);

        SearchResult<ProjectSummary> and = find(senegalOrMali.with("theme", "eau-assainissement"));
        assertThat(titles(and)).containsExactly("Gamma " + m);
        assertThat(counts(and, "theme")).containsEntry("sante", 2L).containsEntry("eau-assainissement", 1L);
        assertThat(counts(and, "country")).containsEntry("SN", 1L).containsEntry("ML", 1L).containsEntry("MG", 1L);

        assertThat(titles(find(base.with("funder", "AFD").with("sector", "140")))).containsExactly("Gamma " + m);
        assertThat(titles(find(base.with("status", "4")))).containsExactly("Delta " + m);
    }

    @Test
    void frenchAnalysisFindsWordsWithoutAccentsCaseNorPlurals() {
        String m = marker();
        long org = association("Hydraulique Villageoise " + m);
        publish(org, project("Eau Potable à Podor " + m).summary("Forages et bornes-fontaines pour les écoles de la commune"));
        publish(org, project("Maraîchage " + m).themes("agriculture-alimentation").sectors("31161").countries("BF"));

        assertThat(titles(find("eau potable " + m))).containsExactly("Eau Potable à Podor " + m);
        assertThat(titles(find("EAU POTABLE " + m))).containsExactly("Eau Potable à Podor " + m);
        assertThat(titles(find("ecole forage " + m))).containsExactly("Eau Potable à Podor " + m);
        assertThat(titles(find("maraichage " + m))).containsExactly("Maraîchage " + m);
        assertThat(titles(find("burkina " + m))).containsExactly("Maraîchage " + m);
        assertThat(titles(find("Burkina Faso " + m))).containsExactly("Maraîchage " + m);
        // the lead structure's name, and a typo in a title
        assertThat(titles(find("hydraulique villageoise " + m))).hasSize(2);
        assertThat(titles(find("maraichag " + m))).containsExactly("Maraîchage " + m);
    }

    @Test
    void draftsHiddenProjectsAndProjectsOfUnpublishedStructuresAreNotFound() {
        String m = marker();
        long org = association("Discrète " + m);
        long draft = projects.create(org, project("Brouillon " + m).build(), false, editor);
        long hidden = publish(org, project("Masqué " + m));
        long visible = publish(org, project("Visible " + m));
        projects.hide(hidden, "À revoir", staff);
        assertThat(titles(find(m))).containsExactly("Visible " + m);

        projects.publish(draft, editor);
        assertThat(titles(find(m))).containsExactlyInAnyOrder("Visible " + m, "Brouillon " + m);
        projects.unpublish(visible, editor);
        projects.restore(hidden, staff);
        assertThat(titles(find(m))).containsExactlyInAnyOrder("Brouillon " + m, "Masqué " + m);
        projects.delete(draft, editor);
        assertThat(titles(find(m))).containsExactly("Masqué " + m);

        // a structure refused by staff: its projects leave the public search
        directory.refuse(org, "Doublon", staff);
        assertThat(find(m).total()).isZero();
    }

    @Test
    void aProjectCountsForEveryYearItRuns() {
        String m = marker();
        long org = association("Années " + m);
        publish(org, project("Trois ans " + m).planned(LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28)));
        publish(org, project("Réel " + m).planned(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))
                .actual(LocalDate.of(2021, 6, 1), LocalDate.of(2022, 6, 1)).status("4"));
        int thisYear = LocalDate.now(ProjectSearchMapping.PARIS).getYear();
        publish(org, project("En cours " + m).planned(LocalDate.of(thisYear - 1, 9, 1), null));

        SearchResult<ProjectSummary> all = find(m);
        Map<String, Long> expected = new java.util.TreeMap<>();
        java.util.function.BiConsumer<Integer, Integer> runs = (from, to) -> {
            for (int y = from; y <= to; y++) {
                expected.merge(String.valueOf(y), 1L, Long::sum);
            }
        };
        runs.accept(2023, 2025);
        runs.accept(2021, 2022);
        runs.accept(thisYear - 1, thisYear); // under way, no end yet: until this year
        assertThat(counts(all, "year")).isEqualTo(expected);
        // latest years first
        List<String> years = all.facet("year").orElseThrow().values().stream().map(Facet.FacetValue::code).toList();
        assertThat(years).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(titles(find(ProjectQuery.empty().withText(m).with("year", "2024")))).contains("Trois ans " + m);
        assertThat(titles(find(ProjectQuery.empty().withText(m).with("year", "2022")))).containsExactly("Réel " + m);
        // the summary tells the years
        ProjectSummary real = find(ProjectQuery.empty().withText("reel " + m)).items().get(0);
        assertThat(real.startYear()).isEqualTo(2021);
        assertThat(real.endYear()).isEqualTo(2022);
    }

    @Test
    void theLeadStructuresTypeAndNameFollowTheDirectory() {
        String m = marker();
        long org = association("Ville Jumelle " + m);
        publish(org, project("Jumelage " + m));
        SearchResult<ProjectSummary> before = find(m);
        assertThat(counts(before, "leadType")).containsOnlyKeys("association");
        assertThat(before.items().get(0).lead().name()).isEqualTo("Ville Jumelle " + m);
        assertThat(before.items().get(0).lead().structureType().label()).isEqualTo("Association ou ONG");

        EditableOrganisation e = directory.editable(org).orElseThrow();
        OrganisationData d = e.data();
        OrganisationData changed = new OrganisationData("Commune Jumelle " + m, d.acronym(), "collectivite", "collectivites",
                d.siret(), d.rna(), d.addressLine(), "64100", "Bayonne", d.website(), d.publicEmail(), d.showEmail(), d.phone(),
                d.showPhone(), d.logoKey(), d.description(), d.themes(), d.countries(), d.sdgs(), d.keywords(), d.yearFounded(),
                d.volunteers(), d.employees(), d.member());
        directory.update(new UpdateOrganisation(org, e.version(), changed), editor);

        SearchResult<ProjectSummary> after = find(m);
        assertThat(counts(after, "leadType")).containsOnlyKeys("collectivite");
        assertThat(counts(after, "departement")).containsOnlyKeys("64");
        assertThat(after.items().get(0).lead().name()).isEqualTo("Commune Jumelle " + m);
        assertThat(titles(find(ProjectQuery.empty().withText(m).with("leadType", "collectivite")))).containsExactly("Jumelage " + m);
        assertThat(find(ProjectQuery.empty().withText(m).with("leadType", "association")).total()).isZero();
    }

    @Test
    void mergingAStructureMovesItsProjectsToTheOneKept() {
        String m = marker();
        long kept = association("Gardée " + m);
        long removed = association("Doublon " + m);
        publish(removed, project("Projet du doublon " + m));
        directory.merge(removed, kept, staff);
        SearchResult<ProjectSummary> result = find(m);
        assertThat(titles(result)).containsExactly("Projet du doublon " + m);
        assertThat(result.items().get(0).lead().name()).isEqualTo("Gardée " + m);
        assertThat(projects.ofOrganisation(kept, true)).extracting(p -> p.data().title()).containsExactly("Projet du doublon " + m);
    }

    @Test
    void filtersByLeadStructureAndSorts() {
        String m = marker();
        long a = association("Porteur A " + m);
        long b = association("Porteur B " + m);
        publish(a, project("Zèbre " + m).planned(LocalDate.of(2018, 1, 1), LocalDate.of(2019, 1, 1)).status("4"));
        publish(a, project("Antilope " + m).planned(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)));
        publish(b, project("Buffle " + m).planned(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 1, 1)).status("4"));
        String slugA = directory.ref(a).orElseThrow().slug();

        SearchResult<ProjectSummary> ofA = find(ProjectQuery.empty().withText(m).with("organisation", slugA));
        assertThat(titles(ofA)).containsExactlyInAnyOrder("Zèbre " + m, "Antilope " + m);
        assertThat(ofA.facet("organisation").orElseThrow().values()).singleElement()
                .satisfies(v -> {
                    assertThat(v.label()).isEqualTo("Porteur A " + m);
                    assertThat(v.count()).isEqualTo(2);
                });

        ProjectQuery q = ProjectQuery.empty().withText(m);
        assertThat(titles(find(q.withSort("title")))).containsExactly("Antilope " + m, "Buffle " + m, "Zèbre " + m);
        assertThat(titles(find(q.withSort("start")))).containsExactly("Antilope " + m, "Buffle " + m, "Zèbre " + m);
        assertThat(titles(find(q.withSort("updated")))).containsExactly("Buffle " + m, "Antilope " + m, "Zèbre " + m);
        SearchResult<ProjectSummary> page2 = find(q.withSort("title").withSize(2).withPage(2));
        assertThat(page2.total()).isEqualTo(3);
        assertThat(titles(page2)).containsExactly("Zèbre " + m);
    }

    @Test
    void theDirectoryCountsAndFiltersStructuresByTheirProjects() {
        String m = marker();
        // declares Senegal and water, but its project is in Mali on health
        long declared = TestStructures.published(directory, editor, "Déclarée " + m, "association", "33000", "Bordeaux",
                List.of("SN"), List.of("eau-assainissement"));
        long active = TestStructures.published(directory, editor, "Active " + m, "association", "33000", "Bordeaux",
                List.of("FR"), List.of("culture-patrimoine"));
        publish(declared, project("Santé à Kayes " + m).countries("ML").themes("sante").sectors("12220"));
        long water = publish(active, project("Forages " + m).countries("SN").themes("eau-assainissement"));
        publish(active, project("Latrines " + m).countries("SN", "MR").themes("eau-assainissement"));

        OrganisationQuery inSenegalOnWater = OrganisationQuery.empty().withText(m)
                .withValues("country", List.of("SN")).withValues("theme", List.of("eau-assainissement"));
        // declared countries and themes
        assertThat(names(directorySearch.search(inSenegalOnWater, FR))).containsExactly("Déclarée " + m);
        // "has projects" not ticked: its count tells what ticking it gives
        assertThat(counts(directorySearch.search(inSenegalOnWater, FR), "projects")).containsEntry("true", 1L);
        // ticked: countries and themes of their projects
        SearchResult<OrganisationSummary> byProjects = directorySearch.search(inSenegalOnWater.withValues("projects", List.of("true")), FR);
        assertThat(names(byProjects)).containsExactly("Active " + m);
        assertThat(byProjects.items().get(0).publishedProjects()).isEqualTo(2);
        // the countries of their projects on water (the structure working on health in Mali is not counted)
        assertThat(counts(byProjects, "country")).containsEntry("SN", 1L).containsEntry("MR", 1L).doesNotContainKey("ML");
        assertThat(counts(byProjects, "projects")).containsEntry("true", 1L);

        SearchResult<OrganisationSummary> withProjects = directorySearch.search(
                OrganisationQuery.empty().withText(m).withValues("projects", List.of("true")), FR);
        assertThat(names(withProjects)).containsExactlyInAnyOrder("Déclarée " + m, "Active " + m);

        // unpublishing a project updates the counts and the filter
        projects.unpublish(water, editor);
        assertThat(directorySearch.search(inSenegalOnWater.withValues("projects", List.of("true")), FR).items())
                .extracting(OrganisationSummary::publishedProjects).containsExactly(1);
        assertThat(directorySearch.findPublished(directory.ref(active).orElseThrow().slug(), FR).orElseThrow().publishedProjects()).isEqualTo(1);
    }

    private static List<String> names(SearchResult<OrganisationSummary> result) {
        return result.items().stream().map(OrganisationSummary::name).toList();
    }

    @Test
    void theDirectoryProjectCountsCanBeRebuiltFromTheProjects() {
        String m = marker();
        long org = association("Recomptée " + m);
        publish(org, project("Un " + m));
        publish(org, project("Deux " + m).countries("BJ"));
        // the counts got lost (say a crash between a project's change and the directory's update)
        directory.recordProjectActivity(org, 0, java.util.Set.of(), java.util.Set.of());
        assertThat(directorySearch.findPublished(directory.ref(org).orElseThrow().slug(), FR).orElseThrow().publishedProjects()).isZero();

        search.syncDirectoryActivity(true);
        assertThat(directory.projectActivities().get(org)).satisfies(a -> {
            assertThat(a.publishedProjects()).isEqualTo(2);
            assertThat(a.countries()).containsExactly("BJ", "SN");
            assertThat(a.themes()).containsExactly("eau-assainissement");
        });
        assertThat(names(directorySearch.search(OrganisationQuery.empty().withText(m).withValues("projects", List.of("true"))
                .withValues("country", List.of("BJ")), FR))).containsExactly("Recomptée " + m);
    }
}
