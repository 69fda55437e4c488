package fr.maillage.projects;

/** IATI OrganisationRole codes. */
public enum PartnerRole {
    FUNDING("1"), ACCOUNTABLE("2"), EXTENDING("3"), IMPLEMENTING("4");

    private final String code;

    PartnerRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static java.util.Optional<PartnerRole> ofCode(String code) {
        for (PartnerRole r : values()) {
            if (r.code.equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
