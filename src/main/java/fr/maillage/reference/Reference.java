package fr.maillage.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference lists (countries, regions, départements, themes, DAC sectors, SDGs, IATI codes,
 * the network's structure types and collèges), loaded from the shipped files in
 * {@code refdata/} and, for the themes, from the database where staff edit them. Read-mostly:
 * every list is held in memory; the themes are reloaded when staff change them.
 */
@Service
public class Reference implements ApplicationEventPublisherAware {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    private final JdbcClient jdbc;
    private ApplicationEventPublisher events;
    private final Map<RefList, List<RefItem>> lists = new EnumMap<>(RefList.class);
    private final Map<RefList, Map<String, RefItem>> byCode = new EnumMap<>(RefList.class);

    public Reference(JdbcClient jdbc) {
        this.jdbc = jdbc;
        load();
    }

    /** Every entry of a list, in its natural order (alphabetical for countries, by code elsewhere). */
    public List<RefItem> list(RefList list) {
        return lists.get(list);
    }

    /** The entries of a list in the order a person expects for the locale (countries by name). */
    public List<RefItem> sorted(RefList list, Locale locale) {
        if (list != RefList.COUNTRIES && list != RefList.DEPARTEMENTS && list != RefList.REGIONS) {
            return list(list);
        }
        if (list == RefList.DEPARTEMENTS) {
            return list(list);
        }
        Collator collator = Collator.getInstance(locale == null ? Locale.FRENCH : locale);
        collator.setStrength(Collator.PRIMARY);
        List<RefItem> copy = new ArrayList<>(list(list));
        copy.sort(Comparator.comparing(i -> i.label(locale), collator));
        return copy;
    }

    public Optional<RefItem> find(RefList list, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(list).get(normalise(list, code)));
    }

    public boolean exists(RefList list, String code) {
        return find(list, code).isPresent();
    }

    /** The label in the locale's language, or the code itself when unknown. */
    public String label(RefList list, String code, Locale locale) {
        return find(list, code).map(i -> i.label(locale)).orElse(code);
    }

    /**
     * The département of a French postal code: the first two digits, with Corsica (2A below
     * 20200, 2B from it), the overseas départements and collectivities (3 digits: 971...988,
     * Saint-Barthélemy 97133 and Saint-Martin 97150) handled.
     */
    public Optional<String> departementForPostalCode(String postalCode) {
        if (postalCode == null || !POSTAL_CODE.matcher(postalCode.trim()).matches()) {
            return Optional.empty();
        }
        String pc = postalCode.trim();
        String code;
        if (pc.startsWith("20")) {
            code = Integer.parseInt(pc) < 20200 ? "2A" : "2B";
        } else if (pc.startsWith("97") || pc.startsWith("98")) {
            if (pc.equals("97133")) {
                code = "977";
            } else if (pc.equals("97150")) {
                code = "978";
            } else {
                code = pc.substring(0, 3);
            }
        } else {
            code = pc.substring(0, 2);
        }
        return exists(RefList.DEPARTEMENTS, code) ? Optional.of(code) : Optional.empty();
    }

    /** The region code of a département, when it belongs to one (the overseas collectivities do not). */
    public Optional<String> regionOfDepartement(String departement) {
        return find(RefList.DEPARTEMENTS, departement).map(RefItem::parent).filter(p -> !p.isEmpty());
    }

    /** The default collège of a structure type. */
    public Optional<String> collegeOf(String structureType) {
        return find(RefList.STRUCTURE_TYPES, structureType).map(RefItem::parent);
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Every theme, active or not, in the thesaurus order, for the staff page. */
    public List<Theme> themes() {
        return jdbc.sql("select code, label_fr, label_en, dac_codes, sdg_goals, position, active from theme order by position, code")
                .query((rs, n) -> new Theme(rs.getString("code"), rs.getString("label_fr"), rs.getString("label_en"),
                        rs.getString("dac_codes"), rs.getString("sdg_goals"), rs.getInt("position"), rs.getBoolean("active")))
                .list();
    }

    /**
     * Changes a theme (labels, DAC codes, SDGs, order, active) and reloads the list; returns false
     * when there is no such theme. Callers validate the values (see the staff page's form).
     */
    @Transactional
    public boolean updateTheme(Theme theme) {
        int n = jdbc.sql("""
                update theme set label_fr = ?, label_en = ?, dac_codes = ?, sdg_goals = ?, position = ?, active = ?, updated_at = now()
                where code = ?""")
                .params(theme.labelFr().trim(), theme.labelEn().trim(), normaliseCodes(theme.dacCodes()), normaliseCodes(theme.sdgGoals()),
                        theme.position(), theme.active(), theme.code())
                .update();
        if (n > 0) {
            events.publishEvent(new ThemesChanged(theme.code()));
        }
        return n > 0;
    }

    /** Adds a theme; its code is the slug of its French label (made unique). Returns the code. */
    @Transactional
    public String addTheme(Theme theme) {
        String base = fr.maillage.shared.text.Slugs.slug(theme.labelFr());
        if (base.length() > 55) {
            base = base.substring(0, 55).replaceAll("-+$", "");
        }
        String code = base;
        for (int i = 2; jdbc.sql("select count(*) from theme where code = ?").param(code).query(Long.class).single() > 0; i++) {
            code = base + "-" + i;
        }
        jdbc.sql("insert into theme (code, label_fr, label_en, dac_codes, sdg_goals, position, active) values (?, ?, ?, ?, ?, ?, ?)")
                .params(code, theme.labelFr().trim(), theme.labelEn().trim(), normaliseCodes(theme.dacCodes()), normaliseCodes(theme.sdgGoals()),
                        theme.position(), theme.active())
                .update();
        events.publishEvent(new ThemesChanged(code));
        return code;
    }

    private static String normaliseCodes(String codes) {
        if (codes == null) {
            return "";
        }
        return String.join(";", Arrays.stream(codes.split("[;,\\s]+")).filter(c -> !c.isBlank()).distinct().toList());
    }

    /** Reloads the themes after staff changed them. */
    @EventListener
    void on(ThemesChanged event) {
        loadThemes();
    }

    synchronized void loadThemes() {
        List<RefItem> themes = jdbc.sql("select code, label_fr, label_en, dac_codes, sdg_goals, active from theme order by position, code")
                .query((rs, n) -> new RefItem(rs.getString("code"), rs.getString("label_fr"), rs.getString("label_en"), "",
                        Map.of("dac", rs.getString("dac_codes"), "sdg", rs.getString("sdg_goals"),
                                "active", String.valueOf(rs.getBoolean("active")))))
                .list();
        put(RefList.THEMES, themes);
    }

    private void load() {
        put(RefList.COUNTRIES, csv("refdata/countries/countries_fr.csv", r -> new RefItem(r.get("alpha2"), r.get("name_fr"), r.get("name_en"), "",
                Map.of("alpha3", r.get("alpha3"), "numeric", r.get("numeric")))));
        List<RefItem> deps = csv("refdata/france/departements_regions.csv", r -> new RefItem(r.get("dep_code"), r.get("dep_nom"), r.get("dep_nom"),
                "com".equals(r.get("zone")) ? "" : r.get("region_code"), Map.of("zone", r.get("zone"))));
        put(RefList.DEPARTEMENTS, deps);
        Map<String, RefItem> regions = new LinkedHashMap<>();
        csv("refdata/france/departements_regions.csv", r -> r).forEach(r -> {
            if (!"com".equals(r.get("zone"))) {
                regions.putIfAbsent(r.get("region_code"), new RefItem(r.get("region_code"), r.get("region_nom"), r.get("region_nom"), "", Map.of()));
            }
        });
        List<RefItem> regionList = new ArrayList<>(regions.values());
        regionList.sort(Comparator.comparing(RefItem::code));
        put(RefList.REGIONS, regionList);
        put(RefList.DAC_SECTORS, iati("dac5_sectors.csv"));
        put(RefList.DAC_CATEGORIES, iati("dac3_sector_categories.csv"));
        put(RefList.IATI_ORGANISATION_TYPES, iati("organisation_types.csv"));
        put(RefList.ACTIVITY_STATUS, iati("activity_status.csv"));
        put(RefList.SDGS, csv("refdata/sdg/sdg_goals.csv", r -> new RefItem(r.get("code"), r.get("name_fr"), r.get("name_en"), "",
                Map.of("short_fr", r.get("short_fr_open_sdg"), "short_en", shortEnglish(r.get("name_en"))))));
        put(RefList.STRUCTURE_TYPES, csv("refdata/structure_types.csv", r -> new RefItem(r.get("code"), r.get("label_fr"), r.get("label_en"),
                r.get("college"), Map.of("iati", r.get("iati_org_type")))));
        put(RefList.COLLEGES, csv("refdata/colleges.csv", r -> new RefItem(r.get("code"), r.get("label_fr"), r.get("label_en"), "", Map.of())));
        loadThemes();
    }

    private static String shortEnglish(String goal) {
        // "Goal 6. Ensure availability ..." -> "Ensure availability ..."
        int dot = goal.indexOf(". ");
        return dot > 0 && goal.startsWith("Goal") ? goal.substring(dot + 2) : goal;
    }

    private List<RefItem> iati(String file) {
        return csv("refdata/iati/csv/" + file, r -> new RefItem(r.get("code"), r.get("name_fr"), r.get("name_en"), r.getOrDefault("category", ""),
                Map.of("status", r.getOrDefault("status", "active"))));
    }

    private synchronized void put(RefList list, List<RefItem> items) {
        Map<String, RefItem> index = new LinkedHashMap<>();
        items.forEach(i -> index.put(normalise(list, i.code()), i));
        lists.put(list, Collections.unmodifiableList(new ArrayList<>(items)));
        byCode.put(list, index);
    }

    private static String normalise(RefList list, String code) {
        String c = code.trim();
        return list == RefList.COUNTRIES || list == RefList.DEPARTEMENTS ? c.toUpperCase(Locale.ROOT) : c;
    }

    private static <T> List<T> csv(String path, Function<Map<String, String>, T> mapper) {
        try (Reader reader = new java.io.BufferedReader(new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            List<List<String>> rows = Csv.parse(reader);
            List<String> header = rows.get(0);
            List<T> out = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), i < row.size() ? row.get(i) : "");
                }
                out.add(mapper.apply(m));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Liste de référence illisible : " + path, e);
        }
    }

    static List<String> split(String semicolonList) {
        return semicolonList == null || semicolonList.isBlank() ? List.of() : Arrays.asList(semicolonList.split(";"));
    }
}
