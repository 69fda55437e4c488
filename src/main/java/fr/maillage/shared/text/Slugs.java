package fr.maillage.shared.text;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs and comparison keys that ignore case, accents and punctuation. */
public final class Slugs {

    private Slugs() {
    }

    /** "Association Les Amis du Sénégal !" -> "association-les-amis-du-senegal". */
    public static String slug(String text) {
        String s = fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 120) {
            s = s.substring(0, 120).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "structure" : s;
    }

    /** Lower case, accents removed, ligatures expanded, apostrophes and punctuation to spaces, spaces collapsed. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return s;
    }
}
