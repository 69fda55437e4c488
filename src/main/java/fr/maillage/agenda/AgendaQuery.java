package fr.maillage.agenda;

import java.time.LocalDate;
import java.util.Set;

/**
 * A filtered view of the agenda, as in the URL ({@code /agenda?type=formation&theme=...}): OR
 * within a filter, AND across filters. {@code from}/{@code to} are days in Europe/Paris (an
 * occurrence is kept when it overlaps them; null for open). {@code online} true keeps online
 * and hybrid events, false in-person and hybrid ones, null both. {@code organisationId} keeps
 * the events a structure organises, {@code trainingModuleId} the sessions of a training module.
 */
public record AgendaQuery(Set<EventType> types, Set<String> themes, Set<String> departements, Set<String> countries,
                          LocalDate from, LocalDate to, Boolean online, Long organisationId, Long trainingModuleId,
                          String text) {

    public AgendaQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        departements = departements == null ? Set.of() : Set.copyOf(departements);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static AgendaQuery all() {
        return new AgendaQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public AgendaQuery between(LocalDate from, LocalDate to) {
        return new AgendaQuery(types, themes, departements, countries, from, to, online, organisationId, trainingModuleId, text);
    }

    public AgendaQuery ofOrganisation(Long organisationId) {
        return new AgendaQuery(types, themes, departements, countries, from, to, online, organisationId, trainingModuleId, text);
    }

    public AgendaQuery ofTrainingModule(Long moduleId) {
        return new AgendaQuery(types, themes, departements, countries, from, to, online, organisationId, moduleId, text);
    }
}
