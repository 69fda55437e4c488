package fr.maillage.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * A partnership with everything it says, labels in the reader's language. The e-mails of the
 * people in charge are for staff: {@link #withoutEmails()} gives what the public may see.
 */
public record PartnershipDetails(
        long id,
        PartnershipSummary.Authority authority,
        PartnershipSummary.ForeignAuthority partner,
        List<CodeLabel> themes,
        CodeLabel status,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate endsOn,
        String description,
        PartnershipData.Person elected,
        PartnershipData.Person officer,
        List<LinkedProject> projects,
        boolean authorityPublished,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** A project of the directory linked to the partnership; {@code published} tells whether the public may see it. */
    public record LinkedProject(long id, String slug, String title, String organisationName, boolean published) {
    }

    public PartnershipDetails withoutEmails() {
        return new PartnershipDetails(id, authority, partner, themes, status, signedOn, startsOn, endsOn, description,
                elected.withoutEmail(), officer.withoutEmail(), projects, authorityPublished, createdAt, updatedAt, version);
    }

    /** The same partnership with only the linked projects the public may see. */
    public PartnershipDetails publicProjects() {
        return new PartnershipDetails(id, authority, partner, themes, status, signedOn, startsOn, endsOn, description,
                elected, officer, projects.stream().filter(LinkedProject::published).toList(), authorityPublished,
                createdAt, updatedAt, version);
    }

    /** The content as the form edits it. */
    public PartnershipData data() {
        return new PartnershipData(authority.level().code(), partner.name(), partner.level().code(), partner.country().code(),
                partner.region(), signedOn, startsOn, endsOn, status.code(), themes.stream().map(CodeLabel::code).toList(),
                projects.stream().map(LinkedProject::id).toList(), description, elected, officer);
    }

    public PartnershipSummary summary() {
        return new PartnershipSummary(id, authority, partner, themes, status, signedOn, startsOn, endsOn, projects.size());
    }
}
