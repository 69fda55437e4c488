package fr.maillage.projects;

/** A partnership was recorded, changed or deleted (published on every change). */
public record PartnershipChanged(long partnershipId, long organisationId, boolean deleted) {
}
