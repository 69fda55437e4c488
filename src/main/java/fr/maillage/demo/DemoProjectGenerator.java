package fr.maillage.demo;

import static fr.maillage.demo.DemoProjectVocabulary.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

/**
 * Composes realistic projects for the demo structures: each project belongs to a published demo
 * structure (local authorities, universities and hospitals lead more projects than
 * associations, an association more than a company), takes place in one of its countries (a
 * town of it, often) and on one or two of its themes, with DAC sectors of those themes whose
 * shares sum to 100, an IATI status and dates that agree (closed projects ended, projects under
 * way started), fundings from the funders such actors have (the Region, the water agency for
 * water, the Foreign Ministry for local authorities, AFD, foundations, own funds), local
 * partners and, for finished projects, lessons learned. Deterministic: project number
 * {@code n} of a seed is always the same for the same structures.
 */
final class DemoProjectGenerator {

    /** A published demo structure that may lead projects. */
    record Lead(long id, String name, String type, String city, String departement, String region, List<DemoStructure.Country> countries,
            List<String> themes) {
    }

    /** How much more often a type of structure leads projects than an association. */
    static final Map<String, Double> LEAD_WEIGHTS = Map.ofEntries(
            Map.entry("association", 1.0), Map.entry("collectivite", 2.5), Map.entry("enseignement-superieur", 1.5),
            Map.entry("sante", 1.5), Map.entry("fondation", 1.2), Map.entry("reseau", 1.0), Map.entry("ess", 0.8),
            Map.entry("etat", 0.8), Map.entry("etablissement-scolaire", 0.6), Map.entry("entreprise", 0.5), Map.entry("autre", 0.5));

    private final Reference reference;
    private final long seed;
    private final Instant now;
    private final LocalDate today;
    private final List<Lead> leads;
    private final DemoGenerator.Weighted<Integer> leadPicker;
    private final Map<String, List<String>> themeSdgs = new LinkedHashMap<>();

