package fr.maillage.agenda;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import fr.maillage.reference.RefList;

/**
 * The filters of a view of the agenda as its URLs carry them: the one parser and URL writer of
 * every page, feed, widget and API that takes them ({@code /agenda}, {@code /api/v1/events},
 * {@code /agenda.ics}, {@code /agenda.atom}, {@code /agenda/widget}, {@code /agenda/partager}):
 *
 * <table>
 * <tr><td>{@code type}</td><td>{@link EventType#code()} ({@code formation}, {@code atelier}...), repeatable</td></tr>
 * <tr><td>{@code theme}</td><td>a theme code of the reference lists ({@code eau-assainissement}), repeatable</td></tr>
 * <tr><td>{@code dep}</td><td>a département code ({@code 33}, {@code 2A}, {@code 971}), repeatable</td></tr>
 * <tr><td>{@code pays}</td><td>an ISO 3166 alpha-2 country code ({@code SN}), repeatable</td></tr>
 * <tr><td>{@code du}, {@code au}</td><td>first and last day, {@code yyyy-MM-dd} (Europe/Paris), inclusive</td></tr>
 * <tr><td>{@code enLigne}</td><td>{@code oui} (online and hybrid events) or {@code non} (in-person and hybrid)</td></tr>
 * <tr><td>{@code q}</td><td>words looked for in the title, summary and town</td></tr>
 * </table>
 *
 * Repeatable parameters take several values as {@code type=formation&type=atelier} or
 * {@code type=formation,atelier}, at most {@link #MAX_VALUES} of them; {@code q} is cut to
 * {@link #MAX_TEXT} characters. Codes are checked against the reference lists. A value that
 * cannot be understood (an unknown type or theme, a date like {@code 2027-13-45}) is left out
 * of the filters and kept in {@link #problems()} with the message key that explains it: pages
 * say which filter they ignored, the API answers 400, feeds and the widget carry on. Nothing
 * here throws. {@code du} after {@code au} are swapped ({@link #reversed()} says so: the API
 * refuses it).
 *
 * <pre>
 * AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
 * List&lt;OccurrenceRow&gt; rows = agendaSearch.occurrences(filters.toQuery(), 0, 50);
 * String link = "/agenda.ics" + filters.toQueryString("?");   // "?type=formation&amp;dep=33" or ""
 * </pre>
 */
