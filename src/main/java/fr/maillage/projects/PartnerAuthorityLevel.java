package fr.maillage.projects;

/**
 * The level of the foreign authority: a commune or municipality, a grouping of municipalities,
 * a province or region, a state or federal entity, or another kind.
 */
public enum PartnerAuthorityLevel {
    MUNICIPALITY, INTERMUNICIPAL, PROVINCE, STATE, OTHER;

    public String messageKey() {
        return "projects.coop.partner-level." + name();
    }

    public static boolean isKnown(String code) {
        for (PartnerAuthorityLevel l : values()) {
            if (l.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
