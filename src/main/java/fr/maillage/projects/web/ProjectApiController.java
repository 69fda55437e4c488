package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectQuery;
import fr.maillage.projects.ProjectSearch;
import fr.maillage.projects.ProjectSummary;
import fr.maillage.projects.Projects;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.Facet;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The projects as JSON: {@code GET /api/v1/projects} (search with facets) and {@code /api/v1/projects/{slug}}. */
@ApiController
@Tag(name = "Projets", description = "Les projets publiés des structures de l'annuaire")
class ProjectApiController {

    private final ProjectSearch search;
    private final Projects projects;
    private final Directory directory;
    private final Reference reference;
    private final MessageSource messages;
    private final MaillageProperties properties;

    ProjectApiController(ProjectSearch search, Projects projects, Directory directory, Reference reference, MessageSource messages,
            MaillageProperties properties) {
        this.search = search;
        this.projects = projects;
        this.directory = directory;
        this.reference = reference;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/api/v1/projects")
    @Operation(summary = "Chercher des projets",
            description = "Projets publiés des structures publiées. Recherche plein texte en français (accents et casse ignorés, "
                    + "fautes de frappe tolérées sur les titres) et facettes. Plusieurs valeurs d'un même filtre se combinent en OU, "
                    + "les filtres entre eux en ET. Les compteurs d'une facette ignorent sa propre sélection.")
    @ApiResponse(responseCode = "200", description = "Une page de résultats et les facettes")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide (ProblemDetail)")
    ProjectPage search(
            @Parameter(description = "Texte cherché (titre, résumé, description, pays, lieux, thèmes, secteurs, partenaires, structure porteuse)")
            @RequestParam(required = false) String q,
            @Parameter(description = "Pays, code ISO alpha-2 (répétable)") @RequestParam(required = false) List<String> country,
            @Parameter(description = "Thème, code (répétable) ; voir /api/v1/reference/themes") @RequestParam(required = false) List<String> theme,
            @Parameter(description = "Secteur, catégorie CAD à 3 chiffres (répétable) ; voir /api/v1/reference/dac-categories. "
                    + "Un projet dont le secteur CAD à 5 chiffres est 14030 compte dans 140.") @RequestParam(required = false) List<String> sector,
            @Parameter(description = "Objectif de développement durable, 1 à 17 (répétable)") @RequestParam(required = false) List<String> sdg,
            @Parameter(description = "État IATI du projet, 1 à 6 (répétable) ; voir /api/v1/reference/activity-status")
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "Année (répétable) : un projet compte pour chaque année entre son début et sa fin")
            @RequestParam(required = false) List<String> year,
            @Parameter(description = "Type de financeur (répétable) : MEAE, AFD, REGION, DEPARTEMENT, COMMUNE, AGENCE_EAU, EU, UN, "
                    + "FOUNDATION, PRIVATE, OWN, OTHER") @RequestParam(required = false) List<String> funder,
            @Parameter(description = "Type de la structure porteuse (répétable) ; voir /api/v1/reference/structure-types")
            @RequestParam(required = false) List<String> leadType,
            @Parameter(description = "Département de la structure porteuse, code INSEE (répétable)")
            @RequestParam(required = false) List<String> departement,
            @Parameter(description = "Structure porteuse, identifiant (slug) de l'annuaire (répétable)")
            @RequestParam(required = false) List<String> organisation,
            @Parameter(description = "Projets signalés exemplaires par l'équipe du réseau") @RequestParam(required = false) Boolean exemplary,
            @Parameter(description = "relevance (par défaut avec un texte), updated (par défaut sinon), start (début le plus récent d'abord) ou title")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Page, à partir de 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "Taille de page, 1 à 100 (20 par défaut)") @RequestParam(required = false) Integer size,
            Locale locale) {
        if (page != null && page < 1) {
            throw ApiProblem.badRequest("page doit être supérieur ou égal à 1 (reçu : " + page + ")");
        }
        if (page != null && page > 10_000) {
            throw ApiProblem.badRequest("page ne doit pas dépasser 10000 (reçu : " + page + ") : affinez la recherche");
        }
        if (size != null && (size < 1 || size > ProjectQuery.MAX_SIZE)) {
            throw ApiProblem.badRequest("size doit être compris entre 1 et " + ProjectQuery.MAX_SIZE + " (reçu : " + size + ")");
        }
        if (sort != null && !sort.isBlank() && !ProjectQuery.SORTS.contains(sort.strip())) {
            throw ApiProblem.badRequest("sort doit valoir relevance, updated, start ou title (reçu : " + sort + ")");
        }
        if (q != null && q.length() > 500) {
            throw ApiProblem.badRequest("q ne doit pas dépasser 500 caractères");
        }
        ProjectQuery query = new ProjectQuery(q, country, theme, sector, sdg, status, year, funder, leadType, departement, organisation,
                exemplary, sort, page, size);
        List<String> unknown = search.unknownCodes(query);
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("Code(s) inconnu(s) : " + String.join(", ", unknown));
        }
        SearchResult<ProjectSummary> result = search.search(query, locale);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : result.facets()) {
            facets.put(facet.name(), facet.values().stream().map(v -> new FacetCount(v.code(), v.label(), v.count())).toList());
        }
        return new ProjectPage(result.items(), result.total(), result.page(), result.size(), facets);
    }

    @GetMapping("/api/v1/projects/{slug}")
    @Operation(summary = "Un projet publié", description = "Contenu public du projet, codes avec leurs libellés dans la langue demandée (Accept-Language).")
    @ApiResponse(responseCode = "200", description = "Le projet")
    @ApiResponse(responseCode = "404", description = "Projet inconnu ou non publié (ProblemDetail)")
    ProjectResource project(@PathVariable String slug, Locale locale) {
        ProjectDetails p = projects.find(slug).filter(ProjectDetails::isPublished)
                .orElseThrow(() -> ApiProblem.notFound("Aucun projet publié ne porte l'identifiant « " + slug + " »"));
        OrganisationRef lead = directory.ref(p.organisationId()).filter(OrganisationRef::published)
                .orElseThrow(() -> ApiProblem.notFound("Aucun projet publié ne porte l'identifiant « " + slug + " »"));
        return resource(p, lead, locale);
    }

    private ProjectResource resource(ProjectDetails p, OrganisationRef lead, Locale locale) {
        ProjectData d = p.data();
        Set<Long> ids = new HashSet<>();
        d.partners().forEach(pa -> {
            if (pa.organisationId() != null) {
                ids.add(pa.organisationId());
            }
        });
        d.fundings().forEach(f -> {
            if (f.organisationId() != null) {
                ids.add(f.organisationId());
            }
        });
        Map<Long, OrganisationRef> refs = directory.refs(ids);
        String base = properties.baseUrl();
        return new ProjectResource(p.slug(), d.title(), d.summary(), d.description(), base + "/projets/" + p.slug(),
                label("status", d.activityStatus(), locale),
                d.plannedStart(), d.plannedEnd(), d.actualStart(), d.actualEnd(),
                organisation(lead, locale),
                d.places().stream().map(pl -> new Place(label("country", pl.countryCode(), locale), pl.place(), pl.latitude(), pl.longitude())).toList(),
                d.themes().stream().map(t -> label("theme", t, locale)).toList(),
                d.sdgs().stream().map(s -> label("sdg", s, locale)).toList(),
                d.sectors().stream().map(s -> sector(s, locale)).toList(),
                d.partners().stream().map(pa -> new Partner(
                        pa.organisationId() != null && refs.containsKey(pa.organisationId()) ? refs.get(pa.organisationId()).displayName() : pa.name(),
                        pa.organisationId() == null ? null : publicOrganisation(refs.get(pa.organisationId()), locale),
                        pa.orgType() == null ? null : new CodeLabel(pa.orgType(), reference.label(RefList.IATI_ORGANISATION_TYPES, pa.orgType(), locale)),
                        pa.countryCode() == null ? null : label("country", pa.countryCode(), locale),
                        new CodeLabel(pa.role(), messages.getMessage("projects.search.role." + pa.role(), null, pa.role(), locale)))).toList(),
                d.fundings().stream().map(f -> new Funding(label("funder", f.funderKind(), locale), f.funderName(),
                        f.organisationId() == null ? null : publicOrganisation(refs.get(f.organisationId()), locale),
                        f.amount(), f.currency(), f.year())).toList(),
                p.totalBudget(), d.budgetCurrency(),
                d.links().stream().map(l -> new Link(l.kind(), l.title(), l.fileKey() != null ? base + "/fichiers/" + l.fileKey() : l.url(), l.mediaType())).toList(),
                new Lessons(d.lessonsWorked(), d.lessonsFailed(), d.lessonsAdvice()),
                p.exemplary(), p.iatiIdentifier(), p.updatedAt(), p.publishedAt());
    }

    private CodeLabel label(String facet, String code, Locale locale) {
        return code == null ? null : new CodeLabel(code, search.facetLabel(facet, code, locale));
    }

    private Sector sector(ProjectData.Sector s, Locale locale) {
        boolean dac5 = "1".equals(s.vocabulary());
        String label = reference.label(dac5 ? RefList.DAC_SECTORS : RefList.DAC_CATEGORIES, s.code(), locale);
        String category = dac5 ? reference.find(RefList.DAC_SECTORS, s.code()).map(i -> i.parent()).orElse(null)
                : "2".equals(s.vocabulary()) ? s.code() : null;
        return new Sector(s.vocabulary(), s.code(), label, category == null || category.isBlank() ? null : label("sector", category, locale),
                s.percentage());
    }

    private Organisation organisation(OrganisationRef o, Locale locale) {
        return new Organisation(o.slug(), o.displayName(),
                o.structureType() == null ? null : new CodeLabel(o.structureType(), reference.label(RefList.STRUCTURE_TYPES, o.structureType(), locale)),
                properties.baseUrl() + "/acteurs/" + o.slug());
    }

    /** A structure of the directory, when the public may see it. */
    private Organisation publicOrganisation(OrganisationRef o, Locale locale) {
        return o == null || !o.published() ? null : organisation(o, locale);
    }

    /** A page of results: {@code facets} maps each facet (country, theme...) to its values and counts. */
    record ProjectPage(List<ProjectSummary> items, long total, int page, int size, Map<String, List<FacetCount>> facets) {
    }

    record FacetCount(String code, String label, long count) {
    }

    /** A published project, codes with their labels. */
    record ProjectResource(String slug, String title, String summary, String description, String url, CodeLabel status,
            LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
            Organisation lead, List<Place> places, List<CodeLabel> themes, List<CodeLabel> sdgs, List<Sector> sectors,
            List<Partner> partners, List<Funding> fundings, BigDecimal totalBudget, String budgetCurrency, List<Link> links,
            Lessons lessons, boolean exemplary, String iatiIdentifier, Instant updatedAt, Instant publishedAt) {
    }

    record Organisation(String slug, String name, CodeLabel structureType, String url) {
    }

    record Place(CodeLabel country, String place, Double latitude, Double longitude) {
    }

    /** {@code vocabulary}: IATI's (1 DAC 5 digits, 2 DAC 3 digits); {@code category}: the DAC 3-digit category. */
    record Sector(String vocabulary, String code, String label, CodeLabel category, BigDecimal percentage) {
    }

    /** {@code organisation}: the structure of the directory, when the partner is one. {@code role}: IATI OrganisationRole. */
    record Partner(String name, Organisation organisation, CodeLabel type, CodeLabel country, CodeLabel role) {
    }

    record Funding(CodeLabel funder, String name, Organisation organisation, BigDecimal amount, String currency, Integer year) {
    }

    record Link(String kind, String title, String url, String mediaType) {
    }

    /** Capitalisation: what worked, what did not, advice to whoever does it next (Markdown). */
    record Lessons(String worked, String failed, String advice) {
    }
}
