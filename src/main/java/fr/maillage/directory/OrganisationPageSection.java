package fr.maillage.directory;

import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.security.CurrentPerson;

/**
 * A section of a structure's public page contributed by another module (its projects, its
 * partnerships...). Declare an implementation as a Spring bean; the page renders every section
 * whose {@link #model} is not empty, by {@link #order()}, under an {@code <h2>} with
 * {@link #title(Locale)}, by inserting the Thymeleaf fragment {@link #fragment()} with the map
 * available as the variable {@code section}.
 */
public interface OrganisationPageSection {

    /** Anchor of the section in the page (letters, digits and dashes). */
    String id();

    String title(Locale locale);

    /** A Thymeleaf fragment expression, without {@code ~{ }}, e.g. {@code "projects/sections :: organisation"}. */
    String fragment();

    /** What the fragment shows for this structure; an empty map leaves the section out. {@code me} may be null. */
    Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale);

    default int order() {
        return 100;
    }
}
