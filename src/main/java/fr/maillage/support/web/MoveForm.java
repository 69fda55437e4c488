package fr.maillage.support.web;

/** Moving an appointment: the new slot, the mode when it offers both, the week shown. */
public class MoveForm {

    private String slot;
    private String mode;
    private String week;

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getWeek() {
        return week;
    }

    public void setWeek(String week) {
        this.week = week;
    }
}
