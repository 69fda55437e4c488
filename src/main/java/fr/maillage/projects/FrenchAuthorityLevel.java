package fr.maillage.projects;

import java.util.Locale;

import fr.maillage.shared.text.Slugs;

/**
 * The kind of French local authority, as the Atlas of decentralised cooperation sorts them:
 * commune, intercommunalité (EPCI, syndicat), département, région, or another kind
 * (collectivité à statut particulier...).
 */
public enum FrenchAuthorityLevel {
    COMMUNE, INTERCOMMUNALITE, DEPARTEMENT, REGION, OTHER;

    public String messageKey() {
        return "projects.coop.french-level." + name();
    }

    public static boolean isKnown(String code) {
        for (FrenchAuthorityLevel l : values()) {
            if (l.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** A first guess from the authority's name ("Région Nouvelle-Aquitaine", "Bordeaux Métropole"...), to prefill forms. */
    public static FrenchAuthorityLevel guess(String name) {
        String n = " " + Slugs.fold(name == null ? "" : name).toLowerCase(Locale.ROOT) + " ";
        if (n.contains(" region ") || n.contains(" conseil regional ")) {
            return REGION;
        }
        if (n.contains(" departement ") || n.contains(" conseil departemental ") || n.contains(" conseil general ")) {
            return DEPARTEMENT;
        }
        if (n.contains(" metropole ") || n.contains(" communaute ") || n.contains(" agglomeration ") || n.contains(" syndicat ")
                || n.contains(" sivom ") || n.contains(" sivu ") || n.contains(" epci ") || n.contains(" eurometropole ")) {
            return INTERCOMMUNALITE;
        }
        return COMMUNE;
    }
}
