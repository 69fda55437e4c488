package fr.maillage.projects;

/** The kinds of funders of the network's projects, with their IATI organisation type. */
public enum FunderKind {
    MEAE("10"),          // ministère de l'Europe et des Affaires étrangères (DAECT, FSPI...)
    AFD("10"),           // Agence française de développement
    REGION("11"),        // conseil régional
    DEPARTEMENT("11"),   // conseil départemental
    COMMUNE("11"),       // commune, intercommunalité
    AGENCE_EAU("10"),    // agence de l'eau (1 % Oudin-Santini)
    EU("40"),            // Union européenne
    UN("40"),            // agences des Nations unies
    FOUNDATION("60"),    // fondation
    PRIVATE("70"),       // entreprise, mécénat
    OWN("21"),           // fonds propres, dons, cotisations
    OTHER("90");

    private final String iatiOrganisationType;

    FunderKind(String iatiOrganisationType) {
        this.iatiOrganisationType = iatiOrganisationType;
    }

    public String iatiOrganisationType() {
        return iatiOrganisationType;
    }

    public static boolean isKnown(String code) {
        for (FunderKind k : values()) {
            if (k.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
