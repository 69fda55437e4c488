package fr.maillage.agenda.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.RepeatFrequency;

import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The event form, as typed: dates, times and numbers stay text until {@link #toData} reads them
 * (so "9h30" or "14/03/2027" are understood, and a typo is shown back as typed with its error).
 * The programme's sessions, the questions, the documents, the countries and the days without a
 * session of a repeating event are lists shown with a blank row or two, so that a person adds
 * without JavaScript; blank rows are dropped before checking (row indexes then match the
 * content's, and the errors of {@code sessions[1].capacity} land on the right row).
 */
public class EventForm {

    static final int MAX_ROWS = 60;
    static final List<String> SECTIONS = List.of("sessions", "questions", "documents", "countries", "exceptions", "organisations");

    private String type;
    private String title;
    private String summary;
    private String description;
    private boolean allDay;
    private String startDate;
    private String startTime;
    private String endDate;
    private String endTime;
    private RepeatFields repeat = new RepeatFields();
    private String format = EventFormat.IN_PERSON.name();
    private String venueName;
    private String street;
    private String postalCode;
    private String city;
    private String latitude;
    private String longitude;
    private String onlineUrl;
    private List<Long> organisationIds = new ArrayList<>();
    private List<String> organisationNames = new ArrayList<>();
    private List<String> themes = new ArrayList<>();
    private List<String> countries = new ArrayList<>();
    private String audience;
    private boolean free = true;
    private String price;
    private String accessibility;
    private List<DocumentRow> documents = new ArrayList<>();
    private List<MultipartFile> documentFiles = new ArrayList<>();
    private RegistrationFields registration = new RegistrationFields();
    private List<SessionRow> sessions = new ArrayList<>();
    private List<QuestionRow> questions = new ArrayList<>();
    private Integer version;

    // ------------------------------------------------------------------ nested parts

    public static class RepeatFields {
        private String frequency = "";
        private String interval = "1";
        private String until;
        private String count;
        private List<String> exceptions = new ArrayList<>();

        public String getFrequency() { return frequency; }
        public void setFrequency(String v) { frequency = trim(v); }
        public String getInterval() { return interval; }
        public void setInterval(String v) { interval = trim(v); }
        public String getUntil() { return until; }
        public void setUntil(String v) { until = trim(v); }
        public String getCount() { return count; }
        public void setCount(String v) { count = trim(v); }
        public List<String> getExceptions() { return exceptions; }
        public void setExceptions(List<String> v) { exceptions = v == null ? new ArrayList<>() : v; }
    }

    public static class RegistrationFields {
        private String mode = RegistrationMode.NONE.name();
        private String url;
        private String deadlineDate;
        private String deadlineTime;
        private String capacity;
        private boolean waitingList = true;
        private boolean askStructure = true;

        public String getMode() { return mode; }
        public void setMode(String v) { mode = trim(v); }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = trim(v); }
        public String getDeadlineDate() { return deadlineDate; }
        public void setDeadlineDate(String v) { deadlineDate = trim(v); }
        public String getDeadlineTime() { return deadlineTime; }
        public void setDeadlineTime(String v) { deadlineTime = trim(v); }
        public String getCapacity() { return capacity; }
        public void setCapacity(String v) { capacity = trim(v); }
        public boolean isWaitingList() { return waitingList; }
        public void setWaitingList(boolean v) { waitingList = v; }
        public boolean isAskStructure() { return askStructure; }
        public void setAskStructure(boolean v) { askStructure = v; }
    }

    /** A document: an outside link, or a file uploaded with the form ({@code fileKey}). */
    public static class DocumentRow {
        private String title;
        private String url;
        private String fileKey;
        private String mediaType;
        private Long sizeBytes;

        public DocumentRow() {
        }

        DocumentRow(String title, String url, String fileKey, String mediaType, Long sizeBytes) {
            this.title = title;
            this.url = url;
            this.fileKey = fileKey;
            this.mediaType = mediaType;
            this.sizeBytes = sizeBytes;
        }

        public boolean isBlank() {
            return blank(title) && blank(url) && blank(fileKey);
        }

        public boolean isFile() {
            return !blank(fileKey);
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = trim(v); }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = trim(v); }
        public String getFileKey() { return fileKey; }
        public void setFileKey(String v) { fileKey = blank(v) ? null : v.strip(); }
        public String getMediaType() { return mediaType; }
        public void setMediaType(String v) { mediaType = blank(v) ? null : v.strip(); }
        public Long getSizeBytes() { return sizeBytes; }
        public void setSizeBytes(Long v) { sizeBytes = v; }
    }

    /** A session of the programme; {@code id} kept across edits (participants' choices follow it). */
    public static class SessionRow {
        private Long id;
        private String title;
        private String description;
        private String date;
        private String startTime;
        private String endTime;
        private String room;
        private String speakers;
        private String capacity;

        public boolean isBlank() {
            return id == null && blank(title) && blank(description) && blank(date) && blank(startTime) && blank(endTime)
                    && blank(room) && blank(speakers) && blank(capacity);
        }

        public Long getId() { return id; }
        public void setId(Long v) { id = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = trim(v); }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = trim(v); }
        public String getDate() { return date; }
        public void setDate(String v) { date = trim(v); }
        public String getStartTime() { return startTime; }
        public void setStartTime(String v) { startTime = trim(v); }
        public String getEndTime() { return endTime; }
        public void setEndTime(String v) { endTime = trim(v); }
        public String getRoom() { return room; }
        public void setRoom(String v) { room = trim(v); }
        public String getSpeakers() { return speakers; }
        public void setSpeakers(String v) { speakers = trim(v); }
        public String getCapacity() { return capacity; }
        public void setCapacity(String v) { capacity = trim(v); }
    }

    /** A question asked at registration; {@code choices} one per line for a list. */
    public static class QuestionRow {
        private Long id;
        private String label;
        private String kind = QuestionKind.TEXT.name();
        private String choices;
        private boolean required;

        public boolean isBlank() {
            return id == null && blank(label) && blank(choices);
        }

        public Long getId() { return id; }
        public void setId(Long v) { id = v; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = trim(v); }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = trim(v); }
        public String getChoices() { return choices; }
        public void setChoices(String v) { choices = v; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean v) { required = v; }
    }

    // ------------------------------------------------------------------ to and from the content

    static EventForm empty() {
        EventForm f = new EventForm();
        f.pad();
        return f;
    }

    /** The form of a saved event. */
    static EventForm of(EventData d, int version) {
        EventForm f = new EventForm();
        f.type = d.type().name();
        f.title = d.title();
        f.summary = d.summary();
        f.description = d.description();
        f.allDay = d.allDay();
        f.startDate = d.start().toLocalDate().toString();
        f.endDate = d.end().toLocalDate().toString();
        if (!d.allDay()) {
            f.startTime = time(d.start().toLocalTime());
            f.endTime = time(d.end().toLocalTime());
        }
        if (d.repeats()) {
            f.repeat.frequency = d.repeat().frequency().name();
            f.repeat.interval = String.valueOf(Math.max(1, d.repeat().interval()));
            f.repeat.until = d.repeat().until() == null ? null : d.repeat().until().toString();
            f.repeat.count = d.repeat().count() == null ? null : String.valueOf(d.repeat().count());
            d.repeat().exceptions().stream().sorted().forEach(x -> f.repeat.exceptions.add(x.toString()));
        }
        f.format = d.format().name();
        f.venueName = d.venueName();
        f.street = d.street();
        f.postalCode = d.postalCode();
        f.city = d.city();
        f.latitude = d.latitude() == null ? null : String.valueOf(d.latitude());
        f.longitude = d.longitude() == null ? null : String.valueOf(d.longitude());
        f.onlineUrl = d.onlineUrl();
        f.organisationIds = new ArrayList<>(d.organisationIds());
        f.themes = new ArrayList<>(d.themes());
        f.countries = new ArrayList<>(d.countries().stream().sorted().toList());
        f.audience = d.audience();
        f.free = d.free();
        f.price = d.price();
        f.accessibility = d.accessibility();
        for (EventData.DocumentData doc : d.documents()) {
            if (!doc.afterEvent()) {
                f.documents.add(new DocumentRow(doc.title(), doc.url(), doc.fileKey(), doc.mediaType(), doc.sizeBytes()));
            }
        }
        EventData.RegistrationSettings r = d.registration();
        f.registration.mode = r.mode().name();
        f.registration.url = r.url();
        if (r.deadline() != null) {
            f.registration.deadlineDate = r.deadline().toLocalDate().toString();
            f.registration.deadlineTime = time(r.deadline().toLocalTime());
        }
        f.registration.capacity = r.capacity() == null ? null : String.valueOf(r.capacity());
        f.registration.waitingList = r.waitingList();
        f.registration.askStructure = r.askStructure();
        for (EventData.SessionData s : d.sessions()) {
            SessionRow row = new SessionRow();
            row.id = s.id();
            row.title = s.title();
            row.description = s.description();
            LocalDateTime at = s.start() != null ? s.start() : s.end();
            row.date = at == null ? null : at.toLocalDate().toString();
            row.startTime = s.start() == null ? null : time(s.start().toLocalTime());
            row.endTime = s.end() == null ? null : time(s.end().toLocalTime());
            row.room = s.room();
            row.speakers = s.speakers();
            row.capacity = s.capacity() == null ? null : String.valueOf(s.capacity());
            f.sessions.add(row);
        }
        for (EventData.QuestionData q : d.questions()) {
            QuestionRow row = new QuestionRow();
            row.id = q.id();
            row.label = q.label();
            row.kind = q.kind().name();
            row.choices = q.choices();
            row.required = q.required();
            f.questions.add(row);
        }
        f.version = version;
        f.pad();
        return f;
    }

    /** Drops blank rows (before checking: row indexes then match the content's). */
    void compact() {
        sessions.removeIf(r -> r == null || r.isBlank());
        questions.removeIf(r -> r == null || r.isBlank());
        documents.removeIf(r -> r == null || r.isBlank());
        countries.removeIf(EventForm::blank);
        repeat.exceptions.removeIf(EventForm::blank);
        organisationNames.removeIf(EventForm::blank);
        organisationIds.removeIf(java.util.Objects::isNull);
    }

    /** Blank rows after the filled ones, so that a person adds without JavaScript: two in an empty list, else one. */
    void pad() {
        compact();
        padList(sessions, SessionRow::new, 2);
        padList(questions, QuestionRow::new, 1);
        padList(documents, DocumentRow::new, 1);
        padList(countries, () -> "", 1);
        padList(repeat.exceptions, () -> "", 1);
        padList(organisationNames, () -> "", 1);
    }

    /** "Ajouter une ligne": one more blank row in that list. */
    void addRow(String section) {
        switch (section) {
            case "sessions" -> add(sessions, SessionRow::new);
            case "questions" -> add(questions, QuestionRow::new);
            case "documents" -> add(documents, DocumentRow::new);
            case "countries" -> add(countries, () -> "");
            case "exceptions" -> add(repeat.exceptions, () -> "");
            case "organisations" -> add(organisationNames, () -> "");
            default -> { }
        }
    }

    /** "Retirer": drops row {@code index} of that list. */
    void removeRow(String section, int index) {
        List<?> list = switch (section) {
            case "sessions" -> sessions;
            case "questions" -> questions;
            case "documents" -> documents;
            case "countries" -> countries;
            case "exceptions" -> repeat.exceptions;
            case "organisations" -> organisationNames;
            default -> null;
        };
        if (list != null && index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    private static <T> void padList(List<T> list, Supplier<T> blank, int whenEmpty) {
        int blanks = list.isEmpty() ? whenEmpty : 1;
        for (int i = 0; i < blanks && list.size() < MAX_ROWS; i++) {
            list.add(blank.get());
        }
    }

    private static <T> void add(List<T> list, Supplier<T> blank) {
        if (list.size() < MAX_ROWS) {
            list.add(blank.get());
        }
    }

    /**
     * The content, with dates, times and numbers read; what cannot be read is rejected on its
     * field and left out (so that the validator does not report it twice). Call after
     * {@link #compact()}; {@code organisations} are the ids chosen (checked and typed names resolved),
     * {@code trainingModuleId} is kept from the saved event.
     */
    EventData toData(List<Long> organisations, Long trainingModuleId, Errors errors) {
        EventType eventType = parseEnum(EventType.class, type);
        LocalDate sd = date(startDate, "startDate", errors);
        LocalDate ed = blank(endDate) ? sd : date(endDate, "endDate", errors);
        LocalDateTime start = null;
        LocalDateTime end = null;
        if (allDay) {
            start = sd == null ? null : sd.atStartOfDay();
            end = ed == null ? null : ed.atStartOfDay();
        } else {
            LocalTime st = time(startTime, "startTime", errors, true);
            LocalTime et = time(endTime, "endTime", errors, true);
            start = sd == null || st == null ? null : sd.atTime(st);
            end = ed == null || et == null ? null : ed.atTime(et);
        }
        if (sd == null && blank(startDate)) {
            errors.rejectValue("startDate", "agenda.error.start");
        }

        EventData.Repeat rep = null;
        RepeatFrequency frequency = parseEnum(RepeatFrequency.class, repeat.frequency);
        if (frequency != null) {
            Integer interval = integer(repeat.interval, "repeat.interval", errors);
            LocalDate until = date(repeat.until, "repeat.until", errors);
            Integer count = integer(repeat.count, "repeat.count", errors);
            List<LocalDate> except = new ArrayList<>();
            for (int i = 0; i < repeat.exceptions.size(); i++) {
                LocalDate x = date(repeat.exceptions.get(i), "repeat.exceptions[" + i + "]", errors);
                if (x != null && !except.contains(x)) {
                    except.add(x);
                }
            }
            rep = new EventData.Repeat(frequency, interval == null ? 1 : interval, until, count, except);
        }

        EventFormat fmt = parseEnum(EventFormat.class, format);
        if (fmt == null) {
            fmt = EventFormat.IN_PERSON;
        }
        Double lat = coordinate(latitude, "latitude", errors);
        Double lon = coordinate(longitude, "longitude", errors);

        LinkedHashSet<String> countryCodes = new LinkedHashSet<>();
        countries.forEach(c -> countryCodes.add(c.strip().toUpperCase(Locale.ROOT)));

        List<EventData.DocumentData> docs = new ArrayList<>();
        for (DocumentRow r : documents) {
            docs.add(new EventData.DocumentData(r.title, r.isFile() ? r.fileKey : null, r.isFile() ? null : r.url,
                    r.isFile() ? r.mediaType : null, r.isFile() ? r.sizeBytes : null, false));
        }

        RegistrationMode mode = parseEnum(RegistrationMode.class, registration.mode);
        if (mode == null) {
            mode = RegistrationMode.NONE;
        }
        Integer capacity = integer(registration.capacity, "registration.capacity", errors);
        LocalDateTime deadline = null;
        LocalDate dd = date(registration.deadlineDate, "registration.deadlineDate", errors);
        LocalTime dt = time(registration.deadlineTime, "registration.deadlineTime", errors, false);
        if (dd != null) {
            deadline = dd.atTime(dt != null ? dt : LocalTime.of(23, 59));
        } else if (dt != null) {
            errors.rejectValue("registration.deadlineDate", "agenda.events.form.error.deadline-date");
        }
        EventData.RegistrationSettings settings = new EventData.RegistrationSettings(mode, registration.url, deadline, capacity,
                registration.waitingList, registration.askStructure);

        List<EventData.SessionData> sessionList = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionRow r = sessions.get(i);
            String p = "sessions[" + i + "]";
            LocalDate day = blank(r.date) ? sd : date(r.date, p + ".date", errors);
            LocalTime st = time(r.startTime, p + ".startTime", errors, false);
            LocalTime et = time(r.endTime, p + ".endTime", errors, false);
            if (day == null && (st != null || et != null) && blank(r.date)) {
                errors.rejectValue(p + ".date", "agenda.events.form.error.session-date");
            }
            LocalDateTime ss = day == null || st == null ? null : day.atTime(st);
            LocalDateTime se = day == null || et == null ? null : day.atTime(et);
            Integer cap = integer(r.capacity, p + ".capacity", errors);
            sessionList.add(new EventData.SessionData(r.id, r.title, r.description, ss, se, r.room, r.speakers, cap));
        }

        List<EventData.QuestionData> questionList = new ArrayList<>();
        for (QuestionRow r : questions) {
            QuestionKind kind = parseEnum(QuestionKind.class, r.kind);
            questionList.add(new EventData.QuestionData(r.id, r.label, kind == null ? QuestionKind.TEXT : kind, r.choices, r.required));
        }

        return new EventData(eventType, title, summary, description, allDay, start, end, rep, fmt, venueName, street, postalCode, city,
                lat, lon, onlineUrl, organisations, new LinkedHashSet<>(themes), countryCodes, audience, free, free ? null : price,
                accessibility, docs, trainingModuleId, settings, sessionList, questionList);
    }

    // ------------------------------------------------------------------ reading what was typed

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final java.util.regex.Pattern TYPED_TIME = java.util.regex.Pattern.compile("(\\d{1,2})(?:[:h.](\\d{2})?)?(?::\\d{2})?");

    /** A date as the browser sends it (2027-03-14), or as typed where there is no date picker (14/03/2027). */
    static LocalDate date(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        LocalDate d = parseDate(text);
        if (d == null) {
            errors.rejectValue(field, "agenda.events.form.error.date");
        }
        return d;
    }

    /** A time as the browser sends it (09:30), or as typed: "9h30", "9 h", "14.15". */
    static LocalTime time(String text, String field, Errors errors, boolean required) {
        if (blank(text)) {
            if (required) {
                errors.rejectValue(field, "agenda.events.form.error.time-required");
            }
            return null;
        }
        LocalTime t = parseTime(text);
        if (t == null) {
            errors.rejectValue(field, "agenda.events.form.error.time");
        }
        return t;
    }

    /**
     * A date typed in a form of the agenda (events, training sessions): as the browser sends it
     * (2027-03-14), or as typed where there is no date picker (14/03/2027, 14.03.2027); null when
     * it is neither. {@code text} is not blank.
     */
    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip().replace('.', '/').replace('-', '/'), FRENCH_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A time typed in a form of the agenda: 09:30, "9h30", "9 h", "14.15", "17:00:00"; null when it is none. {@code text} is not blank. */
    static LocalTime parseTime(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0\\u202f]", "");
        java.util.regex.Matcher m = TYPED_TIME.matcher(t);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (h < 24 && min < 60) {
                return LocalTime.of(h, min);
            }
        }
        return null;
    }

    static Integer integer(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        String t = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (!t.matches("-?\\d{1,7}")) {
            errors.rejectValue(field, "agenda.events.form.error.number");
            return null;
        }
        return Integer.valueOf(t);
    }

    private static Double coordinate(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.replaceAll("[\\s\\u00a0°]", "").replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "agenda.events.form.error.coordinate");
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String time(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    // ------------------------------------------------------------------ accessors

    public String getType() { return type; }
    public void setType(String v) { type = trim(v); }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = trim(v); }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = trim(v); }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public boolean isAllDay() { return allDay; }
    public void setAllDay(boolean v) { allDay = v; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String v) { startDate = trim(v); }
    public String getStartTime() { return startTime; }
    public void setStartTime(String v) { startTime = trim(v); }
    public String getEndDate() { return endDate; }
    public void setEndDate(String v) { endDate = trim(v); }
    public String getEndTime() { return endTime; }
    public void setEndTime(String v) { endTime = trim(v); }
    public RepeatFields getRepeat() { return repeat; }
    public void setRepeat(RepeatFields v) { repeat = v == null ? new RepeatFields() : v; }
    public String getFormat() { return format; }
    public void setFormat(String v) { format = trim(v); }
    public String getVenueName() { return venueName; }
    public void setVenueName(String v) { venueName = trim(v); }
    public String getStreet() { return street; }
    public void setStreet(String v) { street = trim(v); }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = trim(v); }
    public String getCity() { return city; }
    public void setCity(String v) { city = trim(v); }
    public String getLatitude() { return latitude; }
    public void setLatitude(String v) { latitude = trim(v); }
    public String getLongitude() { return longitude; }
    public void setLongitude(String v) { longitude = trim(v); }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String v) { onlineUrl = trim(v); }
    public List<Long> getOrganisationIds() { return organisationIds; }
    public void setOrganisationIds(List<Long> v) { organisationIds = v == null ? new ArrayList<>() : new ArrayList<>(v.stream().distinct().toList()); }
    public List<String> getOrganisationNames() { return organisationNames; }
    public void setOrganisationNames(List<String> v) { organisationNames = v == null ? new ArrayList<>() : v; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> v) { themes = v == null ? new ArrayList<>() : new ArrayList<>(v.stream().distinct().toList()); }
    public List<String> getCountries() { return countries; }
    public void setCountries(List<String> v) { countries = v == null ? new ArrayList<>() : v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = trim(v); }
    public boolean isFree() { return free; }
    public void setFree(boolean v) { free = v; }
    public String getPrice() { return price; }
    public void setPrice(String v) { price = trim(v); }
    public String getAccessibility() { return accessibility; }
    public void setAccessibility(String v) { accessibility = v; }
    public List<DocumentRow> getDocuments() { return documents; }
    public void setDocuments(List<DocumentRow> v) { documents = v == null ? new ArrayList<>() : v; }
    public List<MultipartFile> getDocumentFiles() { return documentFiles; }
    public void setDocumentFiles(List<MultipartFile> v) { documentFiles = v == null ? new ArrayList<>() : v; }
    public RegistrationFields getRegistration() { return registration; }
    public void setRegistration(RegistrationFields v) { registration = v == null ? new RegistrationFields() : v; }
    public List<SessionRow> getSessions() { return sessions; }
    public void setSessions(List<SessionRow> v) { sessions = v == null ? new ArrayList<>() : v; }
    public List<QuestionRow> getQuestions() { return questions; }
    public void setQuestions(List<QuestionRow> v) { questions = v == null ? new ArrayList<>() : v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
