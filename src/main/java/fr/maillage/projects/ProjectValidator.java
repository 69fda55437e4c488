package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.projects.ProjectException.Problem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.stereotype.Component;

/**
 * Checks a {@link ProjectData} before anything is written: required fields and lengths, known
 * reference codes, dates in order, map points on the globe, sector shares summing to 100 within
 * each vocabulary, partners and fundings complete. Used by the form, the API and the IATI import.
 */
@Component
public class ProjectValidator {

    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 600;
    static final int TEXT_MAX = 50_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private final Reference reference;

    ProjectValidator(Reference reference) {
        this.reference = reference;
    }

    /** Throws a {@link ProjectException} listing every problem, or returns quietly. */
    public void check(ProjectData d) {
        List<Problem> problems = problems(d);
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
    }

    public List<Problem> problems(ProjectData d) {
        List<Problem> out = new ArrayList<>();
        if (blank(d.title())) {
            out.add(p("title", "projects.error.required"));
        } else if (d.title().strip().length() > TITLE_MAX) {
            out.add(p("title", "projects.error.too-long", TITLE_MAX));
        }
        if (d.summary() != null && d.summary().strip().length() > SUMMARY_MAX) {
            out.add(p("summary", "projects.error.too-long", SUMMARY_MAX));
        }
        for (String[] f : new String[][] {{"description", d.description()}, {"lessonsWorked", d.lessonsWorked()},
                {"lessonsFailed", d.lessonsFailed()}, {"lessonsAdvice", d.lessonsAdvice()}}) {
            if (f[1] != null && f[1].length() > TEXT_MAX) {
                out.add(p(f[0], "projects.error.too-long", TEXT_MAX));
            }
        }
        if (blank(d.activityStatus())) {
            out.add(p("activityStatus", "projects.error.required"));
        } else if (!reference.exists(RefList.ACTIVITY_STATUS, d.activityStatus())) {
            out.add(p("activityStatus", "projects.error.unknown-code", d.activityStatus()));
        }
        order(out, "plannedEnd", d.plannedStart(), d.plannedEnd());
        order(out, "actualEnd", d.actualStart(), d.actualEnd());

        for (int i = 0; i < d.places().size(); i++) {
            ProjectData.Place pl = d.places().get(i);
            String f = "places[" + i + "]";
            if (pl == null || blank(pl.countryCode())) {
                out.add(p(f + ".countryCode", "projects.error.required"));
                continue;
            }
            if (!reference.exists(RefList.COUNTRIES, pl.countryCode())) {
                out.add(p(f + ".countryCode", "projects.error.unknown-country", pl.countryCode()));
            }
            if ((pl.latitude() == null) != (pl.longitude() == null)) {
                out.add(p(f + ".latitude", "projects.error.point-incomplete"));
            } else if (pl.latitude() != null && (Math.abs(pl.latitude()) > 90 || Math.abs(pl.longitude()) > 180
                    || pl.latitude().isNaN() || pl.longitude().isNaN())) {
                out.add(p(f + ".latitude", "projects.error.point-invalid"));
            }
            if (pl.place() != null && pl.place().length() > 200) {
                out.add(p(f + ".place", "projects.error.too-long", 200));
            }
        }
        for (String t : d.themes()) {
            if (!reference.exists(RefList.THEMES, t)) {
                out.add(p("themes", "projects.error.unknown-code", t));
            }
        }
        for (String s : d.sdgs()) {
            if (!reference.exists(RefList.SDGS, s)) {
                out.add(p("sdgs", "projects.error.unknown-code", s));
            }
        }
        sectors(d, out);
        for (int i = 0; i < d.partners().size(); i++) {
            ProjectData.Partner pa = d.partners().get(i);
            String f = "partners[" + i + "]";
            if (pa == null || (pa.organisationId() == null && blank(pa.name()))) {
                out.add(p(f + ".name", "projects.error.partner-name"));
                continue;
            }
            if (pa.name() != null && pa.name().length() > 300) {
                out.add(p(f + ".name", "projects.error.too-long", 300));
            }
            if (PartnerRole.ofCode(pa.role() == null ? "" : pa.role()).isEmpty()) {
                out.add(p(f + ".role", "projects.error.unknown-code", String.valueOf(pa.role())));
            }
            if (!blank(pa.orgType()) && !reference.exists(RefList.IATI_ORGANISATION_TYPES, pa.orgType())) {
                out.add(p(f + ".orgType", "projects.error.unknown-code", pa.orgType()));
            }
            if (!blank(pa.countryCode()) && !reference.exists(RefList.COUNTRIES, pa.countryCode())) {
                out.add(p(f + ".countryCode", "projects.error.unknown-country", pa.countryCode()));
            }
        }
        for (int i = 0; i < d.fundings().size(); i++) {
            ProjectData.Funding fu = d.fundings().get(i);
            String f = "fundings[" + i + "]";
            if (fu == null) {
                continue;
            }
            if (!FunderKind.isKnown(fu.funderKind())) {
                out.add(p(f + ".funderKind", "projects.error.unknown-code", String.valueOf(fu.funderKind())));
            }
            if (fu.amount() == null) {
                out.add(p(f + ".amount", "projects.error.required"));
            } else if (fu.amount().signum() < 0 || fu.amount().compareTo(new BigDecimal("99999999999999")) > 0) {
                out.add(p(f + ".amount", "projects.error.amount"));
            }
            if (fu.currency() == null || !CURRENCY.matcher(fu.currency()).matches()) {
                out.add(p(f + ".currency", "projects.error.currency"));
            }
            if (fu.year() != null && (fu.year() < 1950 || fu.year() > 2100)) {
                out.add(p(f + ".year", "projects.error.year"));
            }
        }
        if (!CURRENCY.matcher(d.budgetCurrency()).matches()) {
            out.add(p("budgetCurrency", "projects.error.currency"));
        }
        for (int i = 0; i < d.links().size(); i++) {
            ProjectData.Link l = d.links().get(i);
            String f = "links[" + i + "]";
            if (l == null) {
                continue;
            }
            boolean kindOk = false;
            for (LinkKind k : LinkKind.values()) {
                kindOk |= k.name().equals(l.kind());
            }
            if (!kindOk) {
                out.add(p(f + ".kind", "projects.error.unknown-code", String.valueOf(l.kind())));
            }
            if (blank(l.fileKey())) {
                if (blank(l.url())) {
                    out.add(p(f + ".url", "projects.error.required"));
                } else if (!(l.url().startsWith("https://") || l.url().startsWith("http://")) || l.url().length() > 1000
                        || l.url().chars().anyMatch(c -> c <= ' ')) {
                    out.add(p(f + ".url", "projects.error.url"));
                }
            }
        }
        return out;
    }

