package fr.maillage.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

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

    /** {@code q=eau&country=SN&country=ML} (URL-encoded) from parameters in order; empty when there are none. */
    public static String queryString(Map<String, List<String>> parameters) {
        StringJoiner joiner = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(v ->
                joiner.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return joiner.toString();
    }

    /** {@code base} followed by the query string ({@code ?} or {@code &} as needed), or {@code base} alone. */
    public static String url(String base, String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + queryString;
    }
}
