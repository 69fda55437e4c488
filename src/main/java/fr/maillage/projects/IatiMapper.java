package fr.maillage.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.projects.IatiOrganisations.Match;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns one IATI activity into a project ({@link ProjectData}) that {@link ProjectValidator}
 * accepts: what our reference lists know is kept, what they do not know is left out with a
 * warning (an unknown country, a sector of another vocabulary than DAC, a region...), and
 * what cannot make a project (no identifier, no title) skips the activity with its reason.
 * Maillage's own extension elements (summary, lessons learned, funder kinds) make an export of
 * this site come back unchanged.
 */
@Component
class IatiMapper {

    /** Something to tell about an activity: a key of {@code projects.iati.warning.*} or {@code projects.iati.skip.*}, and its arguments. */
    record Note(String key, List<String> args) {
        Note {
            args = args == null ? List.of() : List.copyOf(args);
        }

        static Note of(String key, Object... args) {
            List<String> a = new ArrayList<>();
            for (Object o : args) {
                a.add(o == null ? "" : String.valueOf(o));
            }
            return new Note(key, a);
        }
    }

    /** An organisation as the file names it; {@code role} is null for the reporting organisation. */
    record Org(String ref, String name, String type, String role) {
    }

    /**
     * The result: the project, or the reason to skip the activity (then {@code data} is null).
     * {@code explicitSummary}: the file gave the summary (Maillage's extension), it was not taken from the description.
     */
    record Mapped(String identifier, Org reporting, List<Org> participating, ProjectData data, boolean explicitSummary, List<Note> warnings,
                  Note skip) {

        boolean skipped() {
            return skip != null;
        }
    }

