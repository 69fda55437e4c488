package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where one published local authority stands for a year's amounts (the staff list): its
 * worksheet saved or not, when and by whom, its total, and when the campaign's reminders were
 * sent to it (null when not yet).
 */
public record EapdDeclaration(long organisationId, String slug, String name, String departement,
                              Instant savedAt, String savedByName, BigDecimal total,
                              Instant openingReminderAt, Instant closingReminderAt) {

    public boolean filled() {
        return savedAt != null;
    }
}
