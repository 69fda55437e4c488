package fr.maillage.directory.web;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.directory.OrganisationQuery;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.stereotype.Component;

/**
 * Checks the codes of a search against the reference lists. Pages quietly drop what they do
 * not know (an old link keeps working); the API reports it.
 */
@Component
class QueryCleaner {

    private final Reference reference;

    QueryCleaner(Reference reference) {
        this.reference = reference;
    }

    /** The unknown codes of the query, as "parameter=value" strings. */
    List<String> unknownCodes(OrganisationQuery query) {
        List<String> unknown = new ArrayList<>();
        for (String facet : OrganisationQuery.FACETS) {
            if (OrganisationQuery.BOOLEAN_FACETS.contains(facet)) {
                continue;
            }
            for (String code : query.values(facet)) {
                if (!reference.exists(list(facet), code)) {
                    unknown.add(facet + "=" + code);
                }
            }
        }
        return unknown;
    }

    /** The query without unknown codes, page and size within bounds. */
    OrganisationQuery clean(OrganisationQuery query) {
        OrganisationQuery q = query;
        for (String facet : OrganisationQuery.FACETS) {
            if (OrganisationQuery.BOOLEAN_FACETS.contains(facet)) {
                continue;
            }
            List<String> known = q.values(facet).stream().filter(c -> reference.exists(list(facet), c)).toList();
            if (known.size() != q.values(facet).size()) {
                q = q.withValues(facet, known);
            }
        }
        if (query.page() != null && query.page() < 1) {
            q = q.withPage(1);
        } else if (query.page() != null) {
            q = q.withPage(Math.min(query.page(), 10_000));
        }
        if (query.size() != null && (query.size() < 1 || query.size() > OrganisationQuery.MAX_SIZE)) {
            q = q.withSize(Math.max(1, Math.min(query.size(), OrganisationQuery.MAX_SIZE)));
        }
        if (q.sort() != null && !OrganisationQuery.SORTS.contains(q.sort())) {
            q = q.withSort(null).withPage(q.effectivePage());
        }
        return q;
    }

    static RefList list(String facet) {
        return switch (facet) {
            case "country" -> RefList.COUNTRIES;
            case "theme" -> RefList.THEMES;
            case "type" -> RefList.STRUCTURE_TYPES;
            case "college" -> RefList.COLLEGES;
            case "departement" -> RefList.DEPARTEMENTS;
            case "region" -> RefList.REGIONS;
            case "sdg" -> RefList.SDGS;
            default -> throw new IllegalArgumentException(facet);
        };
    }
}
