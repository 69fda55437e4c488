package fr.maillage.agenda;

/** Kinds of events; labels are {@code agenda.type.<NAME>} in the agenda messages. */
public enum EventType {
    TRAINING, WORKSHOP, REGIONAL_MEETING, AGORA, COUNTRY_GROUP, FESTIVAL, WEBINAR, GENERAL_ASSEMBLY, OTHER;

    /** The code in URLs ({@code ?type=formation}...). */
    public String code() {
        return switch (this) {
            case TRAINING -> "formation";
            case WORKSHOP -> "atelier";
            case REGIONAL_MEETING -> "rencontre-regionale";
            case AGORA -> "agora";
            case COUNTRY_GROUP -> "groupe-pays";
            case FESTIVAL -> "festival";
            case WEBINAR -> "webinaire";
            case GENERAL_ASSEMBLY -> "assemblee-generale";
            case OTHER -> "autre";
        };
    }

    public static EventType fromCode(String code) {
        for (EventType t : values()) {
            if (t.code().equalsIgnoreCase(code) || t.name().equalsIgnoreCase(code)) {
                return t;
            }
        }
        return null;
    }
}
