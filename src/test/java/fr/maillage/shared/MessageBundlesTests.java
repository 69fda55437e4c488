package fr.maillage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every messages bundle exists in French ({@code <module>.properties}) and English
 * ({@code <module>_en.properties}) with exactly the same keys and no empty value, so that no
 * page ever shows a raw key or falls back to the other language.
 */
class MessageBundlesTests {

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            bundles.put(resource.getFilename(), load(resource));
        }
        assertThat(bundles.keySet()).as("message bundles").contains("shared.properties", "reference.properties", "accounts.properties",
                "mail.properties", "directory.properties", "site.properties", "admin.properties");
        assertThat(problems(bundles)).as("message bundle problems").isEmpty();
    }

    /** French typography: a non-breaking space before : ; ! ? and inside « », never a plain space. */
    @Test
    void noKeyIsDefinedTwiceInABundle() throws IOException {
        java.util.List<String> twice = new java.util.ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            String text = new String(resource.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\\R")) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                if (!seen.add(key)) {
                    twice.add(resource.getFilename() + ": " + key);
                }
            }
        }
        assertThat(twice).as("keys defined twice (the last one wins silently)").isEmpty();
    }

    @Test
    void frenchMessagesUseNonBreakingSpacesBeforeDoublePunctuation() throws IOException {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            if (resource.getFilename().endsWith("_en.properties")) {
                continue;
            }
            Properties bundle = load(resource);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (value.matches("(?s).* [:;!?](\\s.*|$)") || value.contains("« ") || value.contains(" »")) {
                    wrong.add(resource.getFilename() + ": " + key + "=" + value);
                }
            }
        }
        assertThat(wrong).as("French messages with a plain space before : ; ! ? or inside « »").isEmpty();
    }

    @Test
    void reportsMissingKeysPerFileEmptyValuesAndMissingLanguages() {
        Properties fr = new Properties();
        fr.setProperty("a", "Un");
        fr.setProperty("b", "Deux");
        fr.setProperty("vide", " ");
        Properties en = new Properties();
        en.setProperty("a", "One");
        en.setProperty("c", "Three");
        en.setProperty("vide", "Empty");
        Properties other = new Properties();
        other.setProperty("x", "X");

        assertThat(problems(Map.of("demo.properties", fr, "demo_en.properties", en, "seul.properties", other))).containsExactly(
                "messages/demo_en.properties lacks 1 key(s): b",
                "messages/demo.properties lacks 1 key(s): c",
                "messages/demo.properties has empty value(s) for: vide",
                "messages/seul_en.properties (English) is missing");
    }

    /** What is wrong with a set of bundles (file name to content), one line per file and kind of problem. */
    static List<String> problems(Map<String, Properties> bundles) {
        Set<String> modules = new TreeSet<>();
        bundles.keySet().forEach(file -> modules.add(file.replaceFirst("(_[a-z]{2})?\\.properties$", "")));
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            Properties fr = bundles.get(module + ".properties");
            Properties en = bundles.get(module + "_en.properties");
            if (fr == null) {
                problems.add("messages/" + module + ".properties (French) is missing");
                continue;
            }
            if (en == null) {
                problems.add("messages/" + module + "_en.properties (English) is missing");
                continue;
            }
            missing(problems, module + "_en.properties", fr, en);
            missing(problems, module + ".properties", en, fr);
            empty(problems, module + ".properties", fr);
            empty(problems, module + "_en.properties", en);
        }
        for (String file : new TreeSet<>(bundles.keySet())) {
            if (!file.matches("[a-z-]+(_en)?\\.properties")) {
                problems.add("messages/" + file + ": unexpected bundle (only French <module>.properties and English <module>_en.properties)");
            }
        }
        return problems;
    }

    private static void missing(List<String> problems, String file, Properties reference, Properties checked) {
        Set<String> keys = new TreeSet<>(reference.stringPropertyNames());
        keys.removeAll(checked.stringPropertyNames());
        if (!keys.isEmpty()) {
            problems.add("messages/" + file + " lacks " + keys.size() + " key(s): " + String.join(", ", keys));
        }
    }

    private static void empty(List<String> problems, String file, Properties bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().forEach(k -> {
            if (bundle.getProperty(k).isBlank()) {
                keys.add(k);
            }
        });
        if (!keys.isEmpty()) {
            problems.add("messages/" + file + " has empty value(s) for: " + String.join(", ", keys));
        }
    }

    private static Properties load(Resource resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = resource.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
