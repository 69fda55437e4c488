package fr.maillage.agenda;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a registration form sends. {@code fullName} and {@code email} are read only when staff
 * register someone (a person registering themselves is known by their account). The structure
 * represented is one of the person's structures ({@code organisationId}) or a name typed with
 * its département ({@code organisationName}, {@code departement}); both empty: the person comes
 * on their own. {@code sessionIds}: the chosen sessions of the programme; {@code answers}: the
 * answers to the custom questions by question id (YES_NO answers are {@code YES} or {@code NO},
 * CHOICE answers one of the choices as written).
 */
public record RegistrationRequest(String fullName, String email, Long organisationId, String organisationName, String departement,
                                  Set<Long> sessionIds, Map<Long, String> answers) {

    public RegistrationRequest {
        sessionIds = sessionIds == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(sessionIds));
        answers = answers == null ? Map.of() : Map.copyOf(withoutNulls(answers));
    }

    /** A person registering themselves, on their own, without sessions nor answers. */
    public static RegistrationRequest self() {
        return new RegistrationRequest(null, null, null, null, null, Set.of(), Map.of());
    }

    /** For {@code structure}, one of the person's structures. */
    public static RegistrationRequest forStructure(long structure) {
        return new RegistrationRequest(null, null, structure, null, null, Set.of(), Map.of());
    }

    /** Someone staff register, by name and address. */
    public static RegistrationRequest someone(String fullName, String email) {
        return new RegistrationRequest(fullName, email, null, null, null, Set.of(), Map.of());
    }

    public RegistrationRequest withSessions(Set<Long> sessions) {
        return new RegistrationRequest(fullName, email, organisationId, organisationName, departement, sessions, answers);
    }

    public RegistrationRequest withAnswers(Map<Long, String> values) {
        return new RegistrationRequest(fullName, email, organisationId, organisationName, departement, sessionIds, values);
    }

    public RegistrationRequest withTypedStructure(String name, String dep) {
        return new RegistrationRequest(fullName, email, null, name, dep, sessionIds, answers);
    }

    private static Map<Long, String> withoutNulls(Map<Long, String> answers) {
        Map<Long, String> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
