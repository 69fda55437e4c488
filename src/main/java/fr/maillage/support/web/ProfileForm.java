package fr.maillage.support.web;

/** How a staff member presents themself to people booking. */
public class ProfileForm {

    private String displayName;
    private String roleLine;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRoleLine() {
        return roleLine;
    }

    public void setRoleLine(String roleLine) {
        this.roleLine = roleLine;
    }
}
