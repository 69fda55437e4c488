package fr.maillage.support;

import java.time.Instant;

/** The team's private follow-up of an appointment: notes and next steps (never shown to the person). */
public record StaffNotes(String notes, String nextSteps, Instant updatedAt, String updatedByName, int version) {
}
