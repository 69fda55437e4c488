package fr.maillage.directory;

import java.util.List;

/**
 * The best matches for one of a person's structures ({@code /mon-espace/suggestions}).
 * {@code hasData} is false when the structure names no country nor theme yet (nothing to
 * compare): the page then invites to complete it.
 */
public record StructureSuggestions(long organisationId, String name, String slug, OrganisationStatus status,
                                   boolean hasData, List<Suggestion> suggestions) {
}
