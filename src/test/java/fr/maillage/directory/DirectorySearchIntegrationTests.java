package fr.maillage.directory;

import static fr.maillage.directory.OrganisationTestData.marker;
import static fr.maillage.directory.OrganisationTestData.organisation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
class DirectorySearchIntegrationTests {

    static final Locale FR = Locale.FRENCH;

    @Autowired
    DirectorySearch search;

    @Autowired
    OrganisationRepository repository;

    private SearchResult<OrganisationSummary> find(String q) {
        return search.search(OrganisationQuery.empty().withText(q), FR);
    }

    private static List<String> names(SearchResult<OrganisationSummary> result) {
        return result.items().stream().map(OrganisationSummary::name).toList();
    }

    private static Map<String, Long> counts(SearchResult<?> result, String facet) {
        return result.facet(facet).orElseThrow().values().stream()
                .collect(Collectors.toMap(Facet.FacetValue::code, Facet.FacetValue::count));
    }

    @Test
    void findsWithoutAccentsNorCaseAndInCountryNames() {
        String m = marker();
        organisation("Musée des Cultures du Monde " + m).countries("CI").themes("culture-patrimoine").save(repository);
        organisation("Jardin partagé " + m).countries("SN").save(repository);

        assertThat(names(find("musee " + m))).containsExactly("Musée des Cultures du Monde " + m);
        assertThat(names(find("MUSÉE " + m))).containsExactly("Musée des Cultures du Monde " + m);
        assertThat(names(find("cote d ivoire " + m))).containsExactly("Musée des Cultures du Monde " + m);
        assertThat(names(find("Ivory Coast " + m))).isEmpty(); // the English label is "Cote d'Ivoire"
        assertThat(names(find("culture " + m))).containsExactly("Musée des Cultures du Monde " + m);
        assertThat(names(find("sénégal " + m))).containsExactly("Jardin partagé " + m);
    }

    @Test
    void toleratesATypoInAName() {
        String m = marker();
        organisation("Tisserands Solidaires " + m).save(repository);
        assertThat(names(find("Tiserands " + m))).containsExactly("Tisserands Solidaires " + m);
        assertThat(names(find("solidiares " + m))).containsExactly("Tisserands Solidaires " + m);
    }

    @Test
    void combinesFacetsWithOrInsideAndAcrossWithDisjunctiveCounts() {
        String m = marker();
        organisation("Alpha " + m).countries("SN").themes("sante").save(repository);
        organisation("Beta " + m).countries("ML").themes("sante").save(repository);
        organisation("Gamma " + m).countries("SN", "ML").themes("ecsi").save(repository);
        organisation("Delta " + m).countries("MG").themes("ecsi").member(true).save(repository);

        OrganisationQuery base = OrganisationQuery.empty().withText(m);
        SearchResult<OrganisationSummary> all = search.search(base, FR);
        assertThat(all.total()).isEqualTo(4);
        assertThat(counts(all, "country")).containsEntry("SN", 2L).containsEntry("ML", 2L).containsEntry("MG", 1L);

        OrganisationQuery senegalOrMali = base.with("country", "SN").with("country", "ML");
        SearchResult<OrganisationSummary> or = search.search(senegalOrMali, FR);
        assertThat(names(or)).containsExactlyInAnyOrder("Alpha " + m, "Beta " + m, "Gamma " + m);
        // disjunctive: Madagascar stays visible with its count, the selection is flagged
        assertThat(counts(or, "country")).containsEntry("MG", 1L).containsEntry("SN", 2L);
        assertThat(or.facet("country").orElseThrow().values()).anyMatch(v -> v.code().equals("SN") && v.selected());
        assertThat(counts(or, "theme")).containsEntry("sante", 2L).containsEntry("ecsi", 1L);

        SearchResult<OrganisationSummary> and = search.search(senegalOrMali.with("theme", "ecsi"), FR);
        assertThat(names(and)).containsExactly("Gamma " + m);
        assertThat(counts(and, "theme")).containsEntry("sante", 2L).containsEntry("ecsi", 1L);
        assertThat(counts(and, "country")).containsEntry("SN", 1L).containsEntry("ML", 1L).containsEntry("MG", 1L);

        SearchResult<OrganisationSummary> members = search.search(base.with("member", "true"), FR);
        assertThat(names(members)).containsExactly("Delta " + m);
        assertThat(counts(members, "member")).containsEntry("true", 1L).containsEntry("false", 3L);
    }

    @Test
    void sortsAndPages() {
        String m = marker();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        organisation("Écoles du Sahel " + m).updatedAt(now.minus(3, ChronoUnit.DAYS)).save(repository);
        organisation("Amitiés lointaines " + m).updatedAt(now.minus(1, ChronoUnit.DAYS)).save(repository);
        organisation("Bâtisseurs " + m).updatedAt(now.minus(2, ChronoUnit.DAYS)).save(repository);

        OrganisationQuery q = OrganisationQuery.empty().withText(m);
        assertThat(names(search.search(q.withSort("name"), FR)))
                .containsExactly("Amitiés lointaines " + m, "Bâtisseurs " + m, "Écoles du Sahel " + m);
        assertThat(names(search.search(q.withSort("updated"), FR)))
                .containsExactly("Amitiés lointaines " + m, "Bâtisseurs " + m, "Écoles du Sahel " + m);
        SearchResult<OrganisationSummary> page2 = search.search(q.withSort("name").withSize(2).withPage(2), FR);
        assertThat(page2.total()).isEqualTo(3);
        assertThat(page2.totalPages()).isEqualTo(2);
        assertThat(names(page2)).containsExactly("Écoles du Sahel " + m);
    }

    @Test
    void showsOnlyPublishedStructures() {
        String m = marker();
        organisation("Publiée " + m).save(repository);
        organisation("En attente " + m).status(OrganisationStatus.PENDING).save(repository);
        organisation("Refusée " + m).status(OrganisationStatus.REFUSED).save(repository);
        assertThat(names(find(m))).containsExactly("Publiée " + m);
    }

    @Test
    void similarStructuresShareCountriesAndThemes() {
        String m = marker();
        Organisation self = organisation("Référence " + m).countries("HT", "BJ").themes("genre", "migrations").save(repository);
        organisation("Très proche " + m).countries("HT", "BJ").themes("genre").save(repository);
        organisation("Proche " + m).countries("HT").save(repository);
        OrganisationDetails details = search.findPublished(self.slug, FR).orElseThrow();
        List<String> similar = search.similar(details, FR, 50).stream().map(OrganisationSummary::name).filter(n -> n.endsWith(m)).toList();
        assertThat(similar).containsExactly("Très proche " + m, "Proche " + m);
    }
}
