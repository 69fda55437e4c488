package fr.maillage.agenda;

/** Where an event happens: at a venue, online (a link), or both. */
public enum EventFormat {
    IN_PERSON, ONLINE, HYBRID;

    public boolean hasVenue() {
        return this != ONLINE;
    }

    public boolean hasLink() {
        return this != IN_PERSON;
    }
}
