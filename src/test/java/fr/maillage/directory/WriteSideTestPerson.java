package fr.maillage.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person for tests, usable with {@code user(person)} in MockMvc. */
record WriteSideTestPerson(long personId, String email, String displayName, boolean isStaff) implements CurrentPerson, UserDetails {

    private static final AtomicLong IDS = new AtomicLong(900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L);

    static WriteSideTestPerson member(String name) {
        long id = IDS.incrementAndGet();
        return new WriteSideTestPerson(id, "person" + id + "@exemple.test", name, false);
    }

    static WriteSideTestPerson staff(String name) {
        long id = IDS.incrementAndGet();
        return new WriteSideTestPerson(id, "staff" + id + "@exemple.test", name, true);
    }

    @Override
    public boolean isAdmin() {
        return false;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> roles = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
        if (isStaff) {
            roles.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        return roles;
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return email;
    }
}
