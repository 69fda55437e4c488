package fr.maillage.agenda;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A custom question asked at registration (dietary needs, accessibility needs...). */
@Entity
@Table(name = "agenda_question")
class EventQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id")
    AgendaEvent event;

    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    String label;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    QuestionKind kind;
    String choices;
    @Column(nullable = false)
    boolean required;

    protected EventQuestion() {
    }

    EventQuestion(AgendaEvent event) {
        this.event = event;
    }

    void apply(EventData.QuestionData d, int position) {
        this.position = position;
        this.label = d.label().strip();
        this.kind = d.kind() == null ? QuestionKind.TEXT : d.kind();
        this.choices = kind == QuestionKind.CHOICE ? String.join("\n", d.choiceList()) : null;
        this.required = d.required();
    }

    EventData.QuestionData data() {
        return new EventData.QuestionData(id, label, kind, choices, required);
    }
}
