package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds valid {@link ProjectData} for tests: {@code project("Puits de Podor").countries("SN").build()}.
 * By default a water project in Senegal, under way from 2025 to 2027, funded by a water agency.
 */
final class ProjectTestData {

    private String title;
    private String summary = "Un projet de test";
    private String description = "Un **projet** de test.";
    private String status = "2";
    private LocalDate plannedStart = LocalDate.of(2025, 1, 1);
    private LocalDate plannedEnd = LocalDate.of(2027, 12, 31);
    private LocalDate actualStart;
    private LocalDate actualEnd;
    private List<String> countries = List.of("SN");
    private List<String> themes = List.of("eau-assainissement");
    private List<String> sdgs = List.of("6");
    private List<ProjectData.Sector> sectors = List.of(new ProjectData.Sector("1", "14030", new BigDecimal("100")));
    private List<String> funders = List.of("AGENCE_EAU");
    private List<ProjectData.Partner> partners = List.of();

    private ProjectTestData(String title) {
        this.title = title;
    }

    static ProjectTestData project(String title) {
        return new ProjectTestData(title);
    }

    /** 12 random letters that no other test's data matches, even with typo tolerance. */
    static String marker() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    ProjectTestData summary(String s) {
        this.summary = s;
        return this;
    }

    ProjectTestData description(String s) {
        this.description = s;
        return this;
    }

    ProjectTestData status(String s) {
        this.status = s;
        return this;
    }

    ProjectTestData planned(LocalDate start, LocalDate end) {
        this.plannedStart = start;
        this.plannedEnd = end;
        return this;
    }

    ProjectTestData actual(LocalDate start, LocalDate end) {
        this.actualStart = start;
        this.actualEnd = end;
        return this;
    }

    ProjectTestData countries(String... codes) {
        this.countries = List.of(codes);
        return this;
    }

    ProjectTestData themes(String... codes) {
        this.themes = List.of(codes);
        return this;
    }

    ProjectTestData sdgs(String... codes) {
        this.sdgs = List.of(codes);
        return this;
    }

    /** DAC 5-digit sectors with equal shares (the first takes the remainder). */
    ProjectTestData sectors(String... dac5) {
        List<ProjectData.Sector> out = new ArrayList<>();
        int share = 100 / dac5.length;
        for (int i = 0; i < dac5.length; i++) {
            int pct = i == 0 ? 100 - share * (dac5.length - 1) : share;
            out.add(new ProjectData.Sector("1", dac5[i], new BigDecimal(pct)));
        }
        this.sectors = out;
        return this;
    }

    ProjectTestData funders(String... kinds) {
        this.funders = List.of(kinds);
        return this;
    }

    ProjectTestData partner(String name, String country) {
        List<ProjectData.Partner> out = new ArrayList<>(partners);
        out.add(new ProjectData.Partner(null, name, null, "11", country, "4"));
        this.partners = out;
        return this;
    }

    ProjectData build() {
        return new ProjectData(title, summary, description, status, plannedStart, plannedEnd, actualStart, actualEnd,
                countries.stream().map(c -> new ProjectData.Place(c, null, null, null)).toList(),
                themes, sdgs, sectors, partners,
                funders.stream().map(k -> new ProjectData.Funding(k, null, null, new BigDecimal("10000"), "EUR", 2025)).toList(),
                "EUR", List.of(), null, null, null);
    }
}
