package fr.maillage.accounts;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with the account it was opened for. The principal kept in
 * the session is a copy taken at login, so without this check a deleted account, a password
 * reset (a stolen session) or a removed staff role would go on acting until the session expired.
 * On each request of a signed-in person (one lookup by id): a deleted account or a password
 * changed since the login ends the session; a changed role or name refreshes the principal.
 * Static files are not checked.
 */
class SessionCheckFilter extends OncePerRequestFilter {

    private final PersonRepository people;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionCheckFilter(PersonRepository people) {
        this.people = people;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/geo/") || path.startsWith("/fichiers/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson signedIn) {
            Optional<Person> found = people.findById(signedIn.personId());
            if (found.isEmpty() || found.get().isDeleted() || found.get().passwordHash == null
                    || !SignedInPerson.credentialsStamp(found.get().passwordHash).equals(signedIn.credentialsStamp())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (changed(signedIn, found.get())) {
                SignedInPerson fresh = new SignedInPerson(found.get());
                UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities());
                refreshed.setDetails(authentication.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean changed(SignedInPerson signedIn, Person person) {
        return signedIn.role() != person.role || !Objects.equals(signedIn.email(), person.email)
                || !Objects.equals(signedIn.displayName(), person.displayName)
                || !Objects.equals(signedIn.locale(), person.preferredLocale());
    }
}
