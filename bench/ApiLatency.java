import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency and throughput client of the Maillage benchmark (JDK only, single-file launch):
 *
 * <pre>
 * java bench/ApiLatency.java --base http://127.0.0.1:8099 --path /api/v1/organisations \
 *      --queries bench/queries.txt --warmup 500 --requests 2000 --concurrency 1 --label "API c=1"
 * </pre>
 *
 * Sends the query mix in turn (each worker starts at a different place), after a warm-up that
 * is not measured, and prints the latency percentiles (p50, p95, p99, max), the throughput and
 * the errors (any status but 200, or a timeout). The last line is a Markdown table row:
 * {@code | label | requests | concurrency | p50 | p95 | p99 | max | req/s | errors |}.
 */
public class ApiLatency {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String base = opt.getOrDefault("base", "http://127.0.0.1:8099");
        String path = opt.getOrDefault("path", "/api/v1/organisations");
        List<String> queries = queries(Path.of(opt.getOrDefault("queries", "bench/queries.txt")));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "500"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "1"));
        String label = opt.getOrDefault("label", path + " c=" + concurrency);
        String accept = opt.getOrDefault("accept", path.startsWith("/api/") ? "application/json" : "text/html");
        Duration timeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "10")));
        boolean verbose = opt.containsKey("verbose");

        if (!base.matches("https?://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?")) {
            throw new IllegalArgumentException("The benchmark only talks to the loopback interface: " + base);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, concurrency)))
                .build();
        List<URI> uris = queries.stream().map(q -> URI.create(base + path + (q.isEmpty() ? "" : "?" + q))).toList();

        // warm-up (JIT, caches, index readers), the same mix, not measured
        Map<String, Integer> warmupErrors = new TreeMap<>();
        run(client, uris, warmup, Math.max(concurrency, 4), accept, timeout, new long[warmup], warmupErrors, verbose);

        long[] nanos = new long[requests];
        Map<String, Integer> errors = new TreeMap<>();
        long start = System.nanoTime();
        run(client, uris, requests, concurrency, accept, timeout, nanos, errors, verbose);
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = ms(percentile(sorted, 50));
        double p95 = ms(percentile(sorted, 95));
        double p99 = ms(percentile(sorted, 99));
        double max = ms(sorted[sorted.length - 1]);
        double rps = requests / seconds;
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();

        System.out.printf(Locale.ROOT, "%s: %d requests at concurrency %d over %d queries in %.1f s%n", label, requests, concurrency, uris.size(), seconds);
        System.out.printf(Locale.ROOT, "  latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p50, p95, p99, max);
        System.out.printf(Locale.ROOT, "  throughput: %.0f requests/s   errors: %d %s%n", rps, errorCount, errors.isEmpty() ? "" : errors);
        if (!warmupErrors.isEmpty()) {
            System.out.println("  errors during warm-up: " + warmupErrors);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n",
                label, requests, concurrency, p50, p95, p99, max, rps, errorCount);
        client.executor().ifPresent(e -> ((ExecutorService) e).shutdownNow());
        System.exit(0);
    }

    /** Sends {@code count} requests with {@code concurrency} workers; records each latency in {@code nanos}. */
    static void run(HttpClient client, List<URI> uris, int count, int concurrency, String accept, Duration timeout,
            long[] nanos, Map<String, Integer> errors, boolean verbose) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int offset = w * 7;
            workers.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    URI uri = uris.get((i + offset) % uris.size());
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                            .header("Accept", accept).header("Accept-Language", "fr-FR,fr;q=0.9").GET().build();
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            error = "HTTP " + response.statusCode();
                        } else if (response.body().length == 0) {
                            error = "empty body";
                        }
                    } catch (IOException e) {
                        error = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    nanos[i] = System.nanoTime() - t0;
                    if (error != null) {
                        synchronized (errors) {
                            errors.merge(error, 1, Integer::sum);
                        }
                        if (verbose) {
                            System.err.println(error + " " + uri);
                        }
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            throw new IllegalStateException("The run did not finish within 30 minutes");
        }
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static List<String> queries(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No query in " + file);
        }
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                opt.put(key, args[++i]);
            } else {
                opt.put(key, "true");
            }
        }
        return opt;
    }
}
