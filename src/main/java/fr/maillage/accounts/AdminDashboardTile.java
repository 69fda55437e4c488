package fr.maillage.accounts;

import java.util.Locale;

/**
 * A tile of the staff dashboard ({@code /admin}) contributed by a module: a count with a link
 * ("Structures en attente de modération: 12"). Declare an implementation as a Spring bean.
 */
public interface AdminDashboardTile {

    /** @param title short label; @param count the figure; @param description one sentence;
     *  @param url where staff act on it; @param attention true when staff should act now */
    record Tile(String title, long count, String description, String url, boolean attention) {
    }

    Tile render(Locale locale);

    default int order() {
        return 100;
    }
}
