package fr.maillage.directory;

import java.util.Locale;

/** Where and in which language to write to a person. */
public record Contact(String email, String name, Locale locale) {
}
