package fr.maillage.projects.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.directory.OrganisationSummary;
import fr.maillage.projects.PartnershipSummary;
import fr.maillage.projects.ProjectSummary;
import fr.maillage.projects.WhoDoesWhat;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Who does what, where" as JSON: {@code GET /api/v1/who-does-what?country=SN&theme=eau-assainissement}. */
@ApiController
@Tag(name = "Qui fait quoi, où", description = "Les structures, projets et partenariats d'un pays et/ou d'un thème")
class WhoDoesWhatApiController {

    private final WhoDoesWhat whoDoesWhat;

    WhoDoesWhatApiController(WhoDoesWhat whoDoesWhat) {
        this.whoDoesWhat = whoDoesWhat;
    }

    /** One list of the answer: how many in all, the first ones. */
    record Part<T>(long total, List<T> items) {
    }

    record Answer(CodeLabel country, CodeLabel theme, Part<OrganisationSummary> structures, long structuresWithProjects,
                  Part<ProjectSummary> projects, Part<PartnershipSummary> partnerships) {
    }

    @GetMapping("/api/v1/who-does-what")
    @Operation(summary = "Qui fait quoi, où",
            description = "Pour un pays, un thème ou les deux : les structures qui y agissent, les projets publiés et les partenariats de "
                    + "coopération décentralisée, chacun avec son total et ses premiers éléments.")
    @ApiResponse(responseCode = "200", description = "Les trois listes")
    @ApiResponse(responseCode = "400", description = "Ni pays ni thème, code inconnu ou limite invalide (ProblemDetail)")
    Answer get(@Parameter(description = "Pays, code ISO alpha-2") @RequestParam(required = false) String country,
               @Parameter(description = "Thème, code ; voir /api/v1/reference/themes") @RequestParam(required = false) String theme,
               @Parameter(description = "Éléments de chaque liste, 1 à 100 (12 par défaut)") @RequestParam(required = false) Integer limit,
               Locale locale) {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw ApiProblem.badRequest("limit doit être compris entre 1 et 100 (reçu : " + limit + ")");
        }
        WhoDoesWhat.Where where;
        try {
            where = whoDoesWhat.where(country, theme, locale);
        } catch (WhoDoesWhat.UnknownCode e) {
            throw ApiProblem.badRequest(e.field() + " inconnu : " + e.code());
        }
        if (where.isEmpty()) {
            throw ApiProblem.badRequest("Indiquez un pays (country), un thème (theme) ou les deux");
        }
        WhoDoesWhat.View v = whoDoesWhat.view(where, locale, limit == null ? WhoDoesWhat.PAGE_LIMIT : limit);
        return new Answer(where.country(), where.theme(),
                new Part<>(v.structures().total(), v.structures().items()), v.structuresWithProjects(),
                new Part<>(v.projects().total(), v.projects().items()),
                new Part<>(v.partnerships().total(), v.partnerships().items()));
    }
}
