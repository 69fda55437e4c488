package fr.maillage.directory;

import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * "Qui fait quoi, où": the published structures that act in one country, grouped by theme.
 * Each group holds the first structures by name; {@code count} is how many there are in all.
 */
public record CountryOverview(CodeLabel country, long total, List<ThemeGroup> themes) {

    public record ThemeGroup(CodeLabel theme, long count, List<OrganisationSummary> items) {

        public boolean hasMore() {
            return count > items.size();
        }
    }
}
