import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client of the registration benchmark (JDK only, single-file launch: {@code java bench/RegistrationBench.java ...}),
 * driving the portal over HTTP as people do, with their own signed-in sessions:
 *
 * <pre>
 * java bench/RegistrationBench.java signup   --base http://127.0.0.1:8096 --people 200 --prefix bench.reg
 * java bench/RegistrationBench.java register --base http://127.0.0.1:8096 --people 200 --prefix bench.reg \
 *      --links links.txt --event rencontre-2027-01-10 [--warmup warmup-event-slug]
 * </pre>
 *
 * {@code signup} creates the accounts through the sign-up form ({@code POST /inscription}).
 * {@code register} opens each confirmation link of {@code --links} (read from the outbox by the
 * script), signs every person in ({@code POST /connexion}, one session each), opens the
 * registration form of the event for each (its CSRF token), optionally warms the portal up with
 * a registration of the first 20 people to another event, then sends the 200 registrations at
 * once (all threads released together) and prints: how many got the expected redirect to their
 * registration page, the errors, the time to settle (first request sent to last response
 * received) and the latency percentiles of the registration requests. The last line is a
 * Markdown table row.
 */
public class RegistrationBench {

    static final String PASSWORD = "Bench-Inscriptions-2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    RegistrationBench(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: RegistrationBench signup|register --base URL --people N --prefix P [--links FILE --event SLUG --warmup SLUG]");
            System.exit(2);
        }
        Map<String, String> opt = options(Arrays.copyOfRange(args, 1, args.length));
        RegistrationBench bench = new RegistrationBench(opt.getOrDefault("base", "http://127.0.0.1:8096"));
        int people = Integer.parseInt(opt.getOrDefault("people", "200"));
        String prefix = opt.getOrDefault("prefix", "bench.reg");
        switch (args[0]) {
            case "signup" -> bench.signUp(people, prefix);
            case "register" -> bench.register(people, prefix, Path.of(opt.get("links")), opt.get("event"), opt.get("warmup"));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String email(String prefix, int i) {
        return prefix + "." + i + "@example.org";
    }

    // ------------------------------------------------------------------ accounts

    void signUp(int people, String prefix) throws Exception {
        long t0 = System.nanoTime();
        List<Integer> failed = parallel(4, people, i -> {
            Session s = new Session();
            String page = s.get("/inscription").body();
            String form = form("displayName", "Participant " + i, "email", email(prefix, i), "password", PASSWORD,
                    "privacyAccepted", "true", "_privacyAccepted", "on", "_csrf", csrf(page));
            HttpResponse<String> r = s.post("/inscription", form);
            return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/inscription/merci");
        });
        System.out.printf(Locale.ROOT, "signed up %d accounts in %d ms (%d failed: %s)%n", people - failed.size(),
                (System.nanoTime() - t0) / 1_000_000, failed.size(), failed);
        if (!failed.isEmpty()) {
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ the burst

    void register(int people, String prefix, Path links, String event, String warmup) throws Exception {
        List<String> confirmations = Files.readAllLines(links).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        long t0 = System.nanoTime();
        List<Integer> bad = parallel(4, confirmations.size(), i -> {
            HttpResponse<String> r = new Session().get(path(confirmations.get(i)));
            return r.statusCode() == 302;
        });
        System.out.printf(Locale.ROOT, "confirmed %d addresses in %d ms (%d failed)%n", confirmations.size() - bad.size(),
                (System.nanoTime() - t0) / 1_000_000, bad.size());

        // one signed-in session per person, the form opened (its CSRF token)
        Session[] sessions = new Session[people];
        String[] tokens = new String[people];
        t0 = System.nanoTime();
        List<Integer> notIn = parallel(4, people, i -> {
            Session s = new Session();
            String login = s.get("/connexion").body();
            HttpResponse<String> r = s.post("/connexion", form("email", email(prefix, i), "motDePasse", PASSWORD, "_csrf", csrf(login)));
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("erreur")) {
                return false;
            }
            String page = s.get("/agenda/" + event + "/inscription").body();
            if (!page.contains("name=\"structure\"") && !page.contains("type=\"submit\"")) {
                return false;
            }
            sessions[i] = s;
            tokens[i] = csrf(page);
            return true;
        });
        System.out.printf(Locale.ROOT, "signed in %d people and opened the form in %d ms (%d failed: %s)%n", people - notIn.size(),
                (System.nanoTime() - t0) / 1_000_000, notIn.size(), notIn);
        if (!notIn.isEmpty()) {
            System.exit(1);
        }

        if (warmup != null && !warmup.isBlank()) {
            int n = Math.min(20, people);
            List<Integer> w = parallel(4, n, i -> {
                String page = sessions[i].get("/agenda/" + warmup + "/inscription").body();
                return sessions[i].post("/agenda/" + warmup + "/inscription", form("structure", "", "_csrf", csrf(page))).statusCode() == 302;
            });
            System.out.printf(Locale.ROOT, "warm-up: %d registrations to another event (%d failed)%n", n - w.size(), w.size());
        }

        // the burst: every thread ready, then released at once
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch ready = new CountDownLatch(people);
        CountDownLatch go = new CountDownLatch(1);
        long[] sent = new long[people];
        long[] received = new long[people];
        int[] status = new int[people];
        String[] location = new String[people];
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            final int i = p;
            futures.add(pool.submit(() -> {
                String body = form("structure", "", "_csrf", tokens[i]);
                HttpRequest request = sessions[i].request("/agenda/" + event + "/inscription")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                ready.countDown();
                go.await();
                sent[i] = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    status[i] = r.statusCode();
                    location[i] = r.headers().firstValue("Location").orElse("");
                } catch (IOException e) {
                    status[i] = -1;
                    location[i] = e.toString();
                }
                received[i] = System.nanoTime();
                return null;
            }));
        }
        ready.await(60, TimeUnit.SECONDS);
        go.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long first = Arrays.stream(sent).min().orElseThrow();
        long last = Arrays.stream(received).max().orElseThrow();
        double[] latencies = new double[people];
        int ok = 0;
        Map<String, Integer> errors = new TreeMap<>();
        for (int i = 0; i < people; i++) {
            latencies[i] = (received[i] - sent[i]) / 1e6;
            if (status[i] == 302 && location[i].contains("/agenda/inscriptions/")) {
                ok++;
            } else {
                errors.merge(status[i] + " " + location[i], 1, Integer::sum);
            }
        }
        Arrays.sort(latencies);
        double settle = (last - first) / 1e6;
        System.out.printf(Locale.ROOT, "registrations answered with the person's registration page: %d of %d; errors: %d %s%n",
                ok, people, people - ok, errors);
        System.out.printf(Locale.ROOT, "time to settle (first request sent -> last response received): %.0f ms%n", settle);
        System.out.printf(Locale.ROOT, "latency of the registration requests: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1]);
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %.0f | %.0f | %.0f |%n", people, ok, people - ok, settle,
                pct(latencies, 50), pct(latencies, 95), latencies[latencies.length - 1]);
    }

    // ------------------------------------------------------------------ HTTP with one session per person

    final class Session {
        String cookie;

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", "fr");
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return b;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return keep(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return keep(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> keep(HttpResponse<String> r) {
            for (String c : r.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION.matcher(c);
                if (m.find()) {
                    cookie = m.group(1);
                }
            }
            return r;
        }
    }

    interface Step {
        boolean run(int i) throws Exception;
    }

    /** Runs {@code step} for 0..n-1 on {@code threads} threads; returns the indexes that failed. */
    static List<Integer> parallel(int threads, int n, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int k = i;
            Callable<Boolean> c = () -> {
                try {
                    return step.run(k);
                } catch (Exception e) {
                    System.err.println("#" + k + ": " + e);
                    return false;
                }
            };
            results.add(pool.submit(c));
        }
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!results.get(i).get(300, TimeUnit.SECONDS)) {
                failed.add(i);
            }
        }
        pool.shutdown();
        return failed;
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return Optional.ofNullable(m.group(1)).orElse(m.group(2));
    }

    static String path(String link) {
        String p = link.replaceFirst("^https?://[^/]+", "");
        return p.startsWith("/") ? p : "/" + p;
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }
}