    private void sectors(ProjectData d, List<Problem> out) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < d.sectors().size(); i++) {
            ProjectData.Sector s = d.sectors().get(i);
            String f = "sectors[" + i + "]";
            if (s == null || blank(s.code())) {
                out.add(p(f + ".code", "projects.error.required"));
                continue;
            }
            String voc = blank(s.vocabulary()) ? "1" : s.vocabulary();
            if (voc.equals("1") && !reference.exists(RefList.DAC_SECTORS, s.code())
                    || voc.equals("2") && !reference.exists(RefList.DAC_CATEGORIES, s.code())) {
                out.add(p(f + ".code", "projects.error.unknown-code", s.code()));
            }
            if (s.percentage() != null && (s.percentage().signum() < 0 || s.percentage().compareTo(HUNDRED) > 0)) {
                out.add(p(f + ".percentage", "projects.error.percentage"));
            }
            counts.merge(voc, 1, Integer::sum);
            sums.merge(voc, s.percentage() == null ? BigDecimal.ZERO : s.percentage(), BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
            boolean single = counts.get(e.getKey()) == 1;
            boolean singleWithout = single && d.sectors().stream()
                    .anyMatch(s -> s != null && e.getKey().equals(blank(s.vocabulary()) ? "1" : s.vocabulary()) && s.percentage() == null);
            if (!singleWithout && e.getValue().subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
                out.add(p("sectors", "projects.error.sector-sum", e.getKey(), e.getValue().stripTrailingZeros().toPlainString()));
            }
        }
    }

    private static void order(List<Problem> out, String field, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            out.add(p(field, "projects.error.end-before-start"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Problem p(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
