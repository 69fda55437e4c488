package fr.maillage.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a person by e-mail for login and "remember me"; deleted accounts never sign in. */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final PersonRepository people;

    PersonUserDetailsService(PersonRepository people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return people.findByEmail(Person.normaliseEmail(email))
                .filter(p -> !p.isDeleted() && p.passwordHash != null)
                .map(SignedInPerson::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
