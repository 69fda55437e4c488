package fr.maillage.support;

/**
 * A member of the team as people booking see them: their public name and role line
 * ("Chargée d’accompagnement", may be null). {@code email} is where the team's e-mails go.
 */
public record StaffMember(long personId, String displayName, String roleLine, String email) {

    /** "Camille Martin, chargée d’accompagnement" or just the name. */
    public String label() {
        return roleLine == null || roleLine.isBlank() ? displayName : displayName + ", " + roleLine;
    }
}
