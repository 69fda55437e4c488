package fr.maillage.projects.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.projects.PartnershipData;

import org.springframework.validation.Errors;

/**
 * The partnership form as typed: every field a string (dates, ids), so that what was typed
 * comes back as it was when something is wrong, and a wrong value becomes a field error.
 */
public class PartnershipForm {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private String organisationId;
    private Integer version;
    private String frenchLevel;
    private String partnerName;
    private String partnerLevel;
    private String partnerCountry;
    private String partnerRegion;
    private String signedOn;
    private String startsOn;
    private String endsOn;
    private String status;
    private List<String> themes = new ArrayList<>();
    private List<String> projectIds = new ArrayList<>();
    private String otherProjects;
    private String description;
    private PersonForm elected = new PersonForm();
    private PersonForm officer = new PersonForm();

    public static PartnershipForm of(PartnershipData d, long organisationId, int version) {
        PartnershipForm f = new PartnershipForm();
        f.organisationId = String.valueOf(organisationId);
        f.version = version;
        f.frenchLevel = d.frenchLevel();
        f.partnerName = d.partnerName();
        f.partnerLevel = d.partnerLevel();
        f.partnerCountry = d.partnerCountry();
        f.partnerRegion = d.partnerRegion();
        f.signedOn = d.signedOn() == null ? null : d.signedOn().toString();
        f.startsOn = d.startsOn() == null ? null : d.startsOn().toString();
        f.endsOn = d.endsOn() == null ? null : d.endsOn().toString();
        f.status = d.status();
        f.themes = new ArrayList<>(d.themes());
        f.projectIds = new ArrayList<>(d.projectIds().stream().map(String::valueOf).toList());
        f.description = d.description();
        f.elected = PersonForm.of(d.elected());
        f.officer = PersonForm.of(d.officer());
        return f;
    }

    /** The content, with the fields that could not be read reported in {@code errors} (and left empty). */
    PartnershipData toData(List<Long> resolvedOtherProjects, Errors errors) {
        List<Long> ids = new ArrayList<>();
        for (String id : projectIds == null ? List.<String>of() : projectIds) {
            try {
                ids.add(Long.valueOf(id.strip()));
            } catch (NumberFormatException e) {
                errors.rejectValue("projectIds", "projects.coop.error.unknown-project", new Object[] {id}, null);
            }
        }
        resolvedOtherProjects.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return new PartnershipData(blankToNull(frenchLevel), partnerName, blankToNull(partnerLevel),
                partnerCountry == null ? null : partnerCountry.strip(), partnerRegion,
                date("signedOn", signedOn, errors), date("startsOn", startsOn, errors), date("endsOn", endsOn, errors),
                blankToNull(status), themes == null ? List.of() : themes, ids, description,
                elected.toPerson(), officer.toPerson());
    }

    /** The organisation chosen, or null when the field is empty or not a number. */
    Long organisationIdValue() {
        try {
            return organisationId == null || organisationId.isBlank() ? null : Long.valueOf(organisationId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date typed as 2026-06-03 (date pickers) or 3/6/2026; an error when it is neither. */
    static LocalDate date(String field, String value, Errors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v, FRENCH_DATE);
            } catch (DateTimeParseException e2) {
                errors.rejectValue(field, "projects.coop.error.date");
                return null;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The elected official or the staff member in charge. */
    public static class PersonForm {
        private String name;
        private String role;
        private String email;

        static PersonForm of(PartnershipData.Person p) {
            PersonForm f = new PersonForm();
            f.name = p.name();
            f.role = p.role();
            f.email = p.email();
            return f;
        }

        PartnershipData.Person toPerson() {
            return new PartnershipData.Person(name, role, email == null ? null : email.strip());
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getFrenchLevel() {
        return frenchLevel;
    }

    public void setFrenchLevel(String frenchLevel) {
        this.frenchLevel = frenchLevel;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public void setPartnerName(String partnerName) {
        this.partnerName = partnerName;
    }

    public String getPartnerLevel() {
        return partnerLevel;
    }

    public void setPartnerLevel(String partnerLevel) {
        this.partnerLevel = partnerLevel;
    }

    public String getPartnerCountry() {
        return partnerCountry;
    }

    public void setPartnerCountry(String partnerCountry) {
        this.partnerCountry = partnerCountry;
    }

    public String getPartnerRegion() {
        return partnerRegion;
    }

    public void setPartnerRegion(String partnerRegion) {
        this.partnerRegion = partnerRegion;
    }

    public String getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(String signedOn) {
        this.signedOn = signedOn;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes;
    }

    public List<String> getProjectIds() {
        return projectIds;
    }

    public void setProjectIds(List<String> projectIds) {
        this.projectIds = projectIds;
    }

    public String getOtherProjects() {
        return otherProjects;
    }

    public void setOtherProjects(String otherProjects) {
        this.otherProjects = otherProjects;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public PersonForm getElected() {
        return elected;
    }

    public void setElected(PersonForm elected) {
        this.elected = elected;
    }

    public PersonForm getOfficer() {
        return officer;
    }

    public void setOfficer(PersonForm officer) {
        this.officer = officer;
    }
}