    static final int IDENTIFIER_MAX = 200;
    private static final int SUMMARY_TARGET = 300;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,990}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
    private static final Pattern COORDINATE_SEPARATOR = Pattern.compile("[\\s,]+");
    private static final Pattern CODE_SEPARATOR = Pattern.compile("[;,\\s]+");
    private static final Map<String, String> OLD_ROLES = Map.of("funding", "1", "accountable", "2", "extending", "3", "implementing", "4");
    private static final Map<String, String> OLD_DATE_TYPES = Map.of("start-planned", "1", "start-actual", "2", "end-planned", "3", "end-actual", "4");

    private final Reference reference;
    private final ProjectValidator validator;
    private final MessageSource messages;
    private final Map<String, String> headings = new java.util.concurrent.ConcurrentHashMap<>();

    IatiMapper(Reference reference, ProjectValidator validator, MessageSource messages) {
        this.reference = reference;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * Maps an activity. {@code leadOrganisationId} is the structure the project belongs to (null
     * when not known yet); {@code matcher} links organisations to structures; headings of
     * extra descriptions are written in {@code locale}.
     */
    Mapped map(IatiNode a, Long leadOrganisationId, IatiOrganisations.Matcher matcher, Locale locale) {
        List<Note> warnings = new ArrayList<>();
        String lang = lower(a.attrValue("xml:lang"));
        String identifier = text(a.child("iati-identifier"));
        IatiNode rep = a.child("reporting-org");
        Org reporting = rep == null ? null : new Org(rep.attrValue("ref"), rep.narrative("fr", lang), rep.attrValue("type"), null);
        List<Org> participating = new ArrayList<>();
        for (IatiNode po : a.all("participating-org")) {
            participating.add(new Org(po.attrValue("ref"), po.narrative("fr", lang), po.attrValue("type"), po.attrValue("role")));
        }
        if (identifier.isEmpty()) {
            return new Mapped(null, reporting, participating, null, false, warnings, Note.of("no-identifier"));
        }
        if (identifier.length() > IDENTIFIER_MAX) {
            return new Mapped(null, reporting, participating, null, false, warnings, Note.of("identifier-too-long", IDENTIFIER_MAX));
        }

        String title = a.child("title") == null ? null : a.child("title").narrative("fr", lang);
        if (title == null || title.isBlank()) {
            return new Mapped(identifier, reporting, participating, null, false, warnings, Note.of("no-title"));
        }
        title = oneLine(title);
        if (title.length() > ProjectValidator.TITLE_MAX) {
            title = cut(title, ProjectValidator.TITLE_MAX);
            warnings.add(Note.of("title-cut", ProjectValidator.TITLE_MAX));
        }

        String description = description(a, lang, locale);
        if (description != null && description.length() > ProjectValidator.TEXT_MAX) {
            description = cut(description, ProjectValidator.TEXT_MAX);
            warnings.add(Note.of("description-cut", ProjectValidator.TEXT_MAX));
        }
        String summary = extension(a, "summary", ProjectValidator.SUMMARY_MAX);
        boolean explicitSummary = summary != null;
        if (summary == null && description != null) {
            summary = summary(description);
        }

        String status = status(a, warnings);
        LocalDate[] dates = dates(a, warnings);
        List<ProjectData.Place> places = places(a, lang, warnings);
        List<ProjectData.Sector> sectors = sectors(a, warnings);
        List<String> sdgs = new ArrayList<>();
        List<String> themes = new ArrayList<>();
        tags(a, sdgs, themes, warnings);
        if (themes.isEmpty()) {
            themes.addAll(themesOfSectors(sectors));
        }
        String defaultCurrency = upper(a.attrValue("default-currency"));
        List<ProjectData.Partner> partners = partners(a, lang, leadOrganisationId, matcher, warnings);
        List<ProjectData.Funding> fundings = fundings(a, lang, defaultCurrency, reporting, leadOrganisationId, matcher, warnings);
        String budgetCurrency = defaultCurrency != null && CURRENCY.matcher(defaultCurrency).matches() ? defaultCurrency
                : fundings.isEmpty() ? "EUR" : fundings.get(0).currency();
        List<ProjectData.Link> links = links(a, lang, warnings);

        ProjectData data = new ProjectData(title, summary, description, status, dates[0], dates[2], dates[1], dates[3],
                places, themes, sdgs, sectors, partners, fundings, budgetCurrency, links,
                extension(a, "lessons-worked", ProjectValidator.TEXT_MAX), extension(a, "lessons-failed", ProjectValidator.TEXT_MAX),
                extension(a, "lessons-advice", ProjectValidator.TEXT_MAX));
        List<ProjectException.Problem> problems = validator.problems(data);
        if (!problems.isEmpty()) {
            ProjectException.Problem p = problems.get(0);
            return new Mapped(identifier, reporting, participating, null, false, warnings,
                    Note.of("invalid", p.field() == null ? "" : p.field(), p.messageKey()));
        }
        return new Mapped(identifier, reporting, participating, data, explicitSummary, warnings, null);
    }

    // ------------------------------------------------------------------ texts

    private String description(IatiNode a, String lang, Locale locale) {
        StringBuilder general = new StringBuilder();
        StringBuilder others = new StringBuilder();
        for (IatiNode d : a.all("description")) {
            String t = d.narrative("fr", lang);
            if (t == null || t.isBlank()) {
                continue;
            }
            String type = d.attrValue("type");
            if (type == null || type.equals("1")) {
                if (!general.isEmpty()) {
                    general.append("\n\n");
                }
                general.append(t.strip());
            } else {
                String heading = switch (type) {
                    case "2" -> "objectives";
                    case "3" -> "target-groups";
                    default -> "other";
                };
                others.append("\n\n**").append(headings.computeIfAbsent(heading + "|" + locale,
                                k -> messages.getMessage("projects.iati.description." + heading, null, heading, locale)))
                        .append("**\n\n").append(t.strip());
            }
        }
        String all = (general + others.toString()).strip();
        return all.isEmpty() ? null : all;
    }

    /** The first paragraph, cut near {@value #SUMMARY_TARGET} characters at a word; null when it would repeat a short description. */
    static String summary(String description) {
        String text = description.strip();
        // only the beginning matters: a long description is not copied whole
        String head = text.length() > SUMMARY_TARGET * 3 ? text.substring(0, SUMMARY_TARGET * 3) : text;
        String first = oneLine(PARAGRAPH.split(head, 2)[0].replace("**", ""));
        if (first.length() > SUMMARY_TARGET) {
            return cut(first, SUMMARY_TARGET);
        }
        return head.length() == text.length() && first.length() == oneLine(text.replace("**", "")).length() ? null : first;
    }

    private static String extension(IatiNode a, String name, int max) {
        IatiNode n = a.child(IatiXml.MAILLAGE_NS, name);
        if (n == null || n.text().isEmpty()) {
            return null;
        }
        String t = n.text();
        return t.length() > max ? cut(t, max) : t;
    }

    // ------------------------------------------------------------------ status and dates

    private String status(IatiNode a, List<Note> warnings) {
        IatiNode s = a.child("activity-status");
        String code = s == null ? null : s.attrValue("code");
        if (code != null && reference.exists(RefList.ACTIVITY_STATUS, code)) {
            return code;
        }
        warnings.add(Note.of(code == null ? "status-missing" : "status-unknown", code == null ? "" : code));
        return "2";
    }

    /** Planned start, actual start, planned end, actual end. */
    private LocalDate[] dates(IatiNode a, List<Note> warnings) {
        LocalDate[] d = new LocalDate[4];
        for (IatiNode n : a.all("activity-date")) {
            String type = n.attrValue("type");
            if (type != null && OLD_DATE_TYPES.containsKey(type)) {
                type = OLD_DATE_TYPES.get(type);
            }
            if (type == null || type.length() != 1 || type.charAt(0) < '1' || type.charAt(0) > '4') {
                warnings.add(Note.of("date-type", String.valueOf(type)));
                continue;
            }
            LocalDate date = date(n.attrValue("iso-date"));
            if (date == null) {
                warnings.add(Note.of("date-invalid", String.valueOf(n.attrValue("iso-date"))));
                continue;
            }
            d[Integer.parseInt(type) - 1] = date;
        }
        if (d[0] != null && d[2] != null && d[2].isBefore(d[0])) {
            warnings.add(Note.of("date-order", d[0], d[2]));
            d[2] = null;
        }
        if (d[1] != null && d[3] != null && d[3].isBefore(d[1])) {
            warnings.add(Note.of("date-order", d[1], d[3]));
            d[3] = null;
        }
        return d;
    }

    static LocalDate date(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(iso.substring(0, 10));
            return d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ places

    private List<ProjectData.Place> places(IatiNode a, String lang, List<Note> warnings) {
        Set<String> countries = new LinkedHashSet<>();
        for (IatiNode c : a.all("recipient-country")) {
            String code = upper(c.attrValue("code"));
            if (code == null) {
                continue;
            }
            if (reference.exists(RefList.COUNTRIES, code)) {
                countries.add(code);
            } else {
                warnings.add(Note.of("country-unknown", code));
            }
        }
        for (IatiNode r : a.all("recipient-region")) {
            if (r.attrValue("code") != null) {
                warnings.add(Note.of("region-left-out", r.attrValue("code")));
            }
        }
        List<ProjectData.Place> places = new ArrayList<>();
        List<IatiNode> locations = a.all("location");
        if (!locations.isEmpty() && countries.size() != 1) {
            warnings.add(Note.of("locations-without-country", locations.size()));
            locations = List.of();
        }
        String single = countries.size() == 1 ? countries.iterator().next() : null;
        for (IatiNode l : locations) {
            String name = l.child("name") == null ? null : l.child("name").narrative("fr", lang);
            if (name != null) {
                name = oneLine(name);
                if (name.length() > 200) {
                    name = cut(name, 200);
                }
            }
            Double lat = null;
            Double lon = null;
            IatiNode point = l.child("point");
            IatiNode pos = point == null ? null : point.child("pos");
            if (pos != null && !pos.text().isEmpty()) {
                String[] parts = COORDINATE_SEPARATOR.split(pos.text().trim());
                try {
                    if (parts.length == 2) {
                        double la = Double.parseDouble(parts[0]);
                        double lo = Double.parseDouble(parts[1]);
                        if (Math.abs(la) <= 90 && Math.abs(lo) <= 180 && !Double.isNaN(la) && !Double.isNaN(lo)) {
                            lat = la;
                            lon = lo;
                        }
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (lat == null) {
                    warnings.add(Note.of("point-invalid", pos.text()));
                }
            }
            if (name == null && lat == null) {
                continue;
            }
            places.add(new ProjectData.Place(single, name, lat, lon));
        }
        if (places.isEmpty()) {
            countries.forEach(c -> places.add(new ProjectData.Place(c, null, null, null)));
        }
        return places;
    }

    // ------------------------------------------------------------------ sectors, SDGs, themes

    private List<ProjectData.Sector> sectors(IatiNode a, List<Note> warnings) {
        Map<String, Map<String, BigDecimal>> byVocabulary = new LinkedHashMap<>();
        Map<String, Boolean> missingShare = new LinkedHashMap<>();
        for (IatiNode s : a.all("sector")) {
            String voc = s.attrValue("vocabulary");
            String code = s.attrValue("code");
            if (code == null) {
                continue;
            }
            if (voc == null || voc.equalsIgnoreCase("DAC")) {
                voc = "1";
            } else if (voc.equalsIgnoreCase("DAC-3")) {
                voc = "2";
            }
            if (!voc.equals("1") && !voc.equals("2")) {
                warnings.add(Note.of("sector-vocabulary", voc, code));
                continue;
            }
            RefList list = voc.equals("1") ? RefList.DAC_SECTORS : RefList.DAC_CATEGORIES;
            if (!reference.exists(list, code)) {
                warnings.add(Note.of("sector-unknown", code));
                continue;
            }
            BigDecimal pct = decimal(s.attrValue("percentage"));
            if (pct != null && (pct.signum() < 0 || pct.compareTo(HUNDRED) > 0)) {
                pct = null;
            }
            if (pct == null) {
                missingShare.put(voc, true);
            }
            byVocabulary.computeIfAbsent(voc, k -> new LinkedHashMap<>()).merge(code, pct == null ? BigDecimal.ZERO : pct, BigDecimal::add);
        }
        List<ProjectData.Sector> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> e : byVocabulary.entrySet()) {
            Map<String, BigDecimal> shares = e.getValue();
            if (shares.size() == 1) {
                out.add(new ProjectData.Sector(e.getKey(), shares.keySet().iterator().next(), null));
                continue;
            }
            BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean rescale = sum.subtract(HUNDRED).abs().compareTo(new BigDecimal("0.01")) > 0 || missingShare.containsKey(e.getKey());
            List<BigDecimal> values;
            if (!rescale) {
                values = new ArrayList<>(shares.values());
            } else {
                warnings.add(Note.of("sector-shares", e.getKey(), sum.stripTrailingZeros().toPlainString()));
                values = sum.signum() == 0 || missingShare.containsKey(e.getKey())
                        ? evenShares(shares.size())
                        : proportional(new ArrayList<>(shares.values()), sum);
            }
            int i = 0;
            for (String code : shares.keySet()) {
                out.add(new ProjectData.Sector(e.getKey(), code, values.get(i++)));
            }
        }
        return out;
    }

    /** {@code n} shares of 100 with two decimals, the rounding left on the first. */
    static List<BigDecimal> evenShares(int n) {
        BigDecimal each = HUNDRED.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(each);
        }
        out.set(0, each.add(HUNDRED.subtract(each.multiply(BigDecimal.valueOf(n)))));
        return out;
    }

    private static List<BigDecimal> proportional(List<BigDecimal> values, BigDecimal sum) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < values.size(); i++) {
            BigDecimal v = values.get(i).multiply(HUNDRED).divide(sum, 2, RoundingMode.HALF_UP);
            out.add(v);
            total = total.add(v);
            if (v.compareTo(out.get(largest)) > 0) {
                largest = i;
            }
        }
        out.set(largest, out.get(largest).add(HUNDRED.subtract(total)));
        return out;
    }

    private void tags(IatiNode a, List<String> sdgs, List<String> themes, List<Note> warnings) {
        for (IatiNode t : a.all("tag")) {
            String voc = t.attrValue("vocabulary");
            String code = t.attrValue("code");
            if (voc == null || code == null) {
                continue;
            }
            switch (voc) {
                case "2" -> {
                    String goal = code.replaceFirst("^0+", "");
                    if (reference.exists(RefList.SDGS, goal)) {
                        addOnce(sdgs, goal);
                    } else {
                        warnings.add(Note.of("sdg-unknown", code));
                    }
                }
                case "3" -> {
                    String goal = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
                    if (reference.exists(RefList.SDGS, goal)) {
                        addOnce(sdgs, goal);
                    }
                }
                case "99" -> {
                    if (reference.exists(RefList.THEMES, code)) {
                        addOnce(themes, code);
                    }
                }
                default -> {
                    // other tag vocabularies have no place in a project
                }
            }
        }
    }

    /** The active themes and their DAC codes, computed again when staff change the themes (the list is then a new object). */
    private record ThemeCodes(List<RefItem> source, Map<String, List<String>> dac) {
    }

    private volatile ThemeCodes themeCodes = new ThemeCodes(null, Map.of());

    /** The network's themes whose DAC codes cover one of the sectors. */
    private List<String> themesOfSectors(List<ProjectData.Sector> sectors) {
        List<String> out = new ArrayList<>();
        if (sectors.isEmpty()) {
            return out;
        }
        List<RefItem> themes = reference.list(RefList.THEMES);
        ThemeCodes codes = themeCodes;
        if (codes.source() != themes) {
            Map<String, List<String>> dac = new LinkedHashMap<>();
            for (RefItem theme : themes) {
                if (!"false".equals(theme.extra("active"))) {
                    dac.put(theme.code(), CODE_SEPARATOR.splitAsStream(theme.extra("dac")).filter(c -> !c.isBlank()).toList());
                }
            }
            codes = new ThemeCodes(themes, dac);
            themeCodes = codes;
        }
        for (Map.Entry<String, List<String>> theme : codes.dac().entrySet()) {
            for (String dac : theme.getValue()) {
                boolean hit = false;
                for (ProjectData.Sector s : sectors) {
                    hit |= s.code().startsWith(dac) || dac.startsWith(s.code());
                }
                if (hit) {
                    addOnce(out, theme.getKey());
                    break;
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ organisations

    private List<ProjectData.Partner> partners(IatiNode a, String lang, Long leadOrganisationId, IatiOrganisations.Matcher matcher,
                                               List<Note> warnings) {
        List<ProjectData.Partner> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (IatiNode po : a.all("participating-org")) {
            if ("true".equals(po.attrValue("maillage:funding"))) {
                continue; // written by our export for a funding source: comes back as a funding
            }
            String role = roleCode(po.attrValue("role"));
            if (role == null) {
                warnings.add(Note.of("role-unknown", String.valueOf(po.attrValue("role"))));
                continue;
            }
            String ref = po.attrValue("ref");
            String name = po.narrative("fr", lang);
            if (name == null) {
                name = ref;
            }
            if (name == null) {
                warnings.add(Note.of("organisation-without-name"));
                continue;
            }
            name = oneLine(name);
            if (name.length() > 300) {
                name = cut(name, 300);
            }
            if (ref != null && ref.length() > 200) {
                warnings.add(Note.of("organisation-ref-too-long", name));
                ref = null;
            }
            String type = po.attrValue("type");
            if (type != null && !reference.exists(RefList.IATI_ORGANISATION_TYPES, type)) {
                warnings.add(Note.of("organisation-type-unknown", type));
                type = null;
            }
            Match m = matcher.match(ref, name);
            Long orgId = m.linked() ? m.organisationId() : null;
            if (orgId != null && orgId.equals(leadOrganisationId) && role.equals(PartnerRole.ACCOUNTABLE.code())) {
                continue; // the lead structure is accountable for its own project
            }
            String key = (orgId != null ? "#" + orgId : (ref != null ? ref : name.toLowerCase(Locale.ROOT))) + "/" + role;
            if (!seen.add(key)) {
                continue;
            }
            out.add(new ProjectData.Partner(orgId, name, ref, type, null, role));
        }
        return out;
    }

    /** The IATI role code (1 to 4) of a role attribute, also from IATI 1.x names ("Funding"...); null when unknown. */
    static String roleCode(String role) {
        if (role == null) {
            return null;
        }
        String r = role.strip();
        if (OLD_ROLES.containsKey(r.toLowerCase(Locale.ROOT))) {
            return OLD_ROLES.get(r.toLowerCase(Locale.ROOT));
        }
        return PartnerRole.ofCode(r).isPresent() ? r : null;
    }

    // ------------------------------------------------------------------ money

    private record FundingKey(String kind, String name, Long organisationId, String currency, Integer year) {
    }

    private List<ProjectData.Funding> fundings(IatiNode a, String lang, String defaultCurrency, Org reporting, Long leadOrganisationId,
                                               IatiOrganisations.Matcher matcher, List<Note> warnings) {
        Map<FundingKey, BigDecimal> sums = new LinkedHashMap<>();
        List<IatiNode> transactions = a.all("transaction");
        List<IatiNode> incoming = new ArrayList<>();
        for (String type : List.of("11", "1")) {
            for (IatiNode t : transactions) {
                if (type.equals(code(t.child("transaction-type")))) {
                    incoming.add(t);
                }
            }
            if (!incoming.isEmpty()) {
                break;
            }
        }
        Org funder = funder(a, lang, reporting);
        if (!incoming.isEmpty()) {
            for (IatiNode t : incoming) {
                IatiNode provider = t.child("provider-org");
                Org from = provider == null ? funder
                        : new Org(provider.attrValue("ref"), firstNonNull(provider.narrative("fr", lang), provider.attrValue("ref")), provider.attrValue("type"), "1");
                if (from == null) {
                    from = new Org(null, null, null, "1");
                }
                IatiNode kindNode = t.child(IatiXml.MAILLAGE_NS, "funder-kind");
                String kind = kindNode != null && FunderKind.isKnown(kindNode.text()) ? kindNode.text() : null;
                add(sums, t.child("value"), t.child("transaction-date") == null ? null : t.child("transaction-date").attrValue("iso-date"),
                        from, kind, defaultCurrency, leadOrganisationId, matcher, warnings);
            }
        } else {
            List<IatiNode> budgets = a.all("budget");
            boolean revised = budgets.stream().anyMatch(b -> "2".equals(b.attrValue("type")));
            List<IatiNode> chosen = budgets.stream().filter(b -> revised ? "2".equals(b.attrValue("type")) : !"2".equals(b.attrValue("type"))).toList();
            if (!chosen.isEmpty()) {
                for (IatiNode b : chosen) {
                    add(sums, b.child("value"), b.child("period-start") == null ? null : b.child("period-start").attrValue("iso-date"),
                            funder == null ? new Org(null, null, null, "1") : funder, null, defaultCurrency, leadOrganisationId, matcher, warnings);
                }
            } else {
                for (IatiNode t : transactions) {
                    if ("2".equals(code(t.child("transaction-type")))) {
                        add(sums, t.child("value"), t.child("transaction-date") == null ? null : t.child("transaction-date").attrValue("iso-date"),
                                funder == null ? new Org(null, null, null, "1") : funder, null, defaultCurrency, leadOrganisationId, matcher, warnings);
                    }
                }
            }
        }
        List<ProjectData.Funding> out = new ArrayList<>();
        sums.forEach((k, amount) -> {
            if (amount.compareTo(MAX_AMOUNT) > 0) {
                warnings.add(Note.of("amount-too-large", amount.toPlainString()));
            } else if (amount.signum() > 0) {
                out.add(new ProjectData.Funding(k.kind(), k.name(), k.organisationId(), amount, k.currency(), k.year()));
            }
        });
        return out;
    }

    /** Who funds the activity when a budget or a commitment does not say: its funding organisation, else its reporting one. */
    private static Org funder(IatiNode a, String lang, Org reporting) {
        for (IatiNode po : a.all("participating-org")) {
            if ("1".equals(roleCode(po.attrValue("role")))) {
                return new Org(po.attrValue("ref"), firstNonNull(po.narrative("fr", lang), po.attrValue("ref")), po.attrValue("type"), "1");
            }
        }
        return reporting;
    }

    private void add(Map<FundingKey, BigDecimal> sums, IatiNode value, String fallbackDate, Org from, String kind, String defaultCurrency,
                     Long leadOrganisationId, IatiOrganisations.Matcher matcher, List<Note> warnings) {
        if (value == null) {
            return;
        }
        BigDecimal amount = decimal(value.text());
        if (amount == null) {
            warnings.add(Note.of("amount-invalid", value.text()));
            return;
        }
        if (amount.signum() <= 0) {
            return;
        }
        String currency = upper(firstNonNull(value.attrValue("currency"), defaultCurrency));
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            warnings.add(Note.of("currency-missing", amount.toPlainString()));
            return;
        }
        LocalDate date = date(firstNonNull(value.attrValue("value-date"), fallbackDate));
        Integer year = date == null || date.getYear() < 1950 || date.getYear() > 2100 ? null : date.getYear();
        String name = from.name() == null ? null : oneLine(from.name());
        if (name != null && name.length() > 300) {
            name = cut(name, 300);
        }
        Match m = name == null && from.ref() == null ? Match.NONE : matcher.match(from.ref(), name);
        Long orgId = m.linked() ? m.organisationId() : null;
        String k = kind != null ? kind : orgId != null && orgId.equals(leadOrganisationId) ? FunderKind.OWN.name() : cachedFunderKind(from);
        sums.merge(new FundingKey(k, name, orgId, currency, year), amount.setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
    }

    private final Map<Org, String> funderKinds = new java.util.concurrent.ConcurrentHashMap<>();

    private String cachedFunderKind(Org o) {
        if (funderKinds.size() > 10_000) {
            funderKinds.clear();
        }
        return funderKinds.computeIfAbsent(new Org(o.ref(), o.name(), o.type(), null), IatiMapper::funderKind);
    }

    /** The kind of funder an IATI organisation looks like (by identifier, type and name). */
    static String funderKind(Org o) {
        String ref = o.ref() == null ? "" : o.ref().toUpperCase(Locale.ROOT);
        String name = o.name() == null ? "" : Slugs.fold(o.name());
        String type = o.type() == null ? "" : o.type();
        if (ref.equals("FR-6") || name.contains("affaires etrangeres") || name.contains("maedi") || name.contains("meae")) {
            return FunderKind.MEAE.name();
        }
        if (ref.equals("FR-3") || name.contains("agence francaise de developpement")) {
            return FunderKind.AFD.name();
        }
        if (name.contains("agence de l eau")) {
            return FunderKind.AGENCE_EAU.name();
        }
        if (ref.startsWith("XI-IATI-EC") || ref.startsWith("XM-DAC-918") || name.contains("union europeenne") || name.contains("european union")
                || name.contains("commission europeenne") || name.contains("european commission")) {
            return FunderKind.EU.name();
        }
        if (ref.startsWith("XM-DAC-41") || name.contains("nations unies") || name.contains("united nations") || name.startsWith("unicef")
                || name.startsWith("pnud") || name.startsWith("undp") || name.contains("unhcr") || name.contains("world food programme")) {
            return FunderKind.UN.name();
        }
        if (type.equals("11")) {
            if (name.contains("region")) {
                return FunderKind.REGION.name();
            }
            if (name.contains("departement")) {
                return FunderKind.DEPARTEMENT.name();
            }
            return FunderKind.COMMUNE.name();
        }
        if (type.equals("60") || name.startsWith("fondation") || name.contains("foundation")) {
            return FunderKind.FOUNDATION.name();
        }
        if (type.startsWith("7")) {
            return FunderKind.PRIVATE.name();
        }
        return FunderKind.OTHER.name();
    }

    // ------------------------------------------------------------------ links

    private List<ProjectData.Link> links(IatiNode a, String lang, List<Note> warnings) {
        List<ProjectData.Link> out = new ArrayList<>();
        for (IatiNode d : a.all("document-link")) {
            String url = d.attrValue("url");
            if (url == null || !URL.matcher(url).matches()) {
                warnings.add(Note.of("link-invalid", String.valueOf(url)));
                continue;
            }
            String format = lower(d.attrValue("format"));
            if (format != null && format.length() > 100) {
                format = null;
            }
            String kind = d.attrValue("maillage:kind");
            if (kind == null || !List.of("PHOTO", "VIDEO", "WEB", "DOCUMENT").contains(kind)) {
                kind = format == null ? LinkKind.WEB.name()
                        : format.startsWith("image/") ? LinkKind.PHOTO.name()
                        : format.startsWith("video/") ? LinkKind.VIDEO.name()
                        : format.equals("text/html") ? LinkKind.WEB.name()
                        : LinkKind.DOCUMENT.name();
            }
            String title = d.child("title") == null ? null : d.child("title").narrative("fr", lang);
            if (title != null) {
                title = oneLine(title);
                if (title.length() > 300) {
                    title = cut(title, 300);
                }
            }
            out.add(new ProjectData.Link(kind, title, url, null, format));
        }
        return out;
    }

    // ------------------------------------------------------------------ small helpers

    private static String code(IatiNode n) {
        return n == null ? null : n.attrValue("code");
    }

    private static String text(IatiNode n) {
        return n == null ? "" : n.text();
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Whitespace runs (line breaks, tabs...) become one space. */
    static String oneLine(String s) {
        StringBuilder out = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean white = Character.isWhitespace(c);
            if (white && (c != ' ' || space) && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (!white) {
                    out.append(c);
                } else if (!space) {
                    out.append(' ');
                }
            }
            space = white;
        }
        return (out == null ? s : out.toString()).strip();
    }

    /** At most {@code max} characters, cut at a word with an ellipsis. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = s.lastIndexOf(' ', max - 1);
        if (end < max / 2) {
            end = max - 1;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }
}
