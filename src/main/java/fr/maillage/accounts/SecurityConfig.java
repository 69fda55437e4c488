package fr.maillage.accounts;

import java.io.IOException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may see what. Visitors see every public page and the read-only API; signed-in people their
 * space and the referencing forms; staff the admin area. Login by form at {@code /connexion}
 * (rate-limited), "remember me" with persistent tokens in the database, logout by POST to
 * {@code /deconnexion}, CSRF on every form, a strict Content Security Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /** Only this origin; inline styles are allowed (layout colours, htmx and Leaflet set style attributes). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The embeddable agenda ({@code /agenda/widget}) is made to be framed by members' sites: the
     * same policy, but any site may frame it, and no X-Frame-Options. Every other path keeps
     * {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}.
     */
    static final String FRAMEABLE_PATH = "/agenda/widget";
    static final String FRAMEABLE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    static final String REMEMBER_ME_PARAMETER = "seSouvenir";
    static final String REMEMBER_ME_COOKIE = "maillage_souvenir";
    /** Session attribute: the e-mail typed at the last failed login, to fill the form again. */
    static final String LAST_EMAIL = "maillage.lastLoginEmail";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // {bcrypt} by default, upgradable
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("STAFF")
                .role("STAFF").implies("MEMBER")
                .build();
    }

    @Bean
    PersistentTokenRepository persistentTokenRepository(DataSource dataSource) {
        JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PersonUserDetailsService userDetails,
                                            PasswordEncoder passwordEncoder, LoginThrottle throttle,
                                            PersistentTokenRepository tokens, AccountsProperties properties,
                                            LoginEvents loginEvents, LocaleResolver localeResolver,
                                            PersonRepository people) throws Exception {
        String rememberMeKey = properties.rememberMeKey().isBlank() ? UUID.randomUUID().toString() : properties.rememberMeKey();

        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(passwordEncoder);
        ProviderManager authenticationManager = new ProviderManager(
                new ThrottledAuthenticationProvider(dao, throttle),
                new RememberMeAuthenticationProvider(rememberMeKey));

        PersistentTokenBasedRememberMeServices rememberMe = new PersistentTokenBasedRememberMeServices(rememberMeKey, userDetails, tokens) {
            @Override
            protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request, HttpServletResponse response) {
                UserDetails user = super.processAutoLoginCookie(cookieTokens, request, response);
                if (user instanceof SignedInPerson person) {
                    loginEvents.signedIn(person.personId());
                }
                return user;
            }
        };
        rememberMe.setParameter(REMEMBER_ME_PARAMETER);
        rememberMe.setCookieName(REMEMBER_ME_COOKIE);
        rememberMe.setTokenValiditySeconds((int) properties.rememberMeValidity().toSeconds());

        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof SignedInPerson person) {
                    loginEvents.signedIn(person.personId());
                    localeResolver.setLocale(request, response, person.locale());
                }
                if (request.getSession(false) != null) {
                    request.getSession(false).removeAttribute(LAST_EMAIL);
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/mon-espace");

        http.authenticationManager(authenticationManager)
                .addFilterAfter(new SessionCheckFilter(people), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin", "/admin/**").hasRole("STAFF")
                        .requestMatchers("/mon-espace", "/mon-espace/**", "/se-referencer", "/se-referencer/**",
                                "/acteurs/*/modifier", "/acteurs/*/modifier/**",
                                "/acteurs/*/rejoindre", "/acteurs/*/rejoindre/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("motDePasse")
                        .successHandler(success)
                        .failureHandler(failureHandler())
                        .permitAll())
                .rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMeKey))
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/?deconnecte")
                        .deleteCookies(REMEMBER_ME_COOKIE))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(SecurityConfig::framingHeaders)
                        .referrerPolicy(rp -> rp.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** The Content Security Policy and X-Frame-Options of a response: framing allowed for {@link #FRAMEABLE_PATH} only. */
    static void framingHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean frameable = FRAMEABLE_PATH.equals(path);
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", frameable ? FRAMEABLE_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        }
        if (!frameable && !response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    /** Back to the login page with the reason; the typed e-mail is kept for the form. */
    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String email = request.getParameter("email");
            if (email != null && email.length() <= 320) {
                request.getSession().setAttribute(LAST_EMAIL, email.strip());
            }
            String reason = exception instanceof LoginExceptions.TooManyAttempts ? "trop"
                    : exception instanceof LoginExceptions.EmailNotVerified ? "non-confirme"
                    : "identifiants";
            response.sendRedirect(request.getContextPath() + "/connexion?erreur=" + reason);
        };
    }
}
