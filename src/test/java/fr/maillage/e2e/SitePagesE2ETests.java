package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * The site's shared pages in a real browser: the "page not found" page, in French with the
 * layout, readable on a desktop and a phone, with no serious accessibility violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SitePagesE2ETests.PublicTestPaths.class)
@ExtendWith(BrowserSupport.class)
class SitePagesE2ETests {

    static final String MISSING = "/e2e-introuvable/une-page-qui-n-existe-pas";

    /**
     * Makes the unknown test path and the error page public whatever the application's own
     * security says, so that this test sees the 404 page rather than a login redirect. Matches
     * only those paths, ahead of every other chain.
     */
    @TestConfiguration
    static class PublicTestPaths {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain e2ePublicTestPaths(HttpSecurity http) throws Exception {
            http.securityMatcher("/e2e-introuvable/**", "/error")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void pageNotFoundIsInFrenchWithTheLayoutOnDesktopAndPhone(Page page) {
        for (var viewport : Map.of("bureau", new int[] {1280, 900}, "telephone", new int[] {360, 740}).entrySet()) {
            page.setViewportSize(viewport.getValue()[0], viewport.getValue()[1]);
            Response response = page.navigate("http://localhost:" + port + MISSING);

            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            assertThat(page).hasTitle("Page introuvable – Maillage");
            assertThat(page.locator("main#contenu h1")).hasText("Page introuvable");
            assertThat(page.locator("main#contenu")).containsText("Cette page n'existe pas ou plus.");
            assertThat(page.locator("body")).not().containsText("Not Found");
            assertThat(page.locator(".flash-error")).hasCount(0);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Revenir à l'accueil"))).hasAttribute("href", "/");
            // the layout: skip link, header with the site's name, main navigation, footer
            assertThat(page.locator("a.skip-link")).hasAttribute("href", "#contenu");
            assertThat(page.locator("header .brand-name")).hasText("Maillage");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION,
                    new Page.GetByRoleOptions().setName("Navigation principale"))).isAttached();
            assertThat(page.locator("footer.site-footer")).containsText("Mentions légales");

            BrowserSupport.assertNoSeriousA11yViolations(page);
            BrowserSupport.screenshot(page, "page-introuvable-" + viewport.getKey());
        }
    }

    @Test
    void pageNotFoundSpeaksEnglishToAnEnglishBrowser(Page french) {
        try (BrowserContext english = french.context().browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-GB").setTimezoneId("Europe/London"))) {
            Page page = english.newPage();
            Response response = page.navigate("http://localhost:" + port + MISSING);

            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page).hasTitle("Page not found – Maillage");
            assertThat(page.locator("main#contenu h1")).hasText("Page not found");
            BrowserSupport.assertNoSeriousA11yViolations(page);
        }
    }
}
