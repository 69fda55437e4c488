package fr.maillage.agenda;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The content of an event, as the form, the API and the tests write it. Times are wall-clock
 * times in Europe/Paris: {@code start} and {@code end} of the (first) occurrence; for an all-day
 * event, the first and the last day at midnight. {@code repeat} is null for a one-off event.
 * Sessions and questions carry their id once saved (null for new ones), so that an edit keeps
 * the participants' choices and answers.
 */
public record EventData(
        EventType type,
        String title,
        String summary,
        String description,
        boolean allDay,
        LocalDateTime start,
        LocalDateTime end,
        Repeat repeat,
        EventFormat format,
        String venueName,
        String street,
        String postalCode,
        String city,
        Double latitude,
        Double longitude,
        String onlineUrl,
        List<Long> organisationIds,
        Set<String> themes,
        Set<String> countries,
        String audience,
        boolean free,
        String price,
        String accessibility,
        List<DocumentData> documents,
        Long trainingModuleId,
        RegistrationSettings registration,
        List<SessionData> sessions,
        List<QuestionData> questions) {

    public EventData {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        documents = documents == null ? List.of() : List.copyOf(documents);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        questions = questions == null ? List.of() : List.copyOf(questions);
        registration = registration == null ? RegistrationSettings.none() : registration;
        format = format == null ? EventFormat.IN_PERSON : format;
    }

    public boolean repeats() {
        return repeat != null && repeat.frequency() != null;
    }

    /**
     * Repetition in wall-clock time: every {@code interval} weeks (same weekday) or months (same
     * day of month; months without that day are skipped), up to {@code until} (inclusive) or
     * {@code count} occurrences (the first included), except on the {@code exceptions} days.
     * Without until nor count, occurrences are generated up to two years ahead.
     */
    public record Repeat(RepeatFrequency frequency, int interval, LocalDate until, Integer count, List<LocalDate> exceptions) {
        public Repeat {
            exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        }
    }

    /** A document of the event: an uploaded file ({@code fileKey}) or a link ({@code url}); {@code afterEvent} for the report's. */
    public record DocumentData(String title, String fileKey, String url, String mediaType, Long sizeBytes, boolean afterEvent) {
    }

    /**
     * Registration settings. {@code deadline} is wall-clock Europe/Paris (null: until the start),
     * {@code capacity} null for unlimited; {@code url} for EXTERNAL.
     */
    public record RegistrationSettings(RegistrationMode mode, String url, LocalDateTime deadline, Integer capacity,
                                       boolean waitingList, boolean askStructure) {
        public RegistrationSettings {
            mode = mode == null ? RegistrationMode.NONE : mode;
        }

        public static RegistrationSettings none() {
            return new RegistrationSettings(RegistrationMode.NONE, null, null, null, true, true);
        }
    }

    /** A session of the programme (a parallel workshop...); times wall-clock, may be null; capacity null for unlimited. */
    public record SessionData(Long id, String title, String description, LocalDateTime start, LocalDateTime end,
                              String room, String speakers, Integer capacity) {
    }

    /** A custom question asked at registration; {@code choices} one per line for CHOICE. */
    public record QuestionData(Long id, String label, QuestionKind kind, String choices, boolean required) {
        public List<String> choiceList() {
            return choices == null ? List.of() : choices.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
