package fr.maillage.reference.web;

import java.util.List;

import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;

/** The reference lists as JSON: {@code GET /api/v1/reference/{list}}. */
@ApiController
@Tag(name = "Référentiels", description = "Listes de référence : pays, régions, départements, thèmes, ODD, types de structure…")
class ReferenceApiController {

    private final Reference reference;

    ReferenceApiController(Reference reference) {
        this.reference = reference;
    }

    @GetMapping("/api/v1/reference/{list}")
    @Operation(summary = "Une liste de référence", description = "Codes et libellés (français et anglais) ; parent : région d'un département, collège d'un type de structure, catégorie d'un secteur CAD.")
    ResponseEntity<List<RefEntry>> list(
            @Parameter(description = "countries, regions, departements, themes, dac-sectors, dac-categories, sdgs, iati-organisation-types, activity-status, structure-types, colleges")
            @PathVariable String list) {
        RefList refList = RefList.fromSlug(list).orElseThrow(() -> ApiProblem.notFound("Liste de référence inconnue : " + list));
        List<RefEntry> entries = reference.list(refList).stream()
                .map(i -> new RefEntry(i.code(), i.labelFr(), i.labelEn(), i.parent() == null || i.parent().isEmpty() ? null : i.parent()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(entries);
    }

    /** One entry: {@code label} in French, {@code labelEn} in English. */
    record RefEntry(String code, String label, String labelEn, String parent) {
    }
}
