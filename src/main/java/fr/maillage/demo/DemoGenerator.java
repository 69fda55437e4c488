package fr.maillage.demo;

import static fr.maillage.demo.DemoVocabulary.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;

import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

/**
 * Composes realistic synthetic structures. Deterministic: structure number {@code n} of a
 * given seed is always the same, so that topping up a directory from 300 to 500 demo
 * structures gives the same 500 as loading 500 at once. Dates are relative to {@code now}.
 */
final class DemoGenerator {

    static final String COMMUNES = "refdata/demo/communes.csv";

    /** A real commune of the shipped list. */
    record Commune(String postalCode, String name, String departement, double latitude, double longitude, int populationK) {
    }

    private final Reference reference;
    private final long seed;
    private final Instant now;
    private final int thisYear;
    private final List<Commune> communes;
    private final Weighted<Commune> communePicker;
    private final Map<String, Commune> biggestOfDepartement = new HashMap<>();
    private final Weighted<String> typePicker;
    private final Map<String, Weighted<String>> themePickers = new HashMap<>();
    private final Weighted<String> countryPicker;
    private final Map<String, List<Integer>> themeSdgs = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();

    DemoGenerator(Reference reference, long seed, String homeRegion, Instant now) {
        this.reference = reference;
        this.seed = seed;
        this.now = now;
        this.thisYear = now.atZone(ZoneOffset.UTC).getYear();
        this.communes = loadCommunes();
        Map<String, Integer> sameName = new HashMap<>();
        communes.forEach(c -> sameName.merge(c.departement() + c.name(), 1, Integer::sum));
        Map<Commune, Double> communeWeights = new LinkedHashMap<>();
        for (Commune c : communes) {
            boolean home = reference.regionOfDepartement(c.departement()).map(homeRegion::equals).orElse(false);
            communeWeights.put(c, Math.pow(Math.max(c.populationK(), 1), 0.6) / sameName.get(c.departement() + c.name()) * (home ? 8 : 1));
            biggestOfDepartement.merge(c.departement(), c, (a, b) -> a.populationK() >= b.populationK() ? a : b);
        }
        this.communePicker = new Weighted<>(communeWeights);
        this.typePicker = new Weighted<>(TYPE_WEIGHTS);

        // Themes from the database (staff may have edited them): the weights of the barometer, 2 for new ones.
        List<RefItem> themes = reference.list(RefList.THEMES).stream().filter(t -> !"false".equals(t.extra("active"))).toList();
        Map<String, Double> base = new LinkedHashMap<>();
        for (RefItem t : themes) {
            base.put(t.code(), THEME_WEIGHTS.getOrDefault(t.code(), 2.0));
            List<Integer> sdgs = new ArrayList<>();
            for (String goal : t.extra("sdg").split(";")) {
                if (!goal.isBlank() && reference.exists(RefList.SDGS, goal.trim())) {
                    sdgs.add(Integer.parseInt(goal.trim()));
                }
            }
            themeSdgs.put(t.code(), sdgs);
        }
        themePickers.put("", new Weighted<>(base));
        THEME_BIAS.forEach((type, bias) -> {
            Map<String, Double> biased = new LinkedHashMap<>(base);
            bias.forEach((code, factor) -> biased.computeIfPresent(code, (k, w) -> w * factor));
            themePickers.put(type, new Weighted<>(biased));
        });

        Map<String, Double> countries = new LinkedHashMap<>();
        COUNTRY_WEIGHTS.forEach((code, w) -> reference.find(RefList.COUNTRIES, code).ifPresent(c -> {
            countries.put(code, w);
            countryNames.put(code, c.labelFr());
        }));
        countryNames.put("CI", "Côte d'Ivoire");
        this.countryPicker = new Weighted<>(countries);
    }

    List<Commune> communes() {
        return communes;
    }

