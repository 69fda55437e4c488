package fr.maillage.directory;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.shared.text.Slugs;

/**
 * Compares structure names the way a person would: case, accents, punctuation and common words
 * ("association", "les", "de"...) ignored, a typo or two tolerated (normalised Levenshtein).
 */
final class NameSimilarity {

    static final double THRESHOLD = 0.85;

    private static final Set<String> COMMON = Set.of(
            "association", "asso", "assoc", "ong", "la", "le", "les", "l", "de", "des", "du", "d", "et", "en", "au", "aux",
            "a", "pour", "sur", "the", "of", "and", "un", "une");

    private NameSimilarity() {
    }

    /** The significant words of a name, folded: "Les Amis du Sénégal" -> "amis senegal". */
    static String key(String name) {
        String key = Arrays.stream(Slugs.fold(name).split(" "))
                .filter(w -> !w.isEmpty() && !COMMON.contains(w))
                .collect(Collectors.joining(" "));
        return key.isEmpty() ? Slugs.fold(name) : key;
    }

    static double similarity(String a, String b) {
        String x = key(a);
        String y = key(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        int max = Math.max(x.length(), y.length());
        return 1.0 - (double) levenshtein(x, y) / max;
    }

    static boolean similar(String a, String b) {
        return similarity(a, b) >= THRESHOLD;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
