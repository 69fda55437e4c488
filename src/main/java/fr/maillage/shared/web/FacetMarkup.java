package fr.maillage.shared.web;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The checkboxes of the facets' values, written directly rather than through the template
 * engine, which took most of the search pages' rendering time (a few hundred countries or
 * départements, ten facets of eight values on every page). Used by
 * {@code templates/fragments/search.html :: facets}: {@link #shown} for the values shown (the
 * most frequent ones and the selected ones), {@link #more} for the others, inside "voir plus".
 * Shared by the faceted searches.
 */
@Component
public class FacetMarkup {

    /** The markup of every facet's shown values (the first {@code top} and the selected ones), by facet name. */
    public Map<String, String> shown(List<Facet> facets, int top) {
        Map<String, String> out = new HashMap<>();
        NumberFormat numbers = numbers();
        for (Facet facet : facets) {
            StringBuilder html = new StringBuilder(Math.min(facet.values().size(), top + 4) * 240);
            List<FacetValue> values = facet.values();
            for (int i = 0; i < values.size(); i++) {
                if (i < top || values.get(i).selected()) {
                    value(html, facet.name(), values.get(i), numbers);
                }
            }
            out.put(facet.name(), html.toString());
        }
        return out;
    }

    /** The markup of every facet's less frequent values, by facet name. */
    public Map<String, String> more(List<Facet> facets, int top) {
        Map<String, String> out = new HashMap<>();
        for (Facet facet : facets) {
            if (facet.values().size() > top) {
                out.put(facet.name(), more(facet, top));
            }
        }
        return out;
    }

    public String more(Facet facet, int top) {
        List<FacetValue> values = facet.values();
        NumberFormat numbers = numbers();
        StringBuilder html = new StringBuilder(values.size() * 220);
        for (int i = top; i < values.size(); i++) {
            FacetValue v = values.get(i);
            if (!v.selected()) {
                value(html, facet.name(), v, numbers);
            }
        }
        return html.toString();
    }

    private static NumberFormat numbers() {
        Locale locale = LocaleContextHolder.getLocale();
        return NumberFormat.getIntegerInstance(locale);
    }

    /** Escapes what HTML needs (the page is UTF-8: accents and apostrophes stay as they are). */
    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static void value(StringBuilder html, String facet, FacetValue v, NumberFormat numbers) {
        String name = escape(facet);
        String id = escape("f-" + facet + "-" + v.code());
        html.append("<li><input type=\"checkbox\" form=\"recherche\" name=\"").append(name)
                .append("\" value=\"").append(escape(v.code()))
                .append("\" id=\"").append(id).append('"');
        if (v.selected()) {
            html.append(" checked=\"checked\"");
        }
        html.append("><label for=\"").append(id).append("\"><span>")
                .append(escape(v.label())).append("</span> <span class=\"count\">")
                .append(numbers.format(v.count()).replace('\u202f', '\u00a0')).append("</span></label></li>\n");
    }
}