    /** Structure number {@code n} (0-based) of this seed. */
    DemoStructure structure(long n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
        String type = typePicker.pick(r);
        String college = reference.collegeOf(type).orElse("associations");
        Commune commune = communePicker.pick(r);
        String departement = reference.departementForPostalCode(commune.postalCode()).orElse(commune.departement());
        String region = reference.regionOfDepartement(departement).orElse(null);

        List<DemoStructure.Country> countries = countries(r, type);
        List<String> themes = themes(r, type);
        String name = name(r, type, commune, departement, region, countries);
        String acronym = acronym(r, type, name);

        Set<Integer> sdgs = new TreeSet<>();
        themes.forEach(t -> sdgs.addAll(themeSdgs.getOrDefault(t, List.of())));
        if (r.nextDouble() < 0.25) {
            sdgs.add(17);
        }
        if (r.nextDouble() < 0.10) {
            sdgs.add(1 + r.nextInt(17));
        }
        if (sdgs.isEmpty()) {
            sdgs.add(17);
        }

        Set<String> keywords = new LinkedHashSet<>();
        int wanted = 2 + r.nextInt(4);
        for (int i = 0; i < wanted * 3 && keywords.size() < wanted; i++) {
            List<String> words = KEYWORDS.get(themes.get(r.nextInt(themes.size())));
            if (words != null) {
                keywords.add(words.get(r.nextInt(words.size())));
            }
        }

        Integer year = yearFounded(r, type);
        Integer[] size = size(r, type);
        String host = shortSlug(name) + (n % 7 == 0 ? "-" + n : "");
        boolean hasWebsite = r.nextDouble() < 0.7;
        String website = hasWebsite ? "https://www." + host + ".example.org" : null;
        String email = r.nextDouble() < 0.85 ? "contact@" + host + ".example.org" : null;
        String phone = r.nextDouble() < 0.75 ? phone(r, departement) : null;

        // Dates: most records touched in the last year, a third older (the staff's "to chase" list).
        long dayS = 86_400;
        boolean pending = r.nextDouble() < 0.03;
        Instant updated;
        Instant created;
        Instant published;
        if (pending) {
            updated = now.minusSeconds((long) (r.nextDouble() * 60 * dayS));
            created = updated.minusSeconds((long) (r.nextDouble() * 2 * dayS));
            published = null;
        } else {
            double ageDays = r.nextDouble() < 0.65 ? r.nextDouble() * 365 : 365 + r.nextDouble() * 730;
            updated = now.minusSeconds((long) (ageDays * dayS));
            created = updated.minusSeconds((long) (r.nextDouble() < 0.4 ? 0 : r.nextDouble() * 1500 * dayS));
            published = created.plus(Duration.ofSeconds((long) (r.nextDouble() * 10 * dayS)));
            if (published.isAfter(updated)) {
                published = updated;
            }
        }

        double lat = commune.latitude() + (r.nextDouble() - 0.5) * 0.03;
        double lon = commune.longitude() + (r.nextDouble() - 0.5) * 0.04;
        return new DemoStructure(name, acronym, type, college,
                siret(r, type), "association".equals(type) && r.nextDouble() < 0.6 ? rna(r, departement) : null,
                (1 + r.nextInt(120)) + " " + pick(r, STREETS), commune.postalCode(), commune.name(), departement, region,
                Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5,
                website, email, email != null && r.nextDouble() < 0.6, phone, phone != null && r.nextDouble() < 0.4,
                description(r, type, name, commune, year, countries, themes), year, size[0], size[1],
                r.nextDouble() < 0.35, pending ? "PENDING" : "PUBLISHED", created, updated, published,
                themes, countries, List.copyOf(sdgs), List.copyOf(keywords));
    }

    // ---------------------------------------------------------------- countries and themes

