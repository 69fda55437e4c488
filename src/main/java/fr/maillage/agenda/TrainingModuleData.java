package fr.maillage.agenda;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A training module of the catalogue as staff write it: {@code objectives} and
 * {@code prerequisites} in Markdown, {@code durationHours} like 14 (two days) or 3.5, the
 * audience and the trainer as text, theme codes. Inactive modules leave the public catalogue.
 */
public record TrainingModuleData(String title, String summary, String objectives, String prerequisites, BigDecimal durationHours,
                                 String audience, String trainer, Set<String> themes, boolean active) {

    public TrainingModuleData {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }
}
