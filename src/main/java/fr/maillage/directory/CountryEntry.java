package fr.maillage.directory;

/** A country of intervention (ISO alpha-2) with an optional place inside it. */
public record CountryEntry(String code, String place) {
}
