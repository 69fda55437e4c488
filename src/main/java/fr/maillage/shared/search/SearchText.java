package fr.maillage.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.maillage.shared.text.Slugs;

/** What the full-text searches (directory, projects) keep of what a person typed. */
public final class SearchText {

    /** Stop words dropped from queries ("école au mali" finds "École de Bamako", Mali). */
    public static final Set<String> STOP_WORDS = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux",
            "pour", "par", "sur", "dans", "avec", "ou", "a", "the", "of", "and", "in", "for");
    public static final int MAX_WORDS = 12;

    private SearchText() {
    }

    /** Words of a query, folded, without one-letter words ("d'", "l'") nor common stop words, at most {@value #MAX_WORDS}. */
    public static List<String> tokens(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : Slugs.fold(q).split(" ")) {
            if (w.length() > 1 || (!w.isEmpty() && Character.isDigit(w.charAt(0)))) {
                words.add(w);
            }
        }
        List<String> meaningful = words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        List<String> chosen = meaningful.isEmpty() ? words : meaningful;
        return chosen.size() > MAX_WORDS ? chosen.subList(0, MAX_WORDS) : chosen;
    }
}
