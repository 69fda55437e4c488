package fr.maillage.directory;

/** A structure was referenced and waits for moderation (not public yet). */
public record OrganisationSubmitted(long id) {
}
