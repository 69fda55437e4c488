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
import java.util.regex.Pattern;

/**
 * The filters of a view of the agenda as its URLs carry them, the same parameters on every page,
 * feed and widget ({@code /agenda}, {@code /agenda.ics}, {@code /agenda.atom}, {@code /agenda/widget}):
 *
 * <table>
 * <tr><td>{@code type}</td><td>{@link EventType#code()} ({@code formation}, {@code atelier}...), repeatable</td></tr>
 * <tr><td>{@code theme}</td><td>a theme slug ({@code eau-assainissement}), repeatable</td></tr>
 * <tr><td>{@code dep}</td><td>a département code ({@code 33}, {@code 2A}, {@code 971}), repeatable</td></tr>
 * <tr><td>{@code pays}</td><td>an ISO 3166 alpha-2 country code ({@code SN}), repeatable</td></tr>
 * <tr><td>{@code du}, {@code au}</td><td>first and last day, {@code yyyy-MM-dd} (Europe/Paris), inclusive</td></tr>
 * <tr><td>{@code enLigne}</td><td>{@code oui} (online and hybrid events) or {@code non} (in-person and hybrid)</td></tr>
 * <tr><td>{@code q}</td><td>words looked for in the title, summary and town</td></tr>
 * </table>
 *
 * Repeatable parameters take several values as {@code type=formation&type=atelier} or
 * {@code type=formation,atelier}. Values that cannot be understood (an unknown type, a date like
 * {@code 2027-13-45}) are dropped and their parameter named in {@link #invalid()}, so that a page
 * can say so; nothing here throws. {@code du} after {@code au} are swapped.
 *
 * <pre>
 * AgendaFilters filters = AgendaFilters.parse(request.getParameterMap());
 * List&lt;OccurrenceRow&gt; rows = agendaSearch.occurrences(filters.toQuery(), 0, 50);
 * String link = "/agenda.ics" + filters.toQueryString("?");   // "?type=formation&amp;dep=33" or ""
 * </pre>
 */
public record AgendaFilters(Set<EventType> types, Set<String> themes, Set<String> departements,
                            Set<String> countries, LocalDate from, LocalDate to, Boolean online, String text,
                            Set<String> invalid) {

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

    private static final Pattern THEME_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern DEPARTEMENT_CODE = Pattern.compile("\\d{2,3}|2A|2B");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    public AgendaFilters {
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        themes = sorted(themes);
        departements = sorted(departements);
        countries = sorted(countries);
        text = text == null || text.isBlank() ? null : text.strip();
        invalid = invalid == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(invalid));
    }

    /** No filter: the whole agenda. */
    public static AgendaFilters none() {
        return new AgendaFilters(null, null, null, null, null, null, null, null, null);
    }

    /** From a servlet request's parameters ({@code request.getParameterMap()}); other parameters are ignored. */
    public static AgendaFilters parse(Map<String, String[]> parameters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> lists.put(k, v == null ? List.of() : List.of(v)));
        }
        return parseLists(lists);
    }

    /** From parameters as lists (a Spring {@code MultiValueMap} is one). */
    public static AgendaFilters parseLists(Map<String, List<String>> parameters) {
        Map<String, List<String>> p = parameters == null ? Map.of() : parameters;
        Set<String> invalid = new TreeSet<>();

        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String v : values(p, TYPE)) {
            EventType t = EventType.fromCode(v);
            if (t == null) {
                invalid.add(TYPE);
            } else {
                types.add(t);
            }
        }
        SortedSet<String> themes = codes(p, THEME, false, THEME_CODE, invalid);
        SortedSet<String> departements = codes(p, DEPARTEMENT, true, DEPARTEMENT_CODE, invalid);
        SortedSet<String> countries = codes(p, COUNTRY, true, COUNTRY_CODE, invalid);
        LocalDate from = day(p, FROM, invalid);
        LocalDate to = day(p, TO, invalid);
        if (from != null && to != null && from.isAfter(to)) {
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
                default -> invalid.add(ONLINE);
            }
        }
        String text = first(p, TEXT);
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return new AgendaFilters(types, themes, departements, countries, from, to, online, text, invalid);
    }

    /** The query these filters select (the period as given: callers bound it when they need). */
    public AgendaQuery toQuery() {
        return new AgendaQuery(types, themes, departements, countries, from, to, online, null, null, text);
    }

    /** True without any filter (the period included). */
    public boolean isEmpty() {
        return types.isEmpty() && themes.isEmpty() && departements.isEmpty() && countries.isEmpty()
                && from == null && to == null && online == null && text == null;
    }

    /** The same filters over another period. */
    public AgendaFilters withPeriod(LocalDate from, LocalDate to) {
        return new AgendaFilters(types, themes, departements, countries, from, to, online, text, invalid);
    }

    /** The type codes ({@code formation}...), for forms and links. */
    public List<String> typeCodes() {
        return types.stream().map(EventType::code).toList();
    }

    /** {@code oui}, {@code non} or null: the value of {@code enLigne}. */
    public String onlineCode() {
        return online == null ? null : online ? "oui" : "non";
    }

    /**
     * The filters as URL parameters, in a stable order, URL-encoded, without a leading
     * separator: {@code type=formation&theme=eau-assainissement&dep=33}; empty without filters.
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

    // ------------------------------------------------------------------ parsing helpers

    private static SortedSet<String> sorted(Set<String> values) {
        return values == null || values.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

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

    private static SortedSet<String> codes(Map<String, List<String>> p, String name, boolean upper, Pattern valid, Set<String> invalid) {
        SortedSet<String> out = new TreeSet<>();
        for (String v : values(p, name)) {
            String code = upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
            if (valid.matcher(code).matches()) {
                out.add(code);
            } else {
                invalid.add(name);
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

    private static LocalDate day(Map<String, List<String>> p, String name, Set<String> invalid) {
        String v = first(p, name);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                invalid.add(name);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            invalid.add(name);
            return null;
        }
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