    private List<DemoStructure.Country> countries(SplittableRandom r, String type) {
        double x = r.nextDouble();
        int count;
        if ("collectivite".equals(type) || "etablissement-scolaire".equals(type)) {
            count = x < 0.6 ? 1 : x < 0.9 ? 2 : 3;
        } else {
            count = x < 0.25 ? 1 : x < 0.50 ? 2 : x < 0.70 ? 3 : x < 0.82 ? 4 : x < 0.90 ? 5 : 6 + r.nextInt(4);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < count * 4 && codes.size() < count; i++) {
            codes.add(countryPicker.pick(r));
        }
        List<DemoStructure.Country> out = new ArrayList<>();
        for (String code : codes) {
            List<String> places = PLACES.get(code);
            boolean withPlace = places != null && r.nextDouble() < ("collectivite".equals(type) ? 0.9 : 0.4);
            out.add(new DemoStructure.Country(code, withPlace ? pick(r, places) : null));
        }
        return out;
    }

    private List<String> themes(SplittableRandom r, String type) {
        double x = r.nextDouble();
        int count = x < 0.30 ? 1 : x < 0.70 ? 2 : x < 0.90 ? 3 : 4;
        Weighted<String> picker = themePickers.getOrDefault(type, themePickers.get(""));
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < count * 4 && codes.size() < count; i++) {
            codes.add(picker.pick(r));
        }
        return List.copyOf(codes);
    }

    // ---------------------------------------------------------------- names

    private String name(SplittableRandom r, String type, Commune c, String dep, String region, List<DemoStructure.Country> countries) {
        // the country a name may mention: the first of the main ones
        DemoStructure.Country first = countries.stream().filter(x -> IN_COUNTRY.containsKey(x.code())).findFirst().orElse(null);
        boolean mainCountry = first != null;
        if (first == null) {
            first = countries.get(0);
        }
        DemoStructure.Country named = first;
        String depName = reference.label(RefList.DEPARTEMENTS, dep, Locale.FRENCH);
        Commune big = biggestOfDepartement.getOrDefault(c.departement(), c);
        Map<String, Function<SplittableRandom, String>> v = new HashMap<>();
        v.put("t", x -> c.name());
        v.put("det", x -> de(c.name()));
        v.put("d", x -> depName);
        v.put("dd", x -> ofDepartement(depName));
        v.put("big", x -> big.name());
        v.put("debig", x -> de(big.name()));
        v.put("rg", x -> region == null ? depName : reference.label(RefList.REGIONS, region, Locale.FRENCH));
        v.put("w", x -> pick(x, SOLIDARITY_WORDS));
        v.put("wd", x -> pick(x, WORDS));
        v.put("s", x -> pick(x, SURNAMES));
        v.put("tr", x -> pick(x, COMPANY_TRADES));
        v.put("sp", x -> pick(x, List.of("communautaire", "mutualiste", "municipal")));
        v.put("saint", x -> pick(x, SAINTS));
        v.put("acr", x -> String.valueOf((char) ('A' + x.nextInt(26))) + (char) ('A' + x.nextInt(26)) + (char) ('A' + x.nextInt(26)));
        v.put("cs", x -> SHORT_COUNTRY.getOrDefault(named.code(), countryNames.get(named.code())));
        v.put("dm", x -> DEMONYMS.getOrDefault(named.code(), "ressortissants " + ofCountry(named.code())));
        // "{of}"/"{for}": the place when the structure names one, else the country with its article.
        v.put("of", x -> named.place() != null ? de(named.place()) : ofCountry(named.code()));
        v.put("for", x -> named.place() != null ? named.place() : forCountry(named.code()));
        v.put("pl", x -> named.place() != null ? named.place() : countryNames.get(named.code()));

        String pattern = switch (type) {
            case "association" -> mainCountry ? associationPattern(r, first) : pick(r, ASSOCIATION_PATTERNS_NO_COUNTRY);
            case "collectivite" -> {
                double x = r.nextDouble();
                yield x < 0.35 ? "Mairie {det}" : x < 0.55 ? "Ville {det}" : x < 0.70 ? (c.populationK() < 20 ? "Communauté de communes du Pays {det}" : "Communauté d'agglomération {det}")
                        : x < 0.80 ? "Communauté d'agglomération {det}" : x < 0.90 ? "Département {dd}"
                        : x < 0.93 ? "Région {rg}" : "Syndicat des eaux {det}";
            }
            case "etablissement-scolaire" -> r.nextDouble() < 0.12 ? "Maison familiale rurale {det}"
                    : pick(r, SCHOOL_KINDS) + " " + pick(r, SCHOOL_PEOPLE) + " {det}";
            case "entreprise" -> {
                double x = r.nextDouble();
                String form = pick(r, COMPANY_FORMS);
                yield (x < 0.4 ? "{s} {tr}" : x < 0.7 ? "{tr} {d}" : x < 0.85 ? "Bureau d'études {s}" : "Cabinet {s} & associés")
                        + (form.isEmpty() ? "" : " " + form);
            }
            case "ess" -> pick(r, ESS_PATTERNS).replace("de {t}", "{det}");
            case "enseignement-superieur" -> pick(r, UNIVERSITY_PATTERNS).replace("de {big}", big.populationK() >= 100 ? "{debig}" : "– antenne {debig}")
                    .replace("de {t}", "{det}");
            case "sante" -> pick(r, HEALTH_PATTERNS).replace("CHU de {big}", big.populationK() >= 100 ? "CHU {debig}" : "Centre hospitalier {debig}")
                    .replace("de {big}", "{debig}").replace("de {t}", "{det}");
            case "fondation" -> r.nextDouble() < 0.5 ? "Fondation {s}" : r.nextDouble() < 0.5 ? "Fondation {wd} pour l'Afrique" : "Fonds de dotation {wd}";
            case "etat" -> pick(r, STATE_PATTERNS).replace("de {big}", "{debig}").replace("de {t}", "{det}");
            case "reseau" -> {
                String p = pick(r, NETWORK_PATTERNS);
                yield (p.contains("{cs}") && !mainCountry ? "Collectif {w} {d}" : p).replace("de {t}", "{det}");
            }
            default -> pick(r, OTHER_PATTERNS).replace("de {t}", "{det}");
        };
        String name = fill(pattern, v, r);
        return name.length() > 200 ? name.substring(0, 200).trim() : name;
    }

    private String associationPattern(SplittableRandom r, DemoStructure.Country first) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String p = pick(r, ASSOCIATION_PATTERNS);
            if ((p.contains("{dm}") && !DEMONYMS.containsKey(first.code()))
                    || (p.contains("{pl}") && first.place() == null)) {
                continue;
            }
            return p.replace("de {t}", "{det}");
        }
        return "Association {w} {cs} {d}";
    }

    /** "à Pessac", "au Mans", "aux Abymes". */
    static String at(String name) {
        if (name.startsWith("Le ")) {
            return "au " + name.substring(3);
        }
        if (name.startsWith("Les ")) {
            return "aux " + name.substring(4);
        }
        return "à " + name;
    }

    private static String fill(String pattern, Map<String, Function<SplittableRandom, String>> values, SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            int close = pattern.indexOf('}', open);
            out.append(pattern, i, open);
            Function<SplittableRandom, String> f = values.get(pattern.substring(open + 1, close));
            out.append(f == null ? "" : f.apply(r));
            i = close + 1;
        }
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    private static String acronym(SplittableRandom r, String type, String name) {
        if (!("association".equals(type) || "reseau".equals(type) || "enseignement-superieur".equals(type)) || r.nextDouble() > 0.3) {
            return null;
        }
        StringBuilder a = new StringBuilder();
        for (String word : name.split("[\\s'’–-]+")) {
            if (word.length() > 3 && Character.isUpperCase(word.charAt(0))) {
                a.append(word.charAt(0));
            }
        }
        String s = java.text.Normalizer.normalize(a.toString(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.length() >= 2 && s.length() <= 6 ? s : null;
    }

    /** "de Pessac", "d'Angoulême", "du Mans", "des Abymes". */
    static String de(String name) {
        if (name.startsWith("Le ")) {
            return "du " + name.substring(3);
        }
        if (name.startsWith("Les ")) {
            return "des " + name.substring(4);
        }
        return startsWithVowel(name) ? "d'" + name : "de " + name;
    }

    /** "de la Gironde", "du Nord", "des Landes", "de l'Hérault", "de Paris". */
    static String ofDepartement(String name) {
        Set<String> masculine = Set.of("Calvados", "Doubs", "Gers", "Finistère", "Rhône", "Puy-de-Dôme", "Maine-et-Loire", "Vaucluse",
                "Lot-et-Garonne", "Tarn-et-Garonne", "Val-de-Marne", "Val-d'Oise", "Pas-de-Calais", "Territoire de Belfort");
        Set<String> plural = Set.of("Alpes-de-Haute-Provence", "Alpes-Maritimes", "Ardennes", "Bouches-du-Rhône", "Côtes-d'Armor",
                "Deux-Sèvres", "Hautes-Alpes", "Hautes-Pyrénées", "Hauts-de-Seine", "Landes", "Pyrénées-Atlantiques",
                "Pyrénées-Orientales", "Vosges", "Yvelines");
        if (name.equals("Paris") || name.equals("Mayotte") || name.equals("Saint-Pierre-et-Miquelon")) {
            return "de " + name;
        }
        if (name.startsWith("La ")) {
            return "de " + name;
        }
        if (plural.contains(name)) {
            return "des " + name;
        }
        if (masculine.contains(name)) {
            return "du " + name;
        }
        if (startsWithVowel(name) || name.equals("Hérault")) {
            return "de l'" + name;
        }
        return name.endsWith("e") || name.equals("Corse-du-Sud") || name.equals("Côte-d'Or") ? "de la " + name : "du " + name;
    }

    /** "du Sénégal", "de Madagascar", "d'Haïti", "de la Tunisie", "des Comores". */
    private String ofCountry(String code) {
        String in = IN_COUNTRY.get(code);
        String name = countryNames.get(code);
        if (in == null) {
            return de(name);
        }
        if (in.startsWith("au ")) {
            return "du " + in.substring(3);
        }
        if (in.startsWith("aux ")) {
            return "des " + in.substring(4);
        }
        if (in.startsWith("à ")) {
            return de(in.substring(2));
        }
        String bare = in.substring(3);
        if ("HT".equals(code)) {
            return "d'" + bare;
        }
        return startsWithVowel(bare) ? "de l'" + bare : "de la " + bare;
    }

    /** "le Sénégal", "Madagascar", "Haïti", "la Tunisie", "les Comores". */
    private String forCountry(String code) {
        String in = IN_COUNTRY.get(code);
        String name = countryNames.get(code);
        if (in == null) {
            return name;
        }
        if (in.startsWith("au ")) {
            return "le " + in.substring(3);
        }
        if (in.startsWith("aux ")) {
            return "les " + in.substring(4);
        }
        if (in.startsWith("à ")) {
            return in.substring(2);
        }
        String bare = in.substring(3);
        if ("HT".equals(code)) {
            return bare;
        }
        return startsWithVowel(bare) ? "l'" + bare : "la " + bare;
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "AEIOUYÉÈÊÎÂaeiouyéèêîâ".indexOf(s.charAt(0)) >= 0;
    }

    // ---------------------------------------------------------------- other fields

    private Integer yearFounded(SplittableRandom r, String type) {
        return switch (type) {
            case "collectivite", "etat" -> null;
            case "etablissement-scolaire", "sante", "enseignement-superieur" -> r.nextDouble() < 0.5 ? null : 1950 + r.nextInt(60);
            default -> Math.max(1945, thisYear - (int) Math.floor(-Math.log(1 - r.nextDouble()) * 16));
        };
    }

    /** {volunteers, employees}: most associations 5-50 volunteers and 0-2 employees. */
    private static Integer[] size(SplittableRandom r, String type) {
        return switch (type) {
            case "association", "reseau", "autre" -> new Integer[] {
                    clamp(logNormal(r, 15, 0.75), 2, 600),
                    r.nextDouble() < 0.72 ? 0 : r.nextDouble() < 0.6 ? 1 + r.nextInt(2) : clamp(logNormal(r, 5, 0.8), 3, 120) };
            case "fondation" -> new Integer[] { clamp(logNormal(r, 6, 0.7), 0, 80), clamp(logNormal(r, 4, 0.8), 1, 60) };
            case "ess" -> new Integer[] { clamp(logNormal(r, 5, 0.9), 0, 80), clamp(logNormal(r, 8, 0.8), 1, 150) };
            case "entreprise" -> new Integer[] { null, clamp(logNormal(r, 12, 1.2), 1, 3000) };
            default -> new Integer[] { null, null };
        };
    }

    private static int logNormal(SplittableRandom r, double median, double sigma) {
        // Box-Muller
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return (int) Math.round(median * Math.exp(sigma * g));
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private static String siret(SplittableRandom r, String type) {
        double share = switch (type) {
            case "entreprise", "ess" -> 0.9;
            case "collectivite", "etat", "sante", "enseignement-superieur", "etablissement-scolaire" -> 0.6;
            case "association", "fondation", "reseau" -> 0.25;
            default -> 0.1;
        };
        if (r.nextDouble() > share) {
            return null;
        }
        StringBuilder siren = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            siren.append(r.nextInt(10));
        }
        siren.append(luhnDigit(siren));
        StringBuilder siret = new StringBuilder(siren).append("0001".substring(0, 3)).append(1 + r.nextInt(9));
        siret.append(luhnDigit(siret));
        return siret.toString();
    }

    /** The digit that makes {@code digits + d} pass the Luhn check. */
    static int luhnDigit(CharSequence digits) {
        int sum = 0;
        // with the check digit appended, the digits at odd distance from the right are doubled
        for (int i = digits.length() - 1, pos = 1; i >= 0; i--, pos++) {
            int d = digits.charAt(i) - '0';
            if (pos % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String rna(SplittableRandom r, String departement) {
        String dep = switch (departement) {
            case "2A" -> "201";
            case "2B" -> "202";
            default -> (departement.length() == 3 ? departement : departement + (1 + r.nextInt(9)));
        };
        StringBuilder s = new StringBuilder("W").append(dep);
        while (s.length() < 10) {
            s.append(r.nextInt(10));
        }
        return s.toString();
    }

    private String phone(SplittableRandom r, String departement) {
        String prefix = switch (departement) {
            case "971" -> "0590";
            case "972" -> "0596";
            case "973" -> "0594";
            case "974", "976" -> "0262";
            case "975" -> "0508";
            default -> {
                String region = reference.regionOfDepartement(departement).orElse("");
                yield switch (region) {
                    case "11" -> "01";
                    case "28", "52", "53", "24" -> "02";
                    case "32", "44", "27" -> "03";
                    case "84", "93", "94" -> "04";
                    default -> "05";
                };
            }
        };
        StringBuilder p = new StringBuilder(prefix);
        while (p.length() < 10) {
            p.append(r.nextInt(10));
        }
        String digits = p.toString();
        return digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " " + digits.substring(6, 8) + " " + digits.substring(8);
    }

    private String description(SplittableRandom r, String type, String name, Commune c, Integer year, List<DemoStructure.Country> countries, List<String> themes) {
        StringBuilder d = new StringBuilder();
        String since = year == null ? "" : " en " + year;
        switch (type) {
            case "association" -> d.append("**").append(name).append("** est une association loi 1901 créée").append(since).append(' ').append(at(c.name())).append('.');
            case "fondation" -> d.append("**").append(name).append("** est une fondation créée").append(since).append(' ').append(at(c.name())).append(", qui soutient des projets portés par des partenaires locaux.");
            case "reseau" -> d.append("**").append(name).append("** rassemble des associations, des collectivités et des établissements du territoire engagés à l'international.");
            case "collectivite" -> d.append("La collectivité s'engage dans la coopération décentralisée et la solidarité internationale, avec ses habitants et ses associations.");
            case "entreprise", "ess" -> d.append("**").append(name).append("** est une entreprise installée à ").append(c.name()).append(year == null ? "" : " depuis " + year).append('.');
            case "etablissement-scolaire" -> d.append("Élèves et enseignants de l'établissement mènent chaque année un projet de solidarité internationale.");
            case "sante" -> d.append("L'établissement met son expertise médicale au service de partenaires hospitaliers à l'étranger.");
            case "enseignement-superieur" -> d.append("L'établissement développe des partenariats de recherche et de formation avec des universités du Sud.");
            case "etat" -> d.append("L'établissement accompagne les acteurs du territoire dans leurs projets à l'international.");
            default -> d.append("**").append(name).append("** est basée ").append(at(c.name())).append('.');
        }
        List<String> in = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (DemoStructure.Country country : countries) {
            String phrase = IN_COUNTRY.get(country.code());
            if (phrase == null) {
                others.add(countryNames.get(country.code()));
            } else {
                in.add(country.place() == null ? phrase : phrase + " (" + country.place() + ")");
            }
        }
        d.append("\n\n");
        if (!in.isEmpty()) {
            d.append("Nous intervenons ").append(join(in)).append('.');
            if (!others.isEmpty()) {
                d.append(others.size() == 1 ? " Autre pays d'intervention : " : " Autres pays d'intervention : ").append(String.join(", ", others)).append('.');
            }
        } else {
            d.append("Pays d'intervention : ").append(String.join(", ", others)).append('.');
        }
        List<String> labels = themes.stream().map(t -> "*" + reference.label(RefList.THEMES, t, Locale.FRENCH).toLowerCase(Locale.FRENCH) + "*").toList();
        d.append(' ').append(labels.size() == 1 ? "Notre domaine : " : "Nos domaines : ").append(join(labels)).append('.');
        List<String> actions = new ArrayList<>();
        for (String t : themes) {
            List<String> a = ACTIONS.get(t);
            if (a != null) {
                actions.add(pick(r, a));
            }
        }
        if (!actions.isEmpty()) {
            d.append("\n\nNos actions :\n");
            actions.stream().distinct().forEach(a -> d.append("\n- ").append(a));
        }
        String closing = pick(r, CLOSINGS);
        if (!closing.isEmpty()) {
            d.append("\n\n").append(closing);
        }
        return d.toString();
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }

    private static String shortSlug(String name) {
        String s = fr.maillage.shared.text.Slugs.slug(name);
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static List<Commune> loadCommunes() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(COMMUNES).getInputStream(), StandardCharsets.UTF_8))) {
            List<Commune> out = new ArrayList<>();
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(new Commune(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5])));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Liste des communes illisible : " + COMMUNES, e);
        }
    }

    /** Picks keys in proportion to their weights. */
    static final class Weighted<T> {
        private final List<T> items = new ArrayList<>();
        private final double[] cumulative;

        Weighted(Map<T, Double> weights) {
            cumulative = new double[weights.size()];
            double total = 0;
            int i = 0;
            for (Map.Entry<T, Double> e : weights.entrySet()) {
                items.add(e.getKey());
                total += e.getValue();
                cumulative[i++] = total;
            }
        }

        T pick(SplittableRandom r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return items.get(lo);
        }
    }
}
