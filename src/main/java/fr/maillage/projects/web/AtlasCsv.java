package fr.maillage.projects.web;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.maillage.projects.PartnershipData;
import fr.maillage.projects.PartnershipDetails;
import fr.maillage.shared.CodeLabel;

import org.springframework.context.MessageSource;

/**
 * The partnerships as a CSV shaped like the project sheets of the national Atlas of
 * decentralised cooperation (one row per partnership: French authority, its type, département
 * and region, foreign authority, country and level, themes, signature date, status, projects,
 * people in charge...). The e-mails of the people in charge are exported to staff only.
 */
final class AtlasCsv {

    /** Column keys, in order; the header is {@code projects.coop.csv.<key>}. */
    static final List<String> COLUMNS = List.of("id", "authority", "authority-type", "departement", "region", "partner",
            "country", "country-code", "partner-level", "partner-region", "themes", "signed-on", "starts-on", "ends-on",
            "status", "projects", "elected", "elected-role", "officer", "officer-role", "url");
    static final List<String> STAFF_COLUMNS = List.of("elected-email", "officer-email");

    private final MessageSource messages;
    private final Locale locale;
    private final boolean staff;
    private final String baseUrl;
    private final DateTimeFormatter dates;

    AtlasCsv(MessageSource messages, Locale locale, boolean staff, String baseUrl) {
        this.messages = messages;
        this.locale = locale;
        this.staff = staff;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.dates = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "yyyy-MM-dd" : "dd/MM/yyyy");
    }

    List<String> headers() {
        List<String> out = new ArrayList<>();
        COLUMNS.forEach(c -> out.add(messages.getMessage("projects.coop.csv." + c, null, locale)));
        if (staff) {
            STAFF_COLUMNS.forEach(c -> out.add(messages.getMessage("projects.coop.csv." + c, null, locale)));
        }
        return out;
    }

    List<String> row(PartnershipDetails p) {
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(p.id()));
        out.add(p.authority().name());
        out.add(label(p.authority().level()));
        out.add(p.authority().departement() == null ? "" : p.authority().departement().label());
        out.add(label(p.authority().region()));
        out.add(p.partner().name());
        out.add(label(p.partner().country()));
        out.add(p.partner().country().code());
        out.add(label(p.partner().level()));
        out.add(nullToEmpty(p.partner().region()));
        out.add(p.themes().stream().map(CodeLabel::label).collect(Collectors.joining(", ")));
        out.add(date(p.signedOn()));
        out.add(date(p.startsOn()));
        out.add(date(p.endsOn()));
        out.add(label(p.status()));
        out.add(p.projects().stream().map(PartnershipDetails.LinkedProject::title).collect(Collectors.joining(" | ")));
        out.add(nullToEmpty(p.elected().name()));
        out.add(nullToEmpty(p.elected().role()));
        out.add(nullToEmpty(p.officer().name()));
        out.add(nullToEmpty(p.officer().role()));
        out.add(baseUrl + "/cooperation-decentralisee/partenariats/" + p.id());
        if (staff) {
            out.add(email(p.elected()));
            out.add(email(p.officer()));
        }
        return out;
    }

    void write(Writer out, List<PartnershipDetails> partnerships) throws IOException {
        out.write(CoopCsv.BOM);
        CoopCsv.writeRow(out, headers());
        for (PartnershipDetails p : partnerships) {
            CoopCsv.writeRow(out, row(p));
        }
    }

    private String date(LocalDate d) {
        return d == null ? "" : dates.format(d);
    }

    private static String label(CodeLabel c) {
        return c == null ? "" : c.label();
    }

    private static String email(PartnershipData.Person p) {
        return p == null || p.email() == null ? "" : p.email();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
