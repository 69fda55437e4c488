package fr.maillage.shared;

/** A reference code with its label in the reader's language ("SN", "Sénégal"). */
public record CodeLabel(String code, String label) {
}
