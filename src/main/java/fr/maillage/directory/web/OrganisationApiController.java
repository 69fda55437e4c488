package fr.maillage.directory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationDetails;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.directory.Suggestion;
import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory as JSON: {@code GET /api/v1/organisations} and {@code /api/v1/organisations/{slug}}. */
@ApiController
@Tag(name = "Annuaire", description = "Les structures publiées de l'annuaire des acteurs")
class OrganisationApiController {

    private final DirectorySearch directory;
    private final QueryCleaner cleaner;

    OrganisationApiController(DirectorySearch directory, QueryCleaner cleaner) {
        this.directory = directory;
        this.cleaner = cleaner;
    }

    @GetMapping("/api/v1/organisations")
    @Operation(summary = "Chercher des structures",
            description = "Recherche plein texte en français (accents et casse ignorés, fautes de frappe tolérées sur les noms) et facettes. "
                    + "Plusieurs valeurs d'un même filtre se combinent en OU, les filtres entre eux en ET. "
                    + "Les compteurs d'une facette ignorent sa propre sélection.")
    @ApiResponse(responseCode = "200", description = "Une page de résultats et les facettes")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide (ProblemDetail)")
    OrganisationPage search(
            @Parameter(description = "Texte cherché (nom, sigle, description, mots-clés, ville, pays, thèmes)") @RequestParam(required = false) String q,
            @Parameter(description = "Pays d'intervention, code ISO alpha-2 (répétable)") @RequestParam(required = false) List<String> country,
            @Parameter(description = "Thème, code (répétable) ; voir /api/v1/reference/themes") @RequestParam(required = false) List<String> theme,
            @Parameter(description = "Type de structure (répétable) ; voir /api/v1/reference/structure-types") @RequestParam(required = false) List<String> type,
            @Parameter(description = "Collège (répétable) ; voir /api/v1/reference/colleges") @RequestParam(required = false) List<String> college,
            @Parameter(description = "Département, code INSEE (répétable)") @RequestParam(required = false) List<String> departement,
            @Parameter(description = "Région, code INSEE (répétable)") @RequestParam(required = false) List<String> region,
            @Parameter(description = "Objectif de développement durable, 1 à 17 (répétable)") @RequestParam(required = false) List<String> sdg,
            @Parameter(description = "Adhérent du réseau") @RequestParam(required = false) Boolean member,
            @Parameter(description = "Porte des projets publiés ; avec true, country et theme portent sur les pays et thèmes de ses projets")
            @RequestParam(required = false) Boolean projects,
            @Parameter(description = "relevance (par défaut avec un texte), name (par défaut sinon) ou updated") @RequestParam(required = false) String sort,
            @Parameter(description = "Page, à partir de 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "Taille de page, 1 à 100 (20 par défaut)") @RequestParam(required = false) Integer size,
            Locale locale) {
        if (page != null && page < 1) {
            throw ApiProblem.badRequest("page doit être supérieur ou égal à 1 (reçu : " + page + ")");
        }
        if (size != null && (size < 1 || size > OrganisationQuery.MAX_SIZE)) {
            throw ApiProblem.badRequest("size doit être compris entre 1 et " + OrganisationQuery.MAX_SIZE + " (reçu : " + size + ")");
        }
        if (sort != null && !sort.isBlank() && !OrganisationQuery.SORTS.contains(sort)) {
            throw ApiProblem.badRequest("sort doit valoir relevance, name ou updated (reçu : " + sort + ")");
        }
        if (q != null && q.length() > 500) {
            throw ApiProblem.badRequest("q ne doit pas dépasser 500 caractères");
        }
        OrganisationQuery query = new OrganisationQuery(q, country, theme, type, college, departement, region, sdg, member, projects, sort, page, size);
        List<String> unknown = cleaner.unknownCodes(query);
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("Code(s) inconnu(s) : " + String.join(", ", unknown));
        }
        SearchResult<OrganisationSummary> result = directory.search(query, locale);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : result.facets()) {
            facets.put(facet.name(), facet.values().stream().map(v -> new FacetCount(v.code(), v.label(), v.count())).toList());
        }
        return new OrganisationPage(result.items(), result.total(), result.page(), result.size(), facets);
    }

    @GetMapping("/api/v1/organisations/{slug}")
    @Operation(summary = "Une structure publiée", description = "Champs publics ; une structure fusionnée redirige (301) vers celle qui la remplace.")
    @ApiResponse(responseCode = "200", description = "La structure")
    @ApiResponse(responseCode = "301", description = "Structure fusionnée dans une autre")
    @ApiResponse(responseCode = "404", description = "Structure inconnue ou non publiée (ProblemDetail)")
    ResponseEntity<OrganisationDetails> organisation(@PathVariable String slug, Locale locale) {
        return directory.findPublished(slug, locale)
                .map(ResponseEntity::ok)
                .orElseGet(() -> directory.mergedInto(slug)
                        .map(target -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                                .header(HttpHeaders.LOCATION, "/api/v1/organisations/" + target).<OrganisationDetails>build())
                        .orElseThrow(() -> ApiProblem.notFound("Aucune structure publiée ne porte l'identifiant « " + slug + " »")));
    }

    @GetMapping("/api/v1/organisations/{slug}/similar")
    @Operation(summary = "Structures proches d'une structure publiée",
            description = "Les structures publiées qui agissent dans les mêmes pays ou sur les mêmes thèmes, les plus proches d'abord "
                    + "(3 points par pays commun, 2 par thème commun, 2 de plus pour un pays et un thème communs, 1 pour le même département), "
                    + "chacune avec ce qu'elle partage et une phrase qui le dit (why). Avec basis=me et une session ouverte : "
                    + "« Ils travaillent comme vous », les structures proches de celles de la personne connectée (les siennes et celle-ci exclues).")
    @ApiResponse(responseCode = "200", description = "Les suggestions, les plus proches d'abord")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide (ProblemDetail)")
    @ApiResponse(responseCode = "401", description = "basis=me sans session ouverte (ProblemDetail)")
    @ApiResponse(responseCode = "404", description = "Structure inconnue ou non publiée (ProblemDetail)")
    SimilarPage similar(@PathVariable String slug,
            @Parameter(description = "Nombre de suggestions, 1 à 24 (6 par défaut)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "organisation (par défaut) : proches de cette structure ; me : proches des structures de la personne connectée")
            @RequestParam(required = false) String basis,
            @AuthenticationPrincipal CurrentPerson me, Locale locale) {
        if (limit != null && (limit < 1 || limit > MAX_SIMILAR)) {
            throw ApiProblem.badRequest("limit doit être compris entre 1 et " + MAX_SIMILAR + " (reçu : " + limit + ")");
        }
        String b = basis == null || basis.isBlank() ? "organisation" : basis.strip();
        if (!b.equals("organisation") && !b.equals("me")) {
            throw ApiProblem.badRequest("basis doit valoir organisation ou me (reçu : " + basis + ")");
        }
        OrganisationDetails o = directory.findPublished(slug, locale)
                .orElseThrow(() -> ApiProblem.notFound("Aucune structure publiée ne porte l'identifiant « " + slug + " »"));
        int n = limit == null ? 6 : limit;
        if (b.equals("me")) {
            if (me == null) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "basis=me demande une session ouverte");
            }
            return new SimilarPage(o.slug(), "me", directory.suggestionsFor(me.personId(), o.id(), locale, n));
        }
        return new SimilarPage(o.slug(), "organisation", directory.similarSuggestions(o, locale, n));
    }

    static final int MAX_SIMILAR = 24;

    /** Suggestions for a structure: {@code basis} says what they are close to (this structure, or the signed-in person's structures). */
    record SimilarPage(String organisation, String basis, List<Suggestion> items) {
    }

    /** A page of results: {@code facets} maps each facet (country, theme...) to its values and counts. */
    record OrganisationPage(List<OrganisationSummary> items, long total, int page, int size, Map<String, List<FacetCount>> facets) {
    }

    record FacetCount(String code, String label, long count) {
    }
}
