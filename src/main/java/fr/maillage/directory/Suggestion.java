package fr.maillage.directory;

import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * A published structure suggested because it works like another one ("Ils travaillent comme
 * vous", "Structures proches"): the countries and themes it shares with it, the département
 * when it is the same one, and {@code why}, the sentence that says so in the reader's language
 * ("Sénégal, Eau et assainissement en commun").
 */
public record Suggestion(OrganisationSummary organisation, List<CodeLabel> sharedCountries, List<CodeLabel> sharedThemes,
                         CodeLabel sharedDepartement, String why) {
}
