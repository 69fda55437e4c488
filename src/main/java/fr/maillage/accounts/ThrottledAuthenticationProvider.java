package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * E-mail and password login, rate-limited: refused without checking the password once the
 * e-mail or the client address has too many recent failures. The password is checked before
 * the "e-mail not verified" refusal, so that refusal never tells a stranger that an address has
 * an account.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** BCrypt only reads 72 bytes; longer passwords are refused at sign-up. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
        delegate.setPostAuthenticationChecks(user -> {
            if (user instanceof SignedInPerson person && !person.emailVerified()) {
                throw new LoginExceptions.EmailNotVerified();
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (throttle.isBlocked(email, ip)) {
            throw new LoginExceptions.TooManyAttempts();
        }
        Object credentials = authentication.getCredentials();
        try {
            if (credentials == null || credentials.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
                throw new BadCredentialsException("Bad credentials");
            }
            Authentication result = delegate.authenticate(authentication);
            throttle.clear(email);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email, ip);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
