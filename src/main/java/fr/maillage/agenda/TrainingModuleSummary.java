package fr.maillage.agenda;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A module in the catalogue: what it is, and its next session (the first published session not
 * started yet; null when none is planned) with the number of sessions to come and held.
 */
public record TrainingModuleSummary(long id, String slug, String title, String summary, BigDecimal durationHours, String audience,
                                    String trainer, List<String> themes, boolean active, Instant nextSessionAt, String nextSessionSlug,
                                    int upcomingSessions, int pastSessions) {

    public TrainingModuleSummary {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
