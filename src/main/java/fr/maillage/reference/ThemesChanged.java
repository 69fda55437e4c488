package fr.maillage.reference;

/** Staff changed the themes thesaurus. */
public record ThemesChanged(String code) {
}
