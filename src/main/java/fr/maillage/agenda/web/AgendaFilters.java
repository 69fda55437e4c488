package fr.maillage.agenda.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.EventType;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.QueryValues;

import org.springframework.util.MultiValueMap;

/**
 * The filters of the agenda as the URL carries them, the same on every page, feed and API:
 * {@code type} (EventType codes: formation, atelier...), {@code theme}, {@code dep}
 * (départements), {@code pays} (ISO alpha-2), {@code du}/{@code au} (yyyy-MM-dd),
 * {@code enLigne} (oui/non) and {@code q}. Repeatable filters accept repeated parameters or
 * commas. What cannot be understood is kept aside in {@link #problems()} (a page ignores it and
 * says so; the API answers 400) and left out of the query.
 */
public record AgendaFilters(List<EventType> types, List<String> themes, List<String> departements, List<String> countries,
                     LocalDate from, LocalDate to, Boolean online, String text,
                     String fromText, String toText, List<Problem> problems) {

    static final int TEXT_MAX = 200;

    /** A parameter that could not be understood: its name, the value received and what is expected (a message key). */
    public record Problem(String parameter, String value, String messageKey) {
    }

    static AgendaFilters parse(MultiValueMap<String, String> params, Reference reference) {
        List<Problem> problems = new ArrayList<>();
        List<EventType> types = new ArrayList<>();
        for (String code : QueryValues.clean(params.get("type"), false)) {
            EventType t = EventType.fromCode(code);
            if (t == null) {
                problems.add(new Problem("type", code, "agenda.events.filter.error.type"));
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
        List<String> themes = known(params.get("theme"), false, RefList.THEMES, "theme", reference, problems);
        List<String> deps = known(params.get("dep"), true, RefList.DEPARTEMENTS, "dep", reference, problems);
        List<String> countries = known(params.get("pays"), true, RefList.COUNTRIES, "pays", reference, problems);
        String fromText = first(params, "du");
        String toText = first(params, "au");
        LocalDate from = date("du", fromText, problems);
        LocalDate to = date("au", toText, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("au", toText, "agenda.events.filter.error.order"));
            to = null;
        }
        Boolean online = null;
        String onlineText = first(params, "enLigne");
        if (onlineText != null) {
            switch (onlineText.toLowerCase(Locale.ROOT)) {
                case "oui", "true", "yes" -> online = true;
                case "non", "false", "no" -> online = false;
                default -> problems.add(new Problem("enLigne", onlineText, "agenda.events.filter.error.online"));
            }
        }
        String text = first(params, "q");
        if (text != null && text.length() > TEXT_MAX) {
            text = text.substring(0, TEXT_MAX);
        }
        return new AgendaFilters(types, themes, deps, countries, from, to, online, text, fromText, toText, problems);
    }

    static AgendaFilters none() {
        return new AgendaFilters(List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, List.of());
    }

    /** The same filters without one value of one parameter (for the "remove this filter" links). */
    AgendaFilters without(String param, String value) {
        return new AgendaFilters(
                param.equals("type") ? types.stream().filter(t -> !t.code().equals(value)).toList() : types,
                param.equals("theme") ? themes.stream().filter(t -> !t.equals(value)).toList() : themes,
                param.equals("dep") ? departements.stream().filter(t -> !t.equals(value)).toList() : departements,
                param.equals("pays") ? countries.stream().filter(t -> !t.equals(value)).toList() : countries,
                param.equals("du") ? null : from, param.equals("au") ? null : to,
                param.equals("enLigne") ? null : online, param.equals("q") ? null : text,
                param.equals("du") ? null : fromText, param.equals("au") ? null : toText, problems);
    }

    /** The query, over the period {@code from}–{@code to} given (null for open ends). */
    AgendaQuery query(LocalDate periodFrom, LocalDate periodTo) {
        return new AgendaQuery(Set.copyOf(types), Set.copyOf(themes), Set.copyOf(departements), Set.copyOf(countries),
                periodFrom, periodTo, online, null, null, text);
    }

    public boolean hasType(String code) {
        return types.stream().anyMatch(t -> t.code().equals(code));
    }

    public boolean hasTheme(String code) {
        return themes.contains(code);
    }

    public String onlineCode() {
        return online == null ? "" : online ? "oui" : "non";
    }

    /** Filters other than the dates. */
    public boolean hasCriteria() {
        return !types.isEmpty() || !themes.isEmpty() || !departements.isEmpty() || !countries.isEmpty() || online != null || text != null;
    }

    public boolean hasFilters() {
        return hasCriteria() || from != null || to != null;
    }

    /** The filters as URL parameters ("type=formation&theme=sante"), without the dates when {@code dates} is false. */
    public String params(boolean dates) {
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.add("type=" + t.code()));
        themes.forEach(t -> out.add("theme=" + enc(t)));
        departements.forEach(d -> out.add("dep=" + enc(d)));
        countries.forEach(c -> out.add("pays=" + enc(c)));
        if (dates && from != null) {
            out.add("du=" + from);
        }
        if (dates && to != null) {
            out.add("au=" + to);
        }
        if (online != null) {
            out.add("enLigne=" + onlineCode());
        }
        if (text != null) {
            out.add("q=" + enc(text));
        }
        return String.join("&", out);
    }

    /** {@code base} (which may carry its own parameters) with the filters added. */
    public String url(String base, boolean dates) {
        String p = params(dates);
        if (p.isEmpty()) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + p;
    }

    private static List<String> known(List<String> values, boolean upper, RefList list, String name, Reference reference,
                                      List<Problem> problems) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : QueryValues.clean(values, upper)) {
            String code = list == RefList.THEMES ? v.toLowerCase(Locale.ROOT) : v;
            if (reference.exists(list, code)) {
                out.add(code);
            } else {
                problems.add(new Problem(name, v, "agenda.events.filter.error." + name));
            }
        }
        return List.copyOf(out);
    }

    private static LocalDate date(String name, String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                problems.add(new Problem(name, value, "agenda.events.filter.error.date"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(name, value, "agenda.events.filter.error.date"));
            return null;
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
