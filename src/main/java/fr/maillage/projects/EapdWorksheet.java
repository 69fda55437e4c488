package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A local authority's e-APD worksheet for the amounts of one {@code year}: one line per
 * {@link EapdCategory} (as saved, or as suggested from its projects when never saved), the
 * projects that may count with the amount and line suggested for each, and the campaign (may
 * be null) in which the year is declared.
 */
public record EapdWorksheet(
        long organisationId,
        String organisationSlug,
        String organisationName,
        int year,
        boolean saved,
        Instant savedAt,
        String savedByName,
        int version,
        List<Line> lines,
        List<Candidate> candidates,
        EapdCampaign campaign) {

    /**
     * A line: what it says ({@code amount}, {@code comment}, the {@code projectIds} it counts)
     * and what the projects suggest for it.
     */
    public record Line(EapdCategory category, BigDecimal amount, String comment, List<Long> projectIds,
                       BigDecimal suggestedAmount, List<Long> suggestedProjectIds) {
    }

    /**
     * A project of the year that may count: led by the authority, funded by it, or linked to one
     * of its partnerships. {@code amount}: the authority's own funding of it for the year (in
     * euros); {@code suggested}: the line it goes to (null when nothing counts);
     * {@code reasonKey}: why (a message key); {@code otherCurrency}: some of its funding is in
     * another currency and was left out.
     */
    public record Candidate(long projectId, String slug, String title, String leadName, boolean ownProject, boolean published,
                            BigDecimal amount, EapdCategory suggested, String reasonKey, boolean otherCurrency) {
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal suggestedTotal() {
        return lines.stream().map(Line::suggestedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Line line(EapdCategory category) {
        return lines.stream().filter(l -> l.category() == category).findFirst().orElseThrow();
    }

    /** The line a project is counted in, or null. */
    public EapdCategory categoryOf(long projectId) {
        return lines.stream().filter(l -> l.projectIds().contains(projectId)).map(Line::category).findFirst().orElse(null);
    }
}
