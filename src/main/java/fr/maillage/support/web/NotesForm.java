package fr.maillage.support.web;

/** The team's private notes and next steps of an appointment; {@code version} as read. */
public class NotesForm {

    private String notes;
    private String nextSteps;
    private int version;

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public void setNextSteps(String nextSteps) {
        this.nextSteps = nextSteps;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
