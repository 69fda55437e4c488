package fr.maillage.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.RepeatFrequency;

/**
 * Valid events for tests, built step by step: {@code TestEvents.meeting("Rencontre", start).capacity(50).build()}.
 * By default an in-person regional meeting in Bordeaux (33000), three hours long, free, without registration.
 */
public final class TestEvents {

    public EventType type = EventType.REGIONAL_MEETING;
    public String title;
    public String summary = "Une rencontre des acteurs de la coopération de la région.";
    public String description = "Au programme : **présentations**, échanges, déjeuner partagé.";
    public boolean allDay;
    public LocalDateTime start;
    public LocalDateTime end;
    public EventData.Repeat repeat;
    public EventFormat format = EventFormat.IN_PERSON;
    public String venueName = "Maison des associations";
    public String street = "12 rue du Palais";
    public String postalCode = "33000";
    public String city = "Bordeaux";
    public Double latitude = 44.8378;
    public Double longitude = -0.5792;
    public String onlineUrl;
    public List<Long> organisationIds = new ArrayList<>();
    public Set<String> themes = new LinkedHashSet<>(List.of("eau-assainissement"));
    public Set<String> countries = new LinkedHashSet<>(List.of("SN"));
    public String audience = "Associations, collectivités";
    public boolean free = true;
    public String price;
    public String accessibility = "Salle de plain-pied, boucle magnétique.";
    public List<EventData.DocumentData> documents = new ArrayList<>();
    public Long trainingModuleId;
    public EventData.RegistrationSettings registration = EventData.RegistrationSettings.none();
    public List<EventData.SessionData> sessions = new ArrayList<>();
    public List<EventData.QuestionData> questions = new ArrayList<>();

    private TestEvents(String title, LocalDateTime start) {
        this.title = title;
        this.start = start;
        this.end = start.plusHours(3);
    }

    public static TestEvents meeting(String title, LocalDateTime start) {
        return new TestEvents(title, start);
    }

    /** A meeting {@code daysAhead} days from today at 9:30 (Paris wall-clock). */
    public static TestEvents inDays(String title, int daysAhead) {
        return new TestEvents(title, LocalDate.now().plusDays(daysAhead).atTime(9, 30));
    }

    public TestEvents type(EventType t) {
        this.type = t;
        return this;
    }

    public TestEvents end(LocalDateTime e) {
        this.end = e;
        return this;
    }

    public TestEvents organisedBy(long... ids) {
        for (long id : ids) {
            organisationIds.add(id);
        }
        return this;
    }

    public TestEvents online(String url) {
        this.format = EventFormat.ONLINE;
        this.onlineUrl = url;
        return this;
    }

    public TestEvents weekly(int interval, LocalDate until, LocalDate... exceptions) {
        this.repeat = new EventData.Repeat(RepeatFrequency.WEEKLY, interval, until, null, List.of(exceptions));
        return this;
    }

    public TestEvents monthly(int interval, Integer count) {
        this.repeat = new EventData.Repeat(RepeatFrequency.MONTHLY, interval, null, count, List.of());
        return this;
    }

    /** Open registration with this capacity (null: unlimited) and a waiting list. */
    public TestEvents capacity(Integer capacity) {
        this.registration = new EventData.RegistrationSettings(RegistrationMode.OPEN, null, null, capacity, true, true);
        return this;
    }

    public TestEvents registration(EventData.RegistrationSettings settings) {
        this.registration = settings;
        return this;
    }

    public TestEvents session(String title, Integer capacity) {
        sessions.add(new EventData.SessionData(null, title, null, null, null, null, null, capacity));
        return this;
    }

    public TestEvents question(String label, QuestionKind kind, String choices, boolean required) {
        questions.add(new EventData.QuestionData(null, label, kind, choices, required));
        return this;
    }

    public EventData build() {
        return new EventData(type, title, summary, description, allDay, start, end, repeat, format, venueName, street,
                postalCode, city, latitude, longitude, onlineUrl, organisationIds, themes, countries, audience, free, price,
                accessibility, documents, trainingModuleId, registration, sessions, questions);
    }
}
