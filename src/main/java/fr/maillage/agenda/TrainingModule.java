package fr.maillage.agenda;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A training module as pages read it; {@code version} guards staff's concurrent edits. */
public record TrainingModule(long id, String slug, String title, String summary, String objectives, String prerequisites,
                             BigDecimal durationHours, String audience, String trainer, List<String> themes, boolean active,
                             int version, Instant createdAt, Instant updatedAt) {

    public TrainingModule {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    public TrainingModuleData data() {
        return new TrainingModuleData(title, summary, objectives, prerequisites, durationHours, audience, trainer, Set.copyOf(themes), active);
    }
}
