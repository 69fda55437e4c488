package fr.maillage.accounts;

import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.security.CurrentPerson;

/**
 * A section of "Mon espace" contributed by another module (my structures, my events...).
 * Declare an implementation as a Spring bean; accounts renders every section, by {@link #order()},
 * under an {@code <h2>} with {@link #title(Locale)}, by inserting the Thymeleaf fragment
 * {@link #fragment()} (for example {@code "directory/my-space :: structures"}) with the map
 * returned by {@link #model(CurrentPerson)} available as the variable {@code section}.
 */
public interface MySpaceSection {

    /** Anchor of the section in the page (letters, digits and dashes). */
    String id();

    String title(Locale locale);

    /** A Thymeleaf fragment expression, without {@code ~{ }}. */
    String fragment();

    Map<String, Object> model(CurrentPerson me);

    default int order() {
        return 100;
    }
}
