package fr.maillage.agenda;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A session of an event's programme (one of the Agora's parallel workshops...). */
@Entity
@Table(name = "agenda_session")
class EventSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id")
    AgendaEvent event;

    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    String title;
    String description;
    @Column(name = "local_start")
    LocalDateTime localStart;
    @Column(name = "local_end")
    LocalDateTime localEnd;
    String room;
    String speakers;
    Integer capacity;

    protected EventSession() {
    }

    EventSession(AgendaEvent event) {
        this.event = event;
    }

    void apply(EventData.SessionData d, int position) {
        this.position = position;
        this.title = d.title().strip();
        this.description = Agenda.blankToNull(d.description());
        this.localStart = d.start();
        this.localEnd = d.end();
        this.room = Agenda.blankToNull(d.room());
        this.speakers = Agenda.blankToNull(d.speakers());
        this.capacity = d.capacity();
    }

    EventData.SessionData data() {
        return new EventData.SessionData(id, title, description, localStart, localEnd, room, speakers, capacity);
    }
}
