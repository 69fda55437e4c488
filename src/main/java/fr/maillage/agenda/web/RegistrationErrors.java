package fr.maillage.agenda.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.agenda.AgendaException;

import org.springframework.context.MessageSource;

/**
 * The problems of a refused registration as pages show them: one message per field, next to it
 * (the field names of the forms: {@code structure}, {@code organisationName}, {@code departement},
 * {@code sessionIds}, {@code answers[<id>]}, {@code fullName}, {@code email}), and the messages
 * about the whole form.
 */
public record RegistrationErrors(Map<String, String> fields, List<String> global) {

    static final RegistrationErrors NONE = new RegistrationErrors(Map.of(), List.of());

    static RegistrationErrors of(AgendaException e, MessageSource messages, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (AgendaException.Problem p : e.problems()) {
            String text = messages.getMessage(p.messageKey(), p.argsArray(), locale);
            if (p.field() == null) {
                global.add(text);
            } else {
                fields.putIfAbsent("organisationId".equals(p.field()) ? "structure" : p.field(), text);
            }
        }
        return new RegistrationErrors(fields, global);
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public int count() {
        return fields.size() + global.size();
    }
}