public record AgendaFilters(Set<EventType> types, Set<String> themes, Set<String> departements,
                            Set<String> countries, LocalDate from, LocalDate to, Boolean online, String text,
                            List<Problem> problems, boolean reversed) {

    public static final String TYPE = "type";
    public static final String THEME = "theme";
    public static final String DEPARTEMENT = "dep";
    public static final String COUNTRY = "pays";
    public static final String FROM = "du";
    public static final String TO = "au";
    public static final String ONLINE = "enLigne";
    public static final String TEXT = "q";
    /** Every filter parameter, in the order {@link #toQueryString()} writes them. */
    public static final List<String> PARAMETERS = List.of(TYPE, THEME, DEPARTEMENT, COUNTRY, FROM, TO, ONLINE, TEXT);

    /** At most this many values of one repeatable parameter are kept. */
    public static final int MAX_VALUES = 30;
    /** The text is cut to this many characters. */
    public static final int MAX_TEXT = 200;
    /** A code longer than this is not looked up (no reference code comes near). */
    static final int MAX_CODE = 60;

    /** The message keys of {@link Problem#messageKey()} (in {@code messages/agenda}; {0} the value, {1} the parameter). */
    public static final String ERROR_PREFIX = "agenda.events.filter.error.";
    /** The key that says {@code au} came before {@code du} (argument: the value of {@code au}), for callers that refuse it. */
    public static final String ERROR_ORDER = ERROR_PREFIX + "order";

    /** Which codes the reference lists hold: {@code reference::exists}. */
    @FunctionalInterface
    public interface KnownCodes {
        boolean exists(RefList list, String code);
    }

    /**
     * A value that could not be understood and was left out: the parameter, the value received
     * (cut to a readable length) and what is expected, as a message key whose arguments are
     * {@code {0}} the value and {@code {1}} the parameter.
     */
    public record Problem(String parameter, String value, String messageKey) {

        /** The arguments of {@link #messageKey()}. */
        public Object[] arguments() {
            return new Object[] {value, parameter};
        }
    }

    public AgendaFilters {
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        themes = sorted(themes);
        departements = sorted(departements);
        countries = sorted(countries);
        text = text == null || text.isBlank() ? null : text.strip();
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** No filter: the whole agenda. */
    public static AgendaFilters none() {
        return new AgendaFilters(null, null, null, null, null, null, null, null, null, false);
    }

    /** From a servlet request's parameters ({@code request.getParameterMap()}); other parameters are ignored. */
    public static AgendaFilters parse(Map<String, String[]> parameters, KnownCodes known) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> lists.put(k, v == null ? List.of() : java.util.Arrays.asList(v)));
        }
        return parseLists(lists, known);
    }

    /** From parameters as lists (a Spring {@code MultiValueMap} is one); other parameters are ignored. */
    public static AgendaFilters parseLists(Map<String, List<String>> parameters, KnownCodes known) {
        Map<String, List<String>> p = parameters == null ? Map.of() : parameters;
        List<Problem> problems = new ArrayList<>();

        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String v : values(p, TYPE)) {
            EventType t = EventType.fromCode(v);
            if (t == null) {
                problems.add(problem(TYPE, v));
            } else {
                types.add(t);
            }
        }
        SortedSet<String> themes = codes(p, THEME, RefList.THEMES, known, problems);
        SortedSet<String> departements = codes(p, DEPARTEMENT, RefList.DEPARTEMENTS, known, problems);
        SortedSet<String> countries = codes(p, COUNTRY, RefList.COUNTRIES, known, problems);
        LocalDate from = day(p, FROM, problems);
        LocalDate to = day(p, TO, problems);
        boolean reversed = from != null && to != null && from.isAfter(to);
        if (reversed) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        Boolean online = null;
        String o = first(p, ONLINE);
        if (o != null) {
            switch (o.toLowerCase(Locale.ROOT)) {
                case "oui", "yes", "true", "1" -> online = true;
                case "non", "no", "false", "0" -> online = false;
                default -> problems.add(problem(ONLINE, o, "online"));
            }
        }
        String text = first(p, TEXT);
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return new AgendaFilters(types, themes, departements, countries, from, to, online, text, problems, reversed);
    }

    // ------------------------------------------------------------------ what was asked

    /** The query these filters select (the period as given: callers bound it when they need, with {@link AgendaQuery#between}). */
    public AgendaQuery toQuery() {
        return new AgendaQuery(types, themes, departements, countries, from, to, online, null, null, text);
    }

    /** True without any filter (the period included). */
    public boolean isEmpty() {
        return types.isEmpty() && themes.isEmpty() && departements.isEmpty() && countries.isEmpty()
                && from == null && to == null && online == null && text == null;
    }

    /** The names of the parameters with a value that could not be understood, sorted. */
    public Set<String> invalid() {
        Set<String> out = new TreeSet<>();
        problems.forEach(pb -> out.add(pb.parameter()));
        return Collections.unmodifiableSet(out);
    }

    /** The value of {@code parameter} as typed when it could not be understood (to show it back in a form), else null. */
    public String typed(String parameter) {
        return problems.stream().filter(pb -> pb.parameter().equals(parameter)).map(Problem::value).findFirst().orElse(null);
    }

    /** The type codes ({@code formation}...), for forms and links. */
    public List<String> typeCodes() {
        return types.stream().map(EventType::code).toList();
    }

    /** {@code oui}, {@code non} or null: the value of {@code enLigne}. */
    public String onlineCode() {
        return online == null ? null : online ? "oui" : "non";
    }

    // ------------------------------------------------------------------ other filters

    /** The same filters over another period (null for open ends). */
    public AgendaFilters withPeriod(LocalDate from, LocalDate to) {
        return new AgendaFilters(types, themes, departements, countries, from, to, online, text, problems, false);
    }

    /**
     * The same filters without one value of a repeatable parameter, or without a single-valued
     * one ({@code du}, {@code au}, {@code enLigne}, {@code q}; {@code value} ignored): the "remove
     * this filter" links.
     */
    public AgendaFilters without(String parameter, String value) {
        return new AgendaFilters(
                TYPE.equals(parameter) ? minus(types, EventType.fromCode(value)) : types,
                THEME.equals(parameter) ? minus(themes, value) : themes,
                DEPARTEMENT.equals(parameter) ? minus(departements, value) : departements,
                COUNTRY.equals(parameter) ? minus(countries, value) : countries,
                FROM.equals(parameter) ? null : from, TO.equals(parameter) ? null : to,
                ONLINE.equals(parameter) ? null : online, TEXT.equals(parameter) ? null : text, problems,
                reversed && !FROM.equals(parameter) && !TO.equals(parameter));
    }

    // ------------------------------------------------------------------ URLs

    /**
     * The filters as URL parameters, in a stable order, URL-encoded, without a leading
     * separator: {@code type=formation&theme=eau-assainissement&dep=33}; empty without filters.
     * The same filters always give the same string (feeds use it in cache keys).
     */
    public String toQueryString() {
        StringBuilder sb = new StringBuilder();
        types.forEach(t -> add(sb, TYPE, t.code()));
        themes.forEach(t -> add(sb, THEME, t));
        departements.forEach(d -> add(sb, DEPARTEMENT, d));
        countries.forEach(c -> add(sb, COUNTRY, c));
        if (from != null) {
            add(sb, FROM, from.toString());
        }
        if (to != null) {
            add(sb, TO, to.toString());
        }
        if (online != null) {
            add(sb, ONLINE, onlineCode());
        }
        if (text != null) {
            add(sb, TEXT, text);
        }
        return sb.toString();
    }

    /** {@link #toQueryString()} after {@code prefix} ({@code "?"} or {@code "&"}), or "" without filters. */
    public String toQueryString(String prefix) {
        String q = toQueryString();
        return q.isEmpty() ? "" : prefix + q;
    }

    /** {@code base} (which may carry parameters of its own, {@code /agenda?vue=carte}) with the filters added. */
    public String url(String base) {
        return base + toQueryString(base.contains("?") ? "&" : "?");
    }

    // ------------------------------------------------------------------ parsing helpers

    private static SortedSet<String> sorted(Set<String> values) {
        return values == null || values.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private static <T> Set<T> minus(Set<T> values, T value) {
        Set<T> out = new java.util.LinkedHashSet<>(values);
        out.remove(value);
        return out;
    }

    /** The values of a repeatable parameter: repeated or comma-separated, stripped, without blanks and repeats, at most {@link #MAX_VALUES}. */
    private static List<String> values(Map<String, List<String>> p, String name) {
        List<String> raw = p.get(name);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                String s = part.strip();
                if (!s.isEmpty() && out.size() < MAX_VALUES && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static SortedSet<String> codes(Map<String, List<String>> p, String name, RefList list, KnownCodes known, List<Problem> problems) {
        SortedSet<String> out = new TreeSet<>();
        for (String v : values(p, name)) {
            String code = list == RefList.THEMES ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
            if (code.length() <= MAX_CODE && known.exists(list, code)) {
                out.add(code);
            } else {
                problems.add(problem(name, v));
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> p, String name) {
        List<String> raw = p.get(name);
        if (raw == null) {
            return null;
        }
        for (String v : raw) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static LocalDate day(Map<String, List<String>> p, String name, List<Problem> problems) {
        String v = first(p, name);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() >= 1900 && d.getYear() <= 2200) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        problems.add(problem(name, v, "date"));
        return null;
    }

    private static Problem problem(String parameter, String value) {
        return problem(parameter, value, parameter);
    }

    private static Problem problem(String parameter, String value, String what) {
        String shown = value.length() > MAX_CODE ? value.substring(0, MAX_CODE) + "…" : value;
        return new Problem(parameter, shown, ERROR_PREFIX + what);
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
