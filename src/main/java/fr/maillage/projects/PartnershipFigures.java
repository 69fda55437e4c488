package fr.maillage.projects;

/** The headline figures of a search of partnerships: how many, between how many French authorities and how many countries. */
public record PartnershipFigures(long partnerships, long authorities, long countries) {
}
