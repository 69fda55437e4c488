package fr.maillage.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts facade for other modules: they refer to people by id and look them up here
 * (name, e-mail, preferred locale, role).
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

    private final PersonRepository people;

    Accounts(PersonRepository people) {
        this.people = people;
    }

    /** The person, unless unknown or deleted. */
    public Optional<PersonSummary> find(long personId) {
        return people.findById(personId).filter(p -> !p.isDeleted()).map(Person::summary);
    }

    /** The people found among these ids (unknown and deleted ones are left out), by id. */
    public Map<Long, PersonSummary> findAll(Collection<Long> personIds) {
        return people.findAllById(personIds).stream().filter(p -> !p.isDeleted())
                .map(Person::summary)
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /** By e-mail, case-insensitively. */
    public Optional<PersonSummary> findByEmail(String email) {
        return people.findByEmail(Person.normaliseEmail(email)).filter(p -> !p.isDeleted()).map(Person::summary);
    }

    /** The network's team (staff and administrators), to notify them. */
    public List<PersonSummary> staff() {
        return people.findByRoleInAndDeletedAtIsNullOrderByDisplayName(EnumSet.of(Role.STAFF, Role.ADMIN)).stream()
                .map(Person::summary).toList();
    }

    public long countPeople() {
        return people.countByDeletedAtIsNull();
    }
}
