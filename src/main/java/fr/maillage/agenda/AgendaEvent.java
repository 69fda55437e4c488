package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * An event of the agenda. Package-private: other modules and the web layer see it through
 * {@link Agenda} and its records. Times are wall-clock in {@link #timeZone}; {@link #startsAt}
 * and {@link #endsAt} are the span of all occurrences as instants (kept by {@link Agenda}).
 */
@Entity
@Table(name = "agenda_event")
class AgendaEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 180)
    String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    EventType type;

    @Column(nullable = false)
    String title;
    String summary;
    String description;

    @Column(name = "time_zone", nullable = false)
    String timeZone = "Europe/Paris";

    @Column(name = "all_day", nullable = false)
    boolean allDay;

    @Column(name = "local_start", nullable = false)
    LocalDateTime localStart;
    @Column(name = "local_end", nullable = false)
    LocalDateTime localEnd;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "repeat_frequency")
    RepeatFrequency repeatFrequency;
    @Column(name = "repeat_interval", nullable = false)
    int repeatInterval = 1;
    @Column(name = "repeat_until")
    LocalDate repeatUntil;
    @Column(name = "repeat_count")
    Integer repeatCount;

    @ElementCollection
    @CollectionTable(name = "agenda_event_exception", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "day")
    @BatchSize(size = 64)
    Set<LocalDate> exceptions = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    EventFormat format = EventFormat.IN_PERSON;

    @Column(name = "venue_name")
    String venueName;
    String street;
    @Column(name = "postal_code")
    String postalCode;
    String city;
    String departement;
    Double latitude;
    Double longitude;
    @Column(name = "online_url")
    String onlineUrl;

    String audience;
    @Column(nullable = false)
    boolean free = true;
    String price;
    String accessibility;
    String report;

    @Column(name = "training_module_id")
    Long trainingModuleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_mode", nullable = false)
    RegistrationMode registrationMode = RegistrationMode.NONE;
    @Column(name = "registration_url")
    String registrationUrl;
    @Column(name = "registration_deadline")
    Instant registrationDeadline;
    Integer capacity;
    @Column(name = "waiting_list", nullable = false)
    boolean waitingList = true;
    @Column(name = "ask_structure", nullable = false)
    boolean askStructure = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    EventStatus status = EventStatus.PENDING;
    @Column(name = "moderation_message")
    String moderationMessage;
    @Column(name = "proposed_by")
    Long proposedBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.now();
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.now();
    @Column(name = "published_at")
    Instant publishedAt;

    @Version
    int version;

    @ElementCollection
    @CollectionTable(name = "agenda_event_organisation", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @Column(name = "organisation_id")
    @BatchSize(size = 64)
    List<Long> organisationIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agenda_event_theme", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "theme_code")
    @BatchSize(size = 64)
    Set<String> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agenda_event_country", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "country_code")
    @BatchSize(size = 64)
    Set<String> countries = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agenda_event_document", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 64)
    List<EventDocument> documents = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 64)
    List<EventSession> sessions = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 64)
    List<EventQuestion> questions = new ArrayList<>();

    protected AgendaEvent() {
    }

    AgendaEvent(EventType type, String title) {
        this.type = type;
        this.title = title;
    }

    boolean repeats() {
        return repeatFrequency != null;
    }

    boolean isVisibleToAll() {
        return status == EventStatus.PUBLISHED || status == EventStatus.CANCELLED;
    }
}