    DemoProjectGenerator(Reference reference, long seed, Instant now, List<Lead> leads) {
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("Aucune structure de démonstration publiée pour porter des projets");
        }
        this.reference = reference;
        this.seed = seed;
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.leads = List.copyOf(leads);
        Map<Integer, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < leads.size(); i++) {
            weights.put(i, LEAD_WEIGHTS.getOrDefault(leads.get(i).type(), 1.0));
        }
        this.leadPicker = new DemoGenerator.Weighted<>(weights);
        for (RefItem t : reference.list(RefList.THEMES)) {
            List<String> goals = new ArrayList<>();
            for (String g : t.extra("sdg").split(";")) {
                if (!g.isBlank() && reference.exists(RefList.SDGS, g.strip())) {
                    goals.add(g.strip());
                }
            }
            themeSdgs.put(t.code(), goals);
        }
    }

    /** One generated project with its rows' values (no id nor slug yet). */
    record DemoProject(long organisationId, String title, String summary, String description, String status,
            LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
            String countryCode, String place, List<String> themes, List<Integer> sdgs, List<Sector> sectors,
            List<Partner> partners, List<Funding> fundings, BigDecimal totalBudget, String link,
            String lessonsWorked, String lessonsFailed, String lessonsAdvice, String publication, String moderationMessage,
            boolean exemplary, Instant createdAt, Instant updatedAt, Instant publishedAt) {

        record Sector(String code, int percentage) {
        }

        record Partner(Long organisationId, String name, String orgType, String countryCode, String role) {
        }

        record Funding(String kind, String name, BigDecimal amount, int year) {
        }
    }

    /** Project number {@code n} (0-based) of this seed. */
    DemoProject project(long n) {
        SplittableRandom r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + n * 0x9E3779B97F4A7C15L + 0x165667B19E3779F9L);
        Lead lead = leads.get(leadPicker.pick(r));

        // where: one of the lead's countries, often a town of it
        DemoStructure.Country country = lead.countries().isEmpty() ? new DemoStructure.Country("SN", null)
                : lead.countries().get(r.nextInt(lead.countries().size()));
        String place = country.place();
        List<String> towns = DemoVocabulary.PLACES.get(country.code());
        if (place == null && towns != null && r.nextDouble() < 0.9) {
            place = pick(r, towns);
        }

        // what: one or two of the lead's themes
        List<String> themes = new ArrayList<>();
        List<String> own = lead.themes().stream().filter(TITLES::containsKey).toList();
        themes.add(own.isEmpty() ? "education-formation" : own.get(r.nextInt(own.size())));
        if (own.size() > 1 && r.nextDouble() < 0.35) {
            String second = own.get(r.nextInt(own.size()));
            if (!themes.contains(second)) {
                themes.add(second);
            }
        }
        String main = themes.get(0);
        String title = fill(pick(r, TITLES.get(main)), country.code(), place);

        Set<Integer> sdgs = new TreeSet<>();
        themes.forEach(t -> themeSdgs.getOrDefault(t, List.of()).forEach(g -> sdgs.add(Integer.parseInt(g))));
        if (r.nextDouble() < 0.3) {
            sdgs.add(17);
        }

        List<DemoProject.Sector> sectors = sectors(r, themes);

        // when: the status and dates agree
        String status = status(r);
        LocalDate plannedStart;
        LocalDate plannedEnd;
        LocalDate actualStart = null;
        LocalDate actualEnd = null;
        int months = 12 + r.nextInt(37);
        switch (status) {
            case "1" -> {
                plannedStart = today.plusDays(30 + r.nextInt(330)).withDayOfMonth(1);
                plannedEnd = plannedStart.plusMonths(months).minusDays(1);
            }
            case "2", "6" -> {
                actualStart = today.minusDays(30 + r.nextInt(1400));
                plannedStart = actualStart.minusDays(r.nextInt(90)).withDayOfMonth(1);
                plannedEnd = r.nextDouble() < 0.2 ? null : maxDate(plannedStart.plusMonths(months).minusDays(1), today.plusDays(60 + r.nextInt(400)));
            }
            case "3" -> {
                actualStart = today.minusDays(500 + r.nextInt(1200));
                plannedStart = actualStart.withDayOfMonth(1);
                plannedEnd = today.minusDays(r.nextInt(200));
            }
            case "5" -> {
                plannedStart = today.minusDays(60 + r.nextInt(900)).withDayOfMonth(1);
                plannedEnd = plannedStart.plusMonths(months).minusDays(1);
            }
            default -> { // 4 closed
                actualStart = today.minusDays(730 + r.nextInt(3000));
                plannedStart = actualStart.minusDays(r.nextInt(60)).withDayOfMonth(1);
                plannedEnd = plannedStart.plusMonths(months).minusDays(1);
                actualEnd = actualStart.plusMonths(6 + r.nextInt(months + 6));
                if (!actualEnd.isBefore(today)) {
                    actualEnd = today.minusDays(1 + r.nextInt(60));
                }
                if (plannedEnd.isBefore(plannedStart)) {
                    plannedEnd = plannedStart;
                }
            }
        }
        LocalDate start = actualStart != null ? actualStart : plannedStart;

        // who pays, who does
        BigDecimal total = budget(r, lead.type());
        List<DemoProject.Funding> fundings = fundings(r, lead, themes, total, start.getYear());
        BigDecimal sum = fundings.stream().map(DemoProject.Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<DemoProject.Partner> partners = partners(r, lead, country.code(), place);

        String where = place != null ? place : countryName(country.code());
        List<String> objectives = new ArrayList<>(OBJECTIVES.get(main));
        String first = objectives.remove(r.nextInt(objectives.size()));
        String second = objectives.remove(r.nextInt(objectives.size()));
        String partnerName = partners.isEmpty() || partners.get(0).name() == null ? null : partners.get(0).name();
        String summary = capitalise(first) + (partnerName != null ? ", avec " + lower(partnerName) : "") + " (" + where + ").";
        if (summary.length() > 590) {
            summary = summary.substring(0, 590);
        }
        StringBuilder description = new StringBuilder();
        description.append("Le projet vise à ").append(first).append(" et à ").append(second).append(", ")
                .append(at(where)).append(".\n\n");
        description.append("**Objectifs**\n\n");
        for (String o : List.of(first, second)) {
            description.append("- ").append(capitalise(o)).append('\n');
        }
        description.append("\n**Partenaires** : ").append(lead.name());
        partners.stream().filter(p -> p.name() != null).forEach(p -> description.append(", ").append(p.name()));
        description.append(".\n");

        boolean finished = status.equals("3") || status.equals("4");
        boolean lessons = finished && r.nextDouble() < 0.6;

        // publication and dates of the record
        double x = r.nextDouble();
        String publication = x < 0.88 ? "PUBLISHED" : x < 0.97 ? "DRAFT" : "HIDDEN";
        String moderation = publication.equals("HIDDEN") ? "Photos publiées sans l'accord des personnes : merci de les retirer avant de republier." : null;
        boolean exemplary = publication.equals("PUBLISHED") && r.nextDouble() < 0.03;
        Instant updated = now.minusSeconds((long) (r.nextDouble() * 730 * 86_400));
        Instant created = updated.minusSeconds((long) (r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 365 * 86_400));
        Instant published = publication.equals("DRAFT") ? null : created.plusSeconds((long) (r.nextDouble() * 3 * 86_400));
        if (published != null && published.isAfter(updated)) {
            published = updated;
        }
        String link = r.nextDouble() < 0.3 ? "https://exemple.org/projets/" + n : null;

        return new DemoProject(lead.id(), title, summary, description.toString(), status, plannedStart, plannedEnd, actualStart, actualEnd,
                country.code(), place, List.copyOf(themes), List.copyOf(sdgs), sectors, partners, fundings,
                sum.signum() > 0 ? sum : null, link,
                lessons ? pick(r, WORKED) : null, lessons ? pick(r, FAILED) : null, lessons && r.nextDouble() < 0.7 ? pick(r, ADVICE) : null,
                publication, moderation, exemplary, created, updated, published);
    }

    // ---------------------------------------------------------------- parts

    private static String status(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.08 ? "1" : x < 0.53 ? "2" : x < 0.60 ? "3" : x < 0.95 ? "4" : x < 0.97 ? "5" : "6";
    }

    private List<DemoProject.Sector> sectors(SplittableRandom r, List<String> themes) {
        List<String> codes = new ArrayList<>();
        for (String theme : themes) {
            List<String> candidates = SECTORS.getOrDefault(theme, List.of("99810")).stream()
                    .filter(c -> reference.exists(RefList.DAC_SECTORS, c)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            String code = r.nextDouble() < 0.6 ? candidates.get(0) : candidates.get(r.nextInt(candidates.size()));
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (codes.size() == 1 && r.nextDouble() < 0.3) {
            List<String> more = SECTORS.getOrDefault(themes.get(0), List.of());
            String extra = more.isEmpty() ? null : more.get(r.nextInt(more.size()));
            if (extra != null && !codes.contains(extra) && reference.exists(RefList.DAC_SECTORS, extra)) {
                codes.add(extra);
            }
        }
        if (codes.isEmpty()) {
            codes.add("99810");
        }
        List<DemoProject.Sector> out = new ArrayList<>();
        if (codes.size() == 1) {
            out.add(new DemoProject.Sector(codes.get(0), 100));
        } else {
            int main = 50 + 10 * r.nextInt(4); // 50, 60, 70 or 80 %
            out.add(new DemoProject.Sector(codes.get(0), main));
            out.add(new DemoProject.Sector(codes.get(1), 100 - main));
        }
        return out;
    }

    /** A total budget in euros: associations a few thousand to a few tens of thousands, local authorities and institutions more. */
    private static BigDecimal budget(SplittableRandom r, String type) {
        double median = switch (type) {
            case "collectivite" -> 60_000;
            case "enseignement-superieur", "sante", "fondation", "etat" -> 80_000;
            case "etablissement-scolaire" -> 6_000;
            case "entreprise", "ess" -> 40_000;
            default -> 18_000;
        };
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        double amount = Math.max(1_500, Math.min(3_000_000, median * Math.exp(0.9 * g)));
        return BigDecimal.valueOf(Math.round(amount / 500) * 500L).setScale(2, RoundingMode.UNNECESSARY);
    }

    private List<DemoProject.Funding> fundings(SplittableRandom r, Lead lead, List<String> themes, BigDecimal total, int year) {
        Map<String, String> funders = new LinkedHashMap<>(); // kind -> name
        boolean water = themes.contains("eau-assainissement");
        String regionName = lead.region() == null ? null : reference.label(RefList.REGIONS, lead.region(), Locale.FRENCH);
        String departementName = lead.departement() == null ? null : reference.label(RefList.DEPARTEMENTS, lead.departement(), Locale.FRENCH);
        if (lead.type().equals("collectivite")) {
            funders.put("COMMUNE", lead.name());
            if (r.nextDouble() < 0.45) {
                funders.put("MEAE", "Ministère de l'Europe et des Affaires étrangères (DAECT)");
            }
            if (water && r.nextDouble() < 0.8) {
                funders.put("AGENCE_EAU", waterAgency(lead.region()));
            }
            if (r.nextDouble() < 0.08) {
                funders.put("EU", "Union européenne");
            }
        } else {
            if (r.nextDouble() < 0.75) {
                funders.put("OWN", null);
            }
            if (regionName != null && r.nextDouble() < 0.45) {
                funders.put("REGION", "Région " + regionName);
            }
            if (water && r.nextDouble() < 0.6) {
                funders.put("AGENCE_EAU", waterAgency(lead.region()));
            }
            if (departementName != null && r.nextDouble() < 0.2) {
                funders.put("DEPARTEMENT", "Département " + DemoGenerator.ofDepartement(departementName));
            }
            if (r.nextDouble() < 0.2) {
                funders.put("COMMUNE", "Ville " + DemoGenerator.de(lead.city() == null ? "Bordeaux" : lead.city()));
            }
            if (r.nextDouble() < 0.25) {
                funders.put("FOUNDATION", pick(r, FOUNDATIONS));
            }
            if (total.compareTo(BigDecimal.valueOf(60_000)) > 0 && r.nextDouble() < 0.3) {
                funders.put("AFD", "Agence française de développement");
            }
            if (r.nextDouble() < 0.08) {
                funders.put("PRIVATE", "Mécénat d'entreprises");
            }
            if (r.nextDouble() < 0.04) {
                funders.put("EU", "Union européenne");
            }
        }
        if (funders.isEmpty()) {
            funders.put("OWN", null);
        }
        // shares: own funds a small part, the others by random weights; amounts rounded to 100 euros
        List<String> kinds = new ArrayList<>(funders.keySet());
        double[] weights = new double[kinds.size()];
        double sum = 0;
        for (int i = 0; i < kinds.size(); i++) {
            weights[i] = kinds.get(i).equals("OWN") && kinds.size() > 1 ? 0.1 + r.nextDouble() * 0.2 : 0.5 + r.nextDouble();
            sum += weights[i];
        }
        List<DemoProject.Funding> out = new ArrayList<>();
        long left = total.longValue();
        for (int i = 0; i < kinds.size(); i++) {
            long amount = i == kinds.size() - 1 ? left : Math.max(100, Math.round(total.doubleValue() * weights[i] / sum / 100) * 100);
            amount = Math.min(amount, left);
            if (amount <= 0) {
                continue;
            }
            left -= amount;
            out.add(new DemoProject.Funding(kinds.get(i), funders.get(kinds.get(i)), BigDecimal.valueOf(amount).setScale(2, RoundingMode.UNNECESSARY), year));
        }
        return out;
    }

    /** The water agency of a region; overseas, the office of water. */
    private static String waterAgency(String region) {
        return region == null ? "Office de l'eau" : WATER_AGENCIES.getOrDefault(region, "Office de l'eau");
    }

    private List<DemoProject.Partner> partners(SplittableRandom r, Lead lead, String country, String place) {
        List<DemoProject.Partner> out = new ArrayList<>();
        int local = r.nextDouble() < 0.15 ? 0 : r.nextDouble() < 0.7 ? 1 : 2;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < local; i++) {
            String name;
            String type;
            if (place == null) {
                // no town: a national organisation
                name = pick(r, List.of("ONG ", "Association ", "Réseau ")) + pick(r, WORDS);
                type = "22";
            } else {
                String[] pattern = lead.type().equals("collectivite") && i == 0 ? LOCAL_PARTNERS.get(r.nextInt(2)) : pick(r, LOCAL_PARTNERS);
                name = pattern[0].replace("{mot}", pick(r, WORDS)).replace("{de}", DemoGenerator.de(place));
                type = pattern[1];
            }
            if (names.add(name)) {
                out.add(new DemoProject.Partner(null, name, type, country, "4"));
            }
        }
        // now and then, another structure of the network takes part
        if (r.nextDouble() < 0.15) {
            Lead other = leads.get(r.nextInt(leads.size()));
            if (other.id() != lead.id()) {
                out.add(new DemoProject.Partner(other.id(), null, null, null, r.nextDouble() < 0.5 ? "1" : "4"));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- French

    /** Fills {lieu}, {de} and {lieu_nu} with the place, or the country. */
    private String fill(String pattern, String country, String place) {
        String lieu = place != null ? at(place) : inCountry(country);
        String de = place != null ? DemoGenerator.de(place) : ofCountry(country);
        String bare = place != null ? place : theCountry(country);
        return pattern.replace("{lieu}", lieu).replace("{de}", de).replace("{lieu_nu}", bare);
    }

    /** "à Podor", "aux Cayes", "au Mans". */
    static String at(String place) {
        if (place.startsWith("Les ")) {
            return "aux " + place.substring(4);
        }
        if (place.startsWith("Le ")) {
            return "au " + place.substring(3);
        }
        return "à " + place;
    }

    private String countryName(String code) {
        return reference.label(RefList.COUNTRIES, code, Locale.FRENCH);
    }

    /** "au Sénégal", "à Madagascar"; "– Équateur" for a country without a known preposition. */
    private String inCountry(String code) {
        String in = DemoVocabulary.IN_COUNTRY.get(code);
        return in != null ? in : "– " + countryName(code);
    }

    /** "du Sénégal", "de Madagascar", "d'Haïti", "de la Tunisie", "des Comores". */
    private String ofCountry(String code) {
        String in = DemoVocabulary.IN_COUNTRY.get(code);
        if (in == null) {
            return "– " + countryName(code);
        }
        if (in.startsWith("au ")) {
            return "du " + in.substring(3);
        }
        if (in.startsWith("aux ")) {
            return "des " + in.substring(4);
        }
        if (in.startsWith("à ")) {
            return DemoGenerator.de(in.substring(2));
        }
        String bare = in.substring(3);
        if ("HT".equals(code)) {
            return "d'" + bare;
        }
        return "AEIOUÉ".indexOf(bare.charAt(0)) >= 0 ? "de l'" + bare : "de la " + bare;
    }

    /** "le Sénégal", "Madagascar", "Haïti", "la Tunisie". */
    private String theCountry(String code) {
        String in = DemoVocabulary.IN_COUNTRY.get(code);
        if (in == null) {
            return countryName(code);
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
        return "AEIOUÉ".indexOf(bare.charAt(0)) >= 0 ? "l'" + bare : "la " + bare;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "Commune de Podor" stays, "Association des femmes de Podor" becomes "l'association des femmes de Podor". */
    private static String lower(String name) {
        if (name.startsWith("Commune") || name.startsWith("Mairie")) {
            return "la " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        String first = name.split(" ")[0];
        boolean vowel = "AEIOUÉ".indexOf(first.charAt(0)) >= 0;
        String article = vowel ? "l'" : switch (first) {
            case "Groupement", "Comité", "Centre", "Lycée", "Réseau" -> "le ";
            default -> "la ";
        };
        // an acronym (ONG) keeps its capitals
        boolean acronym = first.length() > 1 && Character.isUpperCase(first.charAt(1));
        return article + (acronym ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }

    private static LocalDate maxDate(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
