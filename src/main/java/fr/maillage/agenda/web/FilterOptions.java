package fr.maillage.agenda.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.agenda.AgendaFilters;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.reference.ThemesChanged;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code <option>}s of the agenda's filter lists (themes, départements, countries: some 370
 * of them), written once per language and kept: the agenda's pages are its busiest, and a
 * template loop over hundreds of options costs more than the query of the month. Labels are
 * HTML-escaped here; the chosen values are marked {@code selected} per request. And what a page
 * says of the filters of its URL that it could not read.
 */
@Component
class FilterOptions {

    private final Reference reference;
    private final MessageSource messages;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    FilterOptions(Reference reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** What could not be read in the filters, one sentence a value ("type d’événement inconnu : concert"). */
    List<String> problems(AgendaFilters filters, Locale locale) {
        return filters.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.arguments(), locale)).toList();
    }

    /** The options of a list, the {@code selected} codes marked, after an empty "all" option labelled {@code any}. */
    String html(RefList list, Locale locale, Collection<String> selected, String any) {
        String lang = locale == null || !"en".equals(locale.getLanguage()) ? "fr" : "en";
        String options = cache.computeIfAbsent(list.name() + ":" + lang, k -> build(list, lang.equals("en") ? Locale.ENGLISH : Locale.FRENCH));
        StringBuilder out = new StringBuilder(options.length() + 64);
        out.append("<option value=\"\"").append(selected.isEmpty() ? " selected" : "").append(">").append(HtmlUtils.htmlEscape(any)).append("</option>");
        if (selected.isEmpty()) {
            return out.append(options).toString();
        }
        String marked = options;
        for (String code : selected) {
            String value = "<option value=\"" + HtmlUtils.htmlEscape(code) + "\">";
            marked = marked.replace(value, value.substring(0, value.length() - 1) + " selected>");
        }
        return out.append(marked).toString();
    }

    private String build(RefList list, Locale locale) {
        StringBuilder s = new StringBuilder();
        Collection<RefItem> items = list == RefList.DEPARTEMENTS ? reference.list(list) : reference.sorted(list, locale);
        for (RefItem i : items) {
            if (list == RefList.THEMES && "false".equals(i.extra("active"))) {
                continue;
            }
            String label = list == RefList.DEPARTEMENTS ? i.code() + " – " + i.label(locale) : i.label(locale);
            s.append("<option value=\"").append(HtmlUtils.htmlEscape(i.code())).append("\">").append(HtmlUtils.htmlEscape(label)).append("</option>");
        }
        return s.toString();
    }

    /** Staff renamed, added or retired a theme: the lists are written again. */
    @EventListener
    void on(ThemesChanged changed) {
        cache.clear();
    }
}
