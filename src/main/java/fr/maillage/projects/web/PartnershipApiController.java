package fr.maillage.projects.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.projects.PartnershipDetails;
import fr.maillage.projects.PartnershipQuery;
import fr.maillage.projects.PartnershipSummary;
import fr.maillage.projects.Partnerships;
import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Decentralised-cooperation partnerships as JSON: {@code GET /api/v1/partnerships} and {@code /api/v1/partnerships/{id}}. */
@ApiController
@Tag(name = "Coopération décentralisée", description = "Les partenariats des collectivités territoriales de l'annuaire avec des collectivités étrangères")
class PartnershipApiController {

    private final Partnerships partnerships;
    private final AtlasController atlas;

    PartnershipApiController(Partnerships partnerships, AtlasController atlas) {
        this.partnerships = partnerships;
        this.atlas = atlas;
    }

    @GetMapping("/api/v1/partnerships")
    @Operation(summary = "Chercher des partenariats",
            description = "Les partenariats des collectivités publiées, par collectivité puis partenaire. Plusieurs valeurs d'un même "
                    + "filtre se combinent en OU, les filtres entre eux en ET. Les compteurs d'un filtre ignorent sa propre sélection.")
    @ApiResponse(responseCode = "200", description = "Une page de partenariats, les chiffres clés et les compteurs de chaque filtre")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide (ProblemDetail)")
    PartnershipPage search(
            @Parameter(description = "Texte cherché dans les noms des deux collectivités et la région du partenaire") @RequestParam(required = false) String q,
            @Parameter(description = "Pays du partenaire, code ISO alpha-2 (répétable)") @RequestParam(required = false) List<String> country,
            @Parameter(description = "Département de la collectivité française, code INSEE (répétable)") @RequestParam(required = false) List<String> departement,
            @Parameter(description = "Thème, code (répétable) ; voir /api/v1/reference/themes") @RequestParam(required = false) List<String> theme,
            @Parameter(description = "Statut : PLANNED, ACTIVE, DORMANT ou ENDED (répétable)") @RequestParam(required = false) List<String> status,
            @Parameter(description = "Page, à partir de 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "Taille de page, 1 à 100 (20 par défaut)") @RequestParam(required = false) Integer size,
            Locale locale) {
        if (page != null && page < 1) {
            throw ApiProblem.badRequest("page doit être supérieur ou égal à 1 (reçu : " + page + ")");
        }
        if (size != null && (size < 1 || size > PartnershipQuery.MAX_SIZE)) {
            throw ApiProblem.badRequest("size doit être compris entre 1 et " + PartnershipQuery.MAX_SIZE + " (reçu : " + size + ")");
        }
        if (q != null && q.length() > 200) {
            throw ApiProblem.badRequest("q ne doit pas dépasser 200 caractères");
        }
        PartnershipQuery query = new PartnershipQuery(q, country, departement, theme, status, page, size);
        List<String> unknown = new ArrayList<>();
        for (String facet : PartnershipQuery.FACETS) {
            query.values(facet).stream().filter(c -> !atlas.isKnown(facet, c)).forEach(c -> unknown.add(facet + "=" + c));
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("Code(s) inconnu(s) : " + String.join(", ", unknown));
        }
        SearchResult<PartnershipSummary> result = partnerships.search(query, locale);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : result.facets()) {
            facets.put(facet.name(), facet.values().stream().map(v -> new FacetCount(v.code(), v.label(), v.count())).toList());
        }
        var figures = partnerships.figures(query);
        return new PartnershipPage(result.items(), result.total(), result.page(), result.size(), figures.authorities(), figures.countries(), facets);
    }

    @GetMapping("/api/v1/partnerships/{id}")
    @Operation(summary = "Un partenariat", description = "Ses champs publics : les adresses des personnes référentes n'y figurent pas.")
    @ApiResponse(responseCode = "200", description = "Le partenariat")
    @ApiResponse(responseCode = "404", description = "Partenariat inconnu, ou d'une collectivité non publiée (ProblemDetail)")
    PartnershipDetails partnership(@PathVariable String id, Locale locale) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("L'identifiant d'un partenariat est un nombre (reçu : « " + id + " »)");
        }
        return partnerships.find(number, locale).filter(PartnershipDetails::authorityPublished)
                .map(p -> p.publicProjects().withoutEmails())
                .orElseThrow(() -> ApiProblem.notFound("Aucun partenariat publié ne porte l'identifiant " + number));
    }

    /** A page of partnerships: the French authorities and countries they involve, and the counts of each filter's values. */
    record PartnershipPage(List<PartnershipSummary> items, long total, int page, int size, long authorities, long countries,
                           Map<String, List<FacetCount>> facets) {
    }

    record FacetCount(String code, String label, long count) {
    }
}
