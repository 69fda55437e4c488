package fr.maillage.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * What a partnership says: the French local authority's kind ({@link FrenchAuthorityLevel}),
 * the foreign authority (name, {@link PartnerAuthorityLevel}, ISO alpha-2 country, region or
 * place), the convention's dates, the {@link PartnershipStatus}, themes (slugs), linked projects
 * (ids of the directory's projects), a Markdown description, and the people in charge. Codes
 * are strings so that a wrong one becomes a field error, not a crash.
 */
public record PartnershipData(
        String frenchLevel,
        String partnerName,
        String partnerLevel,
        String partnerCountry,
        String partnerRegion,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate endsOn,
        String status,
        List<String> themes,
        List<Long> projectIds,
        String description,
        Person elected,
        Person officer) {

    public PartnershipData {
        themes = themes == null ? List.of() : List.copyOf(themes);
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        elected = elected == null ? Person.NONE : elected;
        officer = officer == null ? Person.NONE : officer;
    }

    /** Someone in charge: the elected official, or the staff member for international relations. */
    public record Person(String name, String role, String email) {

        public static final Person NONE = new Person(null, null, null);

        public boolean isEmpty() {
            return blank(name) && blank(role) && blank(email);
        }

        /** The same person without the e-mail (what the public sees). */
        public Person withoutEmail() {
            return new Person(name, role, null);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
