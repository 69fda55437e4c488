package fr.maillage.shared.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The checkboxes of a facet's less frequent values (inside "voir plus"): up to a few hundred
 * countries or départements, written directly rather than through the template engine, which
 * took most of the directory page's rendering time. Same markup as the visible values
 * ({@code templates/fragments/search.html :: facets}). Shared by the faceted searches.
 */
@Component
public class FacetMarkup {

    /** The markup of every facet's less frequent values, by facet name. */
    public java.util.Map<String, String> more(List<Facet> facets, int top) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (Facet facet : facets) {
            if (facet.values().size() > top) {
                out.put(facet.name(), more(facet, top));
            }
        }
        return out;
    }

    public String more(Facet facet, int top) {
        List<FacetValue> values = facet.values();
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        StringBuilder html = new StringBuilder(values.size() * 220);
        String name = HtmlUtils.htmlEscape(facet.name());
        for (int i = top; i < values.size(); i++) {
            FacetValue v = values.get(i);
            if (v.selected()) {
                continue;
            }
            String id = HtmlUtils.htmlEscape("f-" + facet.name() + "-" + v.code());
            html.append("<li><input type=\"checkbox\" form=\"recherche\" name=\"").append(name)
                    .append("\" value=\"").append(HtmlUtils.htmlEscape(v.code()))
                    .append("\" id=\"").append(id).append("\"><label for=\"").append(id).append("\"><span>")
                    .append(HtmlUtils.htmlEscape(v.label())).append("</span> <span class=\"count\">")
                    .append(numbers.format(v.count()).replace('\u202f', '\u00a0')).append("</span></label></li>\n");
        }
        return html.toString();
    }
}
