package fr.maillage.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * JUnit 5 extension for end-to-end tests in Debian's headless Chromium, driven by Playwright
 * for Java (no browser download). One browser per test class, a fresh context per test
 * (French locale, Paris time zone, 1280×900), injected as a {@link Page} or
 * {@link BrowserContext} parameter of the test method; a screenshot of every open page in
 * {@value #SCREENSHOTS} when a test fails. The class is skipped, with the reason, when
 * {@code /usr/bin/chromium} is missing or {@code -De2e.skip=true}.
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT) &#64;ActiveProfiles("test")
 * &#64;ExtendWith(BrowserSupport.class)
 * class DirectoryE2ETests {
 *     &#64;LocalServerPort int port;
 *     &#64;Test void searches(Page page) {
 *         page.navigate("http://localhost:" + port + "/annuaire");
 *         BrowserSupport.assertNoSeriousA11yViolations(page);
 *     }
 * }
 * </pre>
 */
public class BrowserSupport implements ExecutionCondition, AfterAllCallback, AfterEachCallback, AfterTestExecutionCallback, ParameterResolver {

    public static final Path CHROMIUM = Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    public static final String SCREENSHOTS = "target/e2e-screenshots";
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserSupport.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean("e2e.skip")) {
            return ConditionEvaluationResult.disabled("End-to-end tests skipped (-De2e.skip=true)");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            return ConditionEvaluationResult.disabled("Chromium not found at " + CHROMIUM
                    + ": install it (apt-get install -y chromium) to run the end-to-end tests");
        }
        return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
    }

    // ---------------------------------------------------------------- browser per class, context per test

    private static Browser browser(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getRoot().getStore(NS);
        String key = "browser:" + context.getRequiredTestClass().getName();
        Browser browser = classStore.get(key, Browser.class);
        if (browser == null) {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
            classStore.put(key, browser);
            classStore.put("playwright:" + context.getRequiredTestClass().getName(), playwright);
        }
        return browser;
    }

    private static BrowserContext browserContext(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        BrowserContext browserContext = store.get("context", BrowserContext.class);
        if (browserContext == null) {
            browserContext = browser(context).newContext(new Browser.NewContextOptions()
                    .setLocale("fr-FR")
                    .setTimezoneId("Europe/Paris")
                    .setViewportSize(1280, 900));
            browserContext.setDefaultTimeout(15_000);
            store.put("context", browserContext);
        }
        return browserContext;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BrowserContext browserContext = browserContext(context);
        if (parameter.getParameter().getType() == BrowserContext.class) {
            return browserContext;
        }
        return browserContext.pages().isEmpty() ? browserContext.newPage() : browserContext.pages().get(0);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        BrowserContext browserContext = context.getStore(NS).get("context", BrowserContext.class);
        if (browserContext == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-FAILED";
        List<Page> pages = browserContext.pages();
        for (int i = 0; i < pages.size(); i++) {
            try {
                screenshot(pages.get(i), pages.size() == 1 ? name : name + "-" + (i + 1));
            } catch (RuntimeException e) {
                // the page may have crashed: the test's own failure matters more
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NS).remove("context", BrowserContext.class);
        if (browserContext != null) {
            browserContext.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getRoot().getStore(NS);
        Browser browser = classStore.remove("browser:" + context.getRequiredTestClass().getName(), Browser.class);
        Playwright playwright = classStore.remove("playwright:" + context.getRequiredTestClass().getName(), Playwright.class);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    // ---------------------------------------------------------------- helpers for tests

    /** Saves a full-page screenshot as {@code target/e2e-screenshots/<name>.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = Paths.get(SCREENSHOTS, name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and fails listing every violation
     * of impact serious or critical, with the offending nodes.
     */
    /**
     * Looks at the current page as its users would: at 1280 px and at 360 px wide, each checked with
     * axe-core (no serious or critical violation) and kept as {@code <name>-bureau.png} and
     * {@code <name>-telephone.png}; the page is left at desktop width.
     */
    public static void lookAtBothWidths(Page page, String name) {
        page.setViewportSize(1280, 900);
        assertNoSeriousA11yViolations(page);
        screenshot(page, name + "-bureau");
        page.setViewportSize(360, 740);
        assertNoSeriousA11yViolations(page);
        screenshot(page, name + "-telephone");
        page.setViewportSize(1280, 900);
    }

    public static void assertNoSeriousA11yViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        if (results.isErrored()) {
            fail("axe-core failed on " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            fail(serious.size() + " serious or critical accessibility violation(s) on " + page.url() + ":\n"
                    + serious.stream().map(BrowserSupport::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        StringBuilder s = new StringBuilder()
                .append("- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ").append(rule.getHelp())
                .append(" (").append(rule.getHelpUrl()).append(")");
        for (CheckedNode node : rule.getNodes()) {
            s.append("\n    ").append(node.getTarget()).append("  ").append(node.getHtml());
            if (node.getFailureSummary() != null) {
                s.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
            }
        }
        return s.toString();
    }
}
