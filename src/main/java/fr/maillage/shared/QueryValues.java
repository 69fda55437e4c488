package fr.maillage.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The values of a repeatable search parameter as URLs give them ({@code country=SN&country=ML} or {@code country=SN,ML}). */
public final class QueryValues {

    private QueryValues() {
    }

    /** Values stripped, split on commas, blanks and repeats dropped, upper-cased when asked; never null. */
    public static List<String> clean(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null) {
                for (String part : v.split(",")) {
                    String p = part.strip();
                    if (!p.isEmpty()) {
                        out.add(upper ? p.toUpperCase(Locale.ROOT) : p);
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
