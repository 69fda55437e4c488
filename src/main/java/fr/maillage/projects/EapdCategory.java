package fr.maillage.projects;

/**
 * The lines of the e-APD declaration of French local authorities' official development aid
 * (article L. 1115-6 of the CGCT), in the order of the official form: decentralised-cooperation
 * projects and twinnings; the "1 %" mechanisms (water and sanitation under the Oudin-Santini
 * law, waste, energy); grants to NGOs and associations; contributions to multilateral
 * organisations; development education and global citizenship; refugees in France and
 * emergency humanitarian aid; scholarships and tuition costs of students from eligible
 * countries; staff and follow-up costs of these actions.
 */
public enum EapdCategory {
    COOPERATION, WATER, WASTE, ENERGY, NGO, MULTILATERAL, EDUCATION, REFUGEES, SCHOLARSHIPS, ADMIN;

    public String messageKey() {
        return "projects.eapd.category." + name();
    }

    public String helpKey() {
        return "projects.eapd.category." + name() + ".help";
    }

    public static boolean isKnown(String code) {
        for (EapdCategory c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
