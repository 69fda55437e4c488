package fr.maillage.reference;

/** The reference lists, each with a stable name used in URLs ({@code /api/v1/reference/{name}}). */
public enum RefList {
    COUNTRIES("countries"),
    REGIONS("regions"),
    DEPARTEMENTS("departements"),
    THEMES("themes"),
    DAC_SECTORS("dac-sectors"),
    DAC_CATEGORIES("dac-categories"),
    SDGS("sdgs"),
    IATI_ORGANISATION_TYPES("iati-organisation-types"),
    ACTIVITY_STATUS("activity-status"),
    STRUCTURE_TYPES("structure-types"),
    COLLEGES("colleges");

    private final String slug;

    RefList(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static java.util.Optional<RefList> fromSlug(String slug) {
        for (RefList l : values()) {
            if (l.slug.equals(slug)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
