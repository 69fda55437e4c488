package fr.maillage.support;

/**
 * How people meet: in person, by video, or either (a slot offered both ways; the person
 * chooses). An appointment is always IN_PERSON or VIDEO. Labels {@code support.mode.<NAME>}.
 */
public enum MeetingMode {
    IN_PERSON, VIDEO, BOTH;

    /** Whether a slot offered this way can be held {@code wanted} (null: no preference). */
    public boolean allows(MeetingMode wanted) {
        return wanted == null || this == BOTH || this == wanted;
    }

    public boolean needsPlace() {
        return this != VIDEO;
    }

    public boolean needsVideoUrl() {
        return this != IN_PERSON;
    }

    public static MeetingMode parse(String value) {
        if (value == null) {
            return null;
        }
        for (MeetingMode m : values()) {
            if (m.name().equals(value.strip())) {
                return m;
            }
        }
        return null;
    }
}
