package fr.maillage.accounts;

import java.time.Instant;
import java.util.List;

import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff's view of people: search, confirm an address by hand; administrators change roles. Every change is logged. */
@Service
@Transactional
public class PeopleAdmin {

    public static final int PAGE_SIZE = 30;

    public record Result(List<PersonSummary> items, long total, int page, int totalPages) {
    }

    private final PersonRepository people;
    private final StaffActions staffActions;

    PeopleAdmin(PersonRepository people, StaffActions staffActions) {
        this.people = people;
        this.staffActions = staffActions;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('STAFF')")
    public Result search(String q, Role role, Boolean emailVerified, int page) {
        String query = q == null ? "" : q.strip().toLowerCase().replace("%", "").replace("_", "");
        var result = people.search(query, role, emailVerified, PageRequest.of(Math.min(Math.max(0, page), Integer.MAX_VALUE / PAGE_SIZE - 1), PAGE_SIZE));
        return new Result(result.map(Person::summary).getContent(), result.getTotalElements(), result.getNumber(),
                result.getTotalPages());
    }

    /** Only administrators grant or remove the staff and administrator roles; the last administrator stays one. */
    @PreAuthorize("hasRole('ADMIN')")
    public void changeRole(CurrentPerson actor, long personId, Role role) {
        if (actor == null || !actor.isAdmin()) {
            throw new AccountException("role", "admin.people.role.forbidden");
        }
        Person person = people.findById(personId).filter(p -> !p.isDeleted())
                .orElseThrow(() -> new AccountException(null, "accounts.person.unknown"));
        if (person.role == role) {
            return;
        }
        if (person.role == Role.ADMIN && people.countByRoleAndDeletedAtIsNull(Role.ADMIN) <= 1) {
            throw new AccountException("role", "admin.people.role.last-admin");
        }
        Role before = person.role;
        person.role = role;
        staffActions.record(actor, "person.role", "person", person.id, before + " → " + role + " (" + person.email + ")");
    }

    /** Marks an address confirmed, e.g. when the person could not receive the link. */
    @PreAuthorize("hasRole('STAFF')")
    public void markEmailVerified(CurrentPerson actor, long personId) {
        Person person = people.findById(personId).filter(p -> !p.isDeleted())
                .orElseThrow(() -> new AccountException(null, "accounts.person.unknown"));
        if (!person.emailVerified) {
            person.emailVerified = true;
            staffActions.record(actor, "person.verify", "person", person.id, person.email);
        }
    }

    @Transactional(readOnly = true)
    public long countCreatedSince(Instant since) {
        return people.countByDeletedAtIsNullAndCreatedAtAfter(since);
    }
}
