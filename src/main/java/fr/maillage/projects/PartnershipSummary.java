package fr.maillage.projects;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.shared.CodeLabel;

/**
 * A partnership in a list, labels in the reader's language: the French local authority, the
 * foreign authority, themes, status, dates and how many projects it links.
 */
public record PartnershipSummary(
        long id,
        Authority authority,
        ForeignAuthority partner,
        List<CodeLabel> themes,
        CodeLabel status,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate endsOn,
        int projectCount) {

    /** The French local authority, a structure of the directory. {@code departement}, {@code region} may be null. */
    public record Authority(long id, String slug, String name, CodeLabel level, CodeLabel departement, CodeLabel region) {
    }

    /** The foreign authority: name, level, country, and a region or place (may be null). */
    public record ForeignAuthority(String name, CodeLabel level, CodeLabel country, String region) {
    }
}
