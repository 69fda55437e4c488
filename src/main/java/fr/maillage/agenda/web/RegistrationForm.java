package fr.maillage.agenda.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.agenda.RegistrationRequest;

/**
 * The registration form as sent: {@code structure} is the id of one of the person's structures,
 * {@value #OTHER} (a structure typed with its département) or empty (on their own);
 * {@code answers[<question id>]} the answers; {@code fullName} and {@code email} only on the
 * staff form that registers someone.
 */
public class RegistrationForm {

    static final String OTHER = "autre";

    private String structure = "";
    private String organisationName = "";
    private String departement = "";
    private List<String> sessionIds = new ArrayList<>();
    private Map<String, String> answers = new LinkedHashMap<>();
    private String fullName = "";
    private String email = "";

    RegistrationRequest toRequest() {
        Long organisationId = null;
        String name = null;
        String dep = null;
        if (OTHER.equals(structure)) {
            name = organisationName;
            dep = departement;
        } else if (structure != null && !structure.isBlank()) {
            organisationId = parse(structure);
            if (organisationId == null) {
                organisationId = -1L;
            }
        }
        return new RegistrationRequest(fullName, email, organisationId, name, dep, sessions(), answers());
    }

    /** The staff form: a name and an address, and a structure typed (found in the directory when it is there). */
    RegistrationRequest toStaffRequest() {
        return new RegistrationRequest(fullName, email, null, organisationName, departement, sessions(), answers());
    }

    Set<Long> sessions() {
        Set<Long> out = new LinkedHashSet<>();
        for (String s : sessionIds) {
            Long id = parse(s);
            out.add(id == null ? -1L : id);
        }
        return out;
    }

    private Map<Long, String> answers() {
        Map<Long, String> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            Long id = parse(k);
            if (id != null && v != null) {
                out.put(id, v);
            }
        });
        return out;
    }

    static Long parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean chose(Object sessionId) {
        return sessionIds.contains(String.valueOf(sessionId));
    }

    public String answer(Object questionId) {
        return answers.getOrDefault(String.valueOf(questionId), "");
    }

    public String getStructure() {
        return structure;
    }

    public void setStructure(String structure) {
        this.structure = structure == null ? "" : structure;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName == null ? "" : organisationName;
    }

    public String getDepartement() {
        return departement;
    }

    public void setDepartement(String departement) {
        this.departement = departement == null ? "" : departement;
    }

    public List<String> getSessionIds() {
        return sessionIds;
    }

    public void setSessionIds(List<String> sessionIds) {
        this.sessionIds = sessionIds == null ? new ArrayList<>() : new ArrayList<>(sessionIds);
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, String> answers) {
        this.answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName == null ? "" : fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }
}
