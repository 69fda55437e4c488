package fr.maillage.agenda;

/** NONE: no registration; OPEN: confirmed at once within capacity; APPROVAL: staff approve each one; EXTERNAL: a link elsewhere. */
public enum RegistrationMode {
    NONE, OPEN, APPROVAL, EXTERNAL;

    public boolean onSite() {
        return this == OPEN || this == APPROVAL;
    }
}
