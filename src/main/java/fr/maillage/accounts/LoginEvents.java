package fr.maillage.accounts;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What happens when someone signs in: the last login date is kept, the failures forgotten. */
@Component
class LoginEvents {

    private final PersonRepository people;

    LoginEvents(PersonRepository people) {
        this.people = people;
    }

    @Transactional
    void signedIn(long personId) {
        people.findById(personId).ifPresent(p -> p.lastLoginAt = Instant.now());
    }
}
