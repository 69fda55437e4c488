package fr.maillage.agenda.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.SatisfactionAnswers;
import fr.maillage.agenda.SessionRequest;
import fr.maillage.agenda.TrainingModule;
import fr.maillage.agenda.TrainingModuleData;

import org.springframework.validation.BindingResult;

/**
 * The training pages' forms, as typed (text fields, so that what was typed comes back on an
 * error), and their conversion to the agenda's records with field errors for what cannot be
 * read (a duration of "deux heures", a date of "demain").
 */
final class TrainingForms {

    private TrainingForms() {
    }

    /** Puts the problems of an {@link AgendaException} next to their fields (or at the top of the form). */
    static void reject(BindingResult result, List<AgendaException.Problem> problems) {
        for (AgendaException.Problem p : problems) {
            if (p.field() == null || !isField(result, p.field())) {
                result.reject(p.messageKey(), p.argsArray(), null);
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argsArray(), null);
            }
        }
    }

    /** Like {@link #reject}, leaving out the fields that already show an error (a value that could not be read). */
    static void rejectNew(BindingResult result, List<AgendaException.Problem> problems) {
        reject(result, problems.stream().filter(p -> p.field() == null || !isField(result, p.field()) || !result.hasFieldErrors(p.field())).toList());
    }

    private static boolean isField(BindingResult result, String field) {
        return result.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null;
    }

    /** The staff's form of a module. */
    public static class ModuleForm {
        private String title;
        private String summary;
        private String objectives;
        private String prerequisites;
        private String durationHours;
        private String audience;
        private String trainer;
        private List<String> themes = new ArrayList<>();
        private boolean active = true;
        private int version;

        static ModuleForm of(TrainingModule m) {
            ModuleForm f = new ModuleForm();
            f.title = m.title();
            f.summary = m.summary();
            f.objectives = m.objectives();
            f.prerequisites = m.prerequisites();
            f.durationHours = m.durationHours() == null ? null : m.durationHours().stripTrailingZeros().toPlainString().replace('.', ',');
            f.audience = m.audience();
            f.trainer = m.trainer();
            f.themes = new ArrayList<>(m.themes());
            f.active = m.active();
            f.version = m.version();
            return f;
        }

        /** The data, or null with field errors for what cannot be read. */
        TrainingModuleData data(BindingResult result) {
            BigDecimal duration = null;
            if (durationHours != null && !durationHours.isBlank()) {
                try {
                    duration = new BigDecimal(durationHours.strip().replace(',', '.').replace(" ", "").replace("h", ""));
                } catch (NumberFormatException e) {
                    result.rejectValue("durationHours", "agenda.training.error.duration-number");
                }
            }
            return new TrainingModuleData(title, summary, objectives, prerequisites, duration, audience, trainer,
                    themes == null ? null : new LinkedHashSet<>(themes), active);
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getObjectives() { return objectives; }
        public void setObjectives(String objectives) { this.objectives = objectives; }
        public String getPrerequisites() { return prerequisites; }
        public void setPrerequisites(String prerequisites) { this.prerequisites = prerequisites; }
        public String getDurationHours() { return durationHours; }
        public void setDurationHours(String durationHours) { this.durationHours = durationHours; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public String getTrainer() { return trainer; }
        public void setTrainer(String trainer) { this.trainer = trainer; }
        public List<String> getThemes() { return themes; }
        public void setThemes(List<String> themes) { this.themes = themes; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
    }

    /** The staff's form of a new session. */
    public static class SessionForm {
        private String day;
        private String start = "09:30";
        private String lastDay;
        private String end = "17:00";
        private String venueName;
        private String street;
        private String postalCode;
        private String city;
        private String onlineUrl;
        private String capacity;
        private String deadline;

        /** The request, or null with field errors for what cannot be read. */
        SessionRequest request(BindingResult result) {
            LocalDate d = date("day", day, result);
            LocalDate last = date("lastDay", lastDay, result);
            LocalTime s = time("start", start, result);
            LocalTime e = time("end", end, result);
            Integer places = null;
            if (capacity != null && !capacity.isBlank()) {
                try {
                    places = Integer.valueOf(capacity.strip().replace(" ", "").replace("\u00a0", ""));
                } catch (NumberFormatException ex) {
                    result.rejectValue("capacity", "agenda.training.error.capacity-number");
                }
            }
            LocalDateTime limit = null;
            if (deadline != null && !deadline.isBlank()) {
                try {
                    limit = LocalDateTime.parse(deadline.strip());
                } catch (DateTimeParseException ex) {
                    result.rejectValue("deadline", "agenda.training.error.date-format");
                }
            }
            return new SessionRequest(d, s, last, e, venueName, street, postalCode, city, onlineUrl, places, limit);
        }

        /** Read as the event form reads its dates ({@link EventForm#parseDate}). */
        private static LocalDate date(String field, String value, BindingResult result) {
            if (value == null || value.isBlank()) {
                return null;
            }
            LocalDate d = EventForm.parseDate(value);
            if (d == null) {
                result.rejectValue(field, "agenda.training.error.date-format");
            }
            return d;
        }

        /** Read as the event form reads its times ({@link EventForm#parseTime}). */
        private static LocalTime time(String field, String value, BindingResult result) {
            if (value == null || value.isBlank()) {
                return null;
            }
            LocalTime t = EventForm.parseTime(value);
            if (t == null) {
                result.rejectValue(field, "agenda.training.error.time-format");
            }
            return t;
        }

        public String getDay() { return day; }
        public void setDay(String day) { this.day = day; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getLastDay() { return lastDay; }
        public void setLastDay(String lastDay) { this.lastDay = lastDay; }
        public String getEnd() { return end; }
        public void setEnd(String end) { this.end = end; }
        public String getVenueName() { return venueName; }
        public void setVenueName(String venueName) { this.venueName = venueName; }
        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = street; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getOnlineUrl() { return onlineUrl; }
        public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
        public String getCapacity() { return capacity; }
        public void setCapacity(String capacity) { this.capacity = capacity; }
        public String getDeadline() { return deadline; }
        public void setDeadline(String deadline) { this.deadline = deadline; }
    }

    /** The participant's satisfaction form (scores as typed: a value out of 1..5 is an error next to its question). */
    public static class SatisfactionFormData {
        private String overall;
        private String content;
        private String trainer;
        private String organisation;
        private String usefulness;
        private String recommend;
        private String comment;

        SatisfactionAnswers answers(BindingResult result) {
            Boolean r = "oui".equals(recommend) ? Boolean.TRUE : "non".equals(recommend) ? Boolean.FALSE : null;
            return new SatisfactionAnswers(score("overall", overall, result), score("content", content, result),
                    score("trainer", trainer, result), score("organisation", organisation, result),
                    score("usefulness", usefulness, result), r, comment);
        }

        private static Integer score(String field, String value, BindingResult result) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                result.rejectValue(field, "agenda.training.error.score");
                return null;
            }
        }

        /** The answer to a question by its name, for the form's radios. */
        public String value(String question) {
            return switch (question) {
                case "overall" -> overall;
                case "content" -> content;
                case "trainer" -> trainer;
                case "organisation" -> organisation;
                case "usefulness" -> usefulness;
                default -> null;
            };
        }

        public String getOverall() { return overall; }
        public void setOverall(String overall) { this.overall = overall; }
        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getTrainer() { return trainer; }
        public void setTrainer(String trainer) { this.trainer = trainer; }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
        public String getUsefulness() { return usefulness; }
        public void setUsefulness(String usefulness) { this.usefulness = usefulness; }
        public String getRecommend() { return recommend; }
        public void setRecommend(String recommend) { this.recommend = recommend; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }
}
