package fr.maillage.directory;

import static fr.maillage.directory.OrganisationTestData.marker;
import static fr.maillage.directory.OrganisationTestData.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * "Ils travaillent comme vous" and "Structures proches": ranking in the search index (common
 * countries and themes weigh, the same département a little), what is left out (the structure
 * itself, the person's own, unpublished ones, a mere neighbour), the "why" of each suggestion,
 * on the structure page, in "Mon espace" and in the API. Each test works in its own rare
 * countries (Pacific islands) so that other tests' structures stay out of the way; results
 * are read for this test's marker only.
 */
@SpringBootTest
@ActiveProfiles("test")
class SuggestionsIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    DirectorySearch search;

    @Autowired
    Directory directory;

    @Autowired
    OrganisationRepository repository;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /**
     * A person whose structure works in countries {@code a} and {@code b} on health, in Gironde;
     * and structures more or less like it ({@code c}: a third country nobody else here shares).
     */
    record World(String m, TestPerson me, long mine, long mineWithoutData, String best, String countryAndTheme, String twoCountries,
                 String countryAndNeighbour, String themeOnly, String neighbourOnly, String pending, String page) {
    }

    World world(String a, String b, String c) {
        String m = marker();
        TestPerson me = TestStructures.member("Awa Diop " + m);
        long mine = TestStructures.published(directory, me, "Ma structure " + m, "association", "33000", "Bordeaux",
                List.of(a, b), List.of("sante"));
        long mineWithoutData = TestStructures.published(directory, me, "Mon autre structure " + m, "association", "33000", "Bordeaux",
                List.of(), List.of());
        String best = organisation("Meilleure " + m).countries(b, a).themes("sante").save(repository).slug;
        String countryAndTheme = organisation("Pays et theme " + m).place("Paris", "75001", "75", "11")
                .countries(a).themes("sante", "ecsi").save(repository).slug;
        String twoCountries = organisation("Deux pays " + m).place("Lyon", "69001", "69", "84")
                .countries(a, b).themes("energie").save(repository).slug;
        String countryAndNeighbour = organisation("Pays et voisin " + m).countries(a).themes("genre").save(repository).slug;
        String themeOnly = organisation("Theme seul " + m).place("Lille", "59000", "59", "32")
                .countries(c).themes("sante").save(repository).slug;
        String neighbourOnly = organisation("Voisin seul " + m).countries(c).themes("energie").save(repository).slug;
        String pending = organisation("En attente " + m).countries(a, b).themes("sante")
                .status(OrganisationStatus.PENDING).save(repository).slug;
        String page = organisation("Page lue " + m).countries(a, b).themes("sante").save(repository).slug;
        return new World(m, me, mine, mineWithoutData, best, countryAndTheme, twoCountries, countryAndNeighbour, themeOnly,
                neighbourOnly, pending, page);
    }

    private static List<Suggestion> ofMarker(List<Suggestion> all, String m) {
        return all.stream().filter(s -> s.organisation().name().endsWith(m)).toList();
    }

    @Test
    void theStructuresOfAMemberGetSuggestionsRankedByWhatTheyShareWithTheirOwnAndThisPageLeftOut() {
        World w = world("TV", "NR", "KI");
        long pageId = repository.findBySlug(w.page()).orElseThrow().id;

        List<Suggestion> found = ofMarker(search.suggestionsFor(w.me().personId(), pageId, Locale.FRENCH, 500), w.m());

        // 3+3 countries, 2 theme, 2 both, 1 département = 11; 3+2+2 = 7; 3+3 = 6; 3+1 = 4; 2
        assertThat(found).extracting(s -> s.organisation().slug())
                .containsExactly(w.best(), w.countryAndTheme(), w.twoCountries(), w.countryAndNeighbour(), w.themeOnly());
        // left out: the page being read, the person's own structures, an unpublished one, and a
        // structure that only shares the département
        assertThat(found).extracting(s -> s.organisation().slug()).doesNotContain(w.page(), w.pending(), w.neighbourOnly());
        assertThat(found).extracting(s -> s.organisation().id()).doesNotContain(w.mine(), w.mineWithoutData());

        Suggestion best = found.get(0);
        assertThat(best.sharedCountries()).extracting(c -> c.code()).containsExactly("NR", "TV");
        assertThat(best.sharedThemes()).extracting(c -> c.code()).containsExactly("sante");
        assertThat(best.sharedDepartement().code()).isEqualTo("33");
        assertThat(best.why()).isEqualTo("En commun\u00a0: Nauru · Tuvalu · Santé · Gironde (33)");
        assertThat(found.get(1).why()).isEqualTo("En commun\u00a0: Tuvalu · Santé");
        assertThat(found.get(2).why()).isEqualTo("En commun\u00a0: Tuvalu · Nauru");
        assertThat(found.get(4).why()).isEqualTo("En commun\u00a0: Santé");
        assertThat(found.get(4).sharedDepartement()).isNull();

        // in English
        Suggestion inEnglish = ofMarker(search.suggestionsFor(w.me().personId(), pageId, Locale.ENGLISH, 500), w.m()).get(1);
        assertThat(inEnglish.why()).isEqualTo("In common: Tuvalu · Health");
    }

    @Test
    void aLongListOfCommonPointsIsShortenedInTheWhy() {
        String m = marker();
        organisation("Beaucoup " + m).countries("BV", "HM", "GS").themes("sante", "ecsi", "energie").save(repository);
        Organisation page = organisation("Reference " + m).countries("BV", "HM", "GS").themes("sante", "ecsi", "energie").save(repository);
        OrganisationDetails details = search.findPublished(page.slug, Locale.FRENCH).orElseThrow();

        Suggestion s = ofMarker(search.similarSuggestions(details, Locale.FRENCH, 500), m).get(0);

        assertThat(s.why()).startsWith("En commun\u00a0: Île Bouvet · Îles Heard-et-MacDonald · Géorgie du Sud-et-les Îles Sandwich du Sud · Santé et 2 autres");
    }

    @Test
    void eachOfMyStructuresGetsItsBestMatchesAndOneWithoutCountriesNorThemesIsToldToCompleteItsRecord() {
        World w = world("MH", "PW", "FM");

        List<StructureSuggestions> groups = search.suggestionsByStructure(w.me().personId(), Locale.FRENCH, 500);

        assertThat(groups).extracting(StructureSuggestions::organisationId).containsExactly(w.mine(), w.mineWithoutData());
        StructureSuggestions mine = groups.get(0);
        assertThat(mine.hasData()).isTrue();
        assertThat(ofMarker(mine.suggestions(), w.m())).extracting(s -> s.organisation().slug())
                .startsWith(w.best(), w.page(), w.countryAndTheme())
                .doesNotContain(w.pending(), w.neighbourOnly());
        assertThat(groups.get(1).hasData()).isFalse();
        assertThat(groups.get(1).suggestions()).isEmpty();
    }

    @Test
    void aVisitorSeesTheStructuresCloseToThePageRankedTheSameWay() {
        World w = world("WS", "TO", "SB");
        OrganisationDetails page = search.findPublished(w.page(), Locale.FRENCH).orElseThrow();

        List<Suggestion> found = ofMarker(search.similarSuggestions(page, Locale.FRENCH, 500), w.m());

        // the page's structure is in Gironde too; "Ma structure" shares as much as "Meilleure" (11 points), and comes first by name
        String mine = directory.ref(w.mine()).orElseThrow().slug();
        assertThat(found).extracting(s -> s.organisation().slug())
                .containsExactly(mine, w.best(), w.countryAndTheme(), w.twoCountries(), w.countryAndNeighbour(), w.themeOnly())
                .doesNotContain(w.page(), w.pending());
        // the older list of summaries follows the same order
        assertThat(search.similar(page, Locale.FRENCH, 500).stream().filter(o -> o.name().endsWith(w.m())).map(OrganisationSummary::slug))
                .containsExactly(mine, w.best(), w.countryAndTheme(), w.twoCountries(), w.countryAndNeighbour(), w.themeOnly());
    }

    @Test
    void aStructureWithoutCountriesNorThemesHasNoSuggestion() {
        String m = marker();
        Organisation lonely = organisation("Sans pays " + m).save(repository);
        OrganisationDetails details = search.findPublished(lonely.slug, Locale.FRENCH).orElseThrow();

        assertThat(search.similarSuggestions(details, Locale.FRENCH, 6)).isEmpty();
        TestPerson nobody = TestStructures.member("Personne " + m);
        assertThat(search.suggestionsFor(nobody.personId(), null, Locale.FRENCH, 6)).isEmpty();
        assertThat(search.suggestionsByStructure(nobody.personId(), Locale.FRENCH, 6)).isEmpty();
    }

    @Test
    void theStructurePageShowsTheyWorkLikeYouToAMemberAndCloseStructuresToAVisitor() throws Exception {
        World w = world("VU", "NU", "CK");

        String asMember = mvc.perform(get("/acteurs/" + w.page()).with(user(w.me())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asMember).contains("Ils travaillent comme vous").contains("/mon-espace/suggestions")
                .contains("Meilleure " + w.m()).contains("En commun\u00a0: Niué · Vanuatu · Santé · Gironde (33)")
                .doesNotContain("Ma structure " + w.m()).doesNotContain("En attente " + w.m());
        // the page's own name only in its heading, not among the suggestions
        assertThat(asMember.split("id=\"suggestions\"")[1]).doesNotContain("Page lue " + w.m());

        String asVisitor = mvc.perform(get("/acteurs/" + w.page()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asVisitor).doesNotContain("Ils travaillent comme vous").contains("Structures proches")
                .contains("Meilleure " + w.m()).contains("En commun\u00a0: Vanuatu · Santé");
    }

    @Test
    void myStructuresGetTheirSuggestionsInMySpace() throws Exception {
        World w = world("TK", "PN", "NF");

        String html = mvc.perform(get("/mon-espace/suggestions").with(user(w.me())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Pour «\u00a0Ma structure " + w.m() + "\u00a0»").contains("Meilleure " + w.m())
                .contains("En commun\u00a0: Îles Pitcairn · Tokelau · Santé · Gironde (33)")
                .contains("Pour «\u00a0Mon autre structure " + w.m() + "\u00a0»").contains("Compléter la fiche")
                .contains("/acteurs/" + w.best() + "/contacter");
        mvc.perform(get("/mon-espace/suggestions").with(user(TestStructures.member("Sans structure"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vous n’êtes rattaché à aucune structure")));
        mvc.perform(get("/mon-espace/suggestions")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theApiGivesTheSuggestionsOfAStructureWithWhy() throws Exception {
        World w = world("CX", "CC", "IO");

        mvc.perform(get("/api/v1/organisations/" + w.page() + "/similar").param("limit", "24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation").value(w.page()))
                .andExpect(jsonPath("$.basis").value("organisation"))
                .andExpect(jsonPath("$.items[?(@.organisation.slug=='" + w.best() + "')].why")
                        .value("En commun\u00a0: Îles Cocos · Île Christmas · Santé · Gironde (33)"))
                .andExpect(jsonPath("$.items[?(@.organisation.slug=='" + w.best() + "')].sharedCountries[0].code").value("CC"))
                .andExpect(jsonPath("$.items[?(@.organisation.slug=='" + w.page() + "')]").isEmpty());
        mvc.perform(get("/api/v1/organisations/" + w.page() + "/similar").param("basis", "me").param("limit", "24").with(user(w.me())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basis").value("me"))
                .andExpect(jsonPath("$.items[?(@.organisation.slug=='" + w.best() + "')]").isNotEmpty())
                .andExpect(jsonPath("$.items[?(@.organisation.slug=='" + w.page() + "')]").isEmpty());

        mvc.perform(get("/api/v1/organisations/" + w.page() + "/similar").param("basis", "me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/organisations/" + w.page() + "/similar").param("limit", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limit")));
        mvc.perform(get("/api/v1/organisations/" + w.page() + "/similar").param("basis", "tout"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/organisations/" + w.pending() + "/similar"))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
