package fr.maillage.support;

/** What an appointment is about; labels {@code support.subject.<NAME>}. */
public enum Subject {
    PROJECT_DESIGN, FUNDING, EVALUATION, VOLUNTEERING, CITIZENSHIP_EDUCATION, PARTNERSHIP_ABROAD, OTHER;

    /** The subject named {@code value}, or null. */
    public static Subject parse(String value) {
        if (value == null) {
            return null;
        }
        for (Subject s : values()) {
            if (s.name().equals(value.strip())) {
                return s;
            }
        }
        return null;
    }
}
