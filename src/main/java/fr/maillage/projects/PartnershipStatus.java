package fr.maillage.projects;

/** Where a partnership stands: en projet, active, en sommeil, terminée. */
public enum PartnershipStatus {
    PLANNED, ACTIVE, DORMANT, ENDED;

    /** The key of its label in the messages ({@code projects.coop.status.ACTIVE}). */
    public String messageKey() {
        return "projects.coop.status." + name();
    }

    public static boolean isKnown(String code) {
        for (PartnershipStatus s : values()) {
            if (s.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
