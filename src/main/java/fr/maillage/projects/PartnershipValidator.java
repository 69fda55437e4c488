package fr.maillage.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.maillage.projects.ProjectException.Problem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.stereotype.Component;

/**
 * Checks a {@link PartnershipData} before anything is written: required fields and lengths,
 * known codes (levels, status, themes, a foreign country), dates in order, e-mail addresses.
 * Field names are those of the form ({@code partnerCountry}, {@code elected.email}...).
 */
@Component
class PartnershipValidator {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 320;
    static final int DESCRIPTION_MAX = 20_000;
    static final int THEMES_MAX = 18;
    static final int PROJECTS_MAX = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private final Reference reference;

    PartnershipValidator(Reference reference) {
        this.reference = reference;
    }

    List<Problem> problems(PartnershipData d) {
        List<Problem> out = new ArrayList<>();
        if (blank(d.frenchLevel())) {
            out.add(p("frenchLevel", "projects.error.required"));
        } else if (!FrenchAuthorityLevel.isKnown(d.frenchLevel())) {
            out.add(p("frenchLevel", "projects.error.unknown-code", d.frenchLevel()));
        }
        text(out, "partnerName", d.partnerName(), true, NAME_MAX);
        if (blank(d.partnerLevel())) {
            out.add(p("partnerLevel", "projects.error.required"));
        } else if (!PartnerAuthorityLevel.isKnown(d.partnerLevel())) {
            out.add(p("partnerLevel", "projects.error.unknown-code", d.partnerLevel()));
        }
        if (blank(d.partnerCountry())) {
            out.add(p("partnerCountry", "projects.error.required"));
        } else {
            String country = d.partnerCountry().strip().toUpperCase(Locale.ROOT);
            if (!reference.exists(RefList.COUNTRIES, country)) {
                out.add(p("partnerCountry", "projects.error.unknown-country", d.partnerCountry().strip()));
            } else if (country.equals("FR")) {
                out.add(p("partnerCountry", "projects.coop.error.french-partner"));
            }
        }
        text(out, "partnerRegion", d.partnerRegion(), false, NAME_MAX);
        date(out, "signedOn", d.signedOn());
        date(out, "startsOn", d.startsOn());
        date(out, "endsOn", d.endsOn());
        if (d.startsOn() != null && d.endsOn() != null && !d.endsOn().isAfter(d.startsOn())) {
            out.add(p("endsOn", "projects.coop.error.end-not-after-start"));
        }
        if (blank(d.status())) {
            out.add(p("status", "projects.error.required"));
        } else if (!PartnershipStatus.isKnown(d.status())) {
            out.add(p("status", "projects.error.unknown-code", d.status()));
        }
        if (d.themes().size() > THEMES_MAX) {
            out.add(p("themes", "projects.coop.error.too-many", THEMES_MAX));
        }
        for (String t : d.themes()) {
            if (t == null || !reference.exists(RefList.THEMES, t)) {
                out.add(p("themes", "projects.error.unknown-code", String.valueOf(t)));
            }
        }
        if (d.projectIds().size() > PROJECTS_MAX) {
            out.add(p("projectIds", "projects.coop.error.too-many", PROJECTS_MAX));
        }
        if (d.description() != null && d.description().length() > DESCRIPTION_MAX) {
            out.add(p("description", "projects.error.too-long", DESCRIPTION_MAX));
        }
        person(out, "elected", d.elected());
        person(out, "officer", d.officer());
        return out;
    }

    private static void person(List<Problem> out, String prefix, PartnershipData.Person person) {
        text(out, prefix + ".name", person.name(), false, NAME_MAX);
        text(out, prefix + ".role", person.role(), false, NAME_MAX);
        if (!blank(person.email())) {
            String e = person.email().strip();
            if (e.length() > EMAIL_MAX || !EMAIL.matcher(e).matches()) {
                out.add(p(prefix + ".email", "projects.coop.error.email"));
            }
        }
        if (blank(person.name()) && !blank(person.email())) {
            out.add(p(prefix + ".name", "projects.coop.error.person-name"));
        }
    }

    private static void text(List<Problem> out, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                out.add(p(field, "projects.error.required"));
            }
        } else if (value.strip().length() > max) {
            out.add(p(field, "projects.error.too-long", max));
        }
    }

    private static void date(List<Problem> out, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            out.add(p(field, "projects.coop.error.date-range"));
        }
    }

    static Problem p(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
