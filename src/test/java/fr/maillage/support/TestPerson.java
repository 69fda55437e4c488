package fr.maillage.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person for MockMvc tests: {@code .with(user(TestPerson.staff(1)))}. */
public record TestPerson(long personId, String email, String displayName, boolean isStaff, boolean isAdmin)
        implements CurrentPerson, UserDetails {

    public static TestPerson member(long id) {
        return new TestPerson(id, "member" + id + "@example.org", "Membre " + id, false, false);
    }

    public static TestPerson staff(long id) {
        return new TestPerson(id, "staff" + id + "@example.org", "Équipe " + id, true, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> roles = new ArrayList<>();
        roles.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
        if (isStaff || isAdmin) {
            roles.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        if (isAdmin) {
            roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
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
