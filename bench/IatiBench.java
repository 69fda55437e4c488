import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.CookieManager;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The IATI benchmark's client (bench/iati.sh runs it; JDK only, no dependency):
 *
 * <pre>
 * java bench/IatiBench.java generate FILE MEGABYTES [SEED]      a realistic IATI 2.03 file of about that size
 * java bench/IatiBench.java generate-count FILE COUNT PREFIX    COUNT small activities (to top the projects up)
 * java -Diati.schema=XSD bench/IatiBench.java parse FILE [PASSES]
 *                                                               parse-only StAX pass(es): best MB/s; also, for scale,
 *                                                               a SAX pass and a SAX pass through the schema validator
 * java bench/IatiBench.java import BASE EMAIL PASSWORD FILE STRUCTURE_SLUG
 *                                                               upload, analysis, run over HTTP, as a browser does
 * java bench/IatiBench.java export BASE PATH OUT                 downloads an export, streamed to OUT
 * </pre>
 *
 * Every command prints one line of "key=value" figures on stdout.
 */
public class IatiBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024, args.length > 3 ? Long.parseLong(args[3]) : 2026);
            case "generate-count" -> generateCount(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
            case "parse" -> parse(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            case "import" -> importFile(args[1], args[2], args[3], Path.of(args[4]), args[5]);
            case "export" -> export(args[1], args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ------------------------------------------------------------------ generating files

    static final String[] COUNTRIES = {"SN", "ML", "BF", "MG", "BJ", "CM", "HT", "MA", "TG", "NE", "CI", "GN", "VN", "KH", "TN"};
    static final String[] SECTORS = {"14030", "14031", "14032", "12220", "12240", "12250", "11220", "11330", "31120", "31161", "43040",
            "15150", "16010", "23210", "41010", "72010"};
    static final String[] WORDS = ("accès eau potable assainissement hygiène santé communautaire éducation formation professionnelle "
            + "agriculture maraîchage élevage coopérative femmes jeunes village commune forage latrines école dispensaire énergie "
            + "solaire micro-crédit gouvernance locale plaidoyer sensibilisation nutrition semences irrigation reboisement").split(" ");

    static void generate(Path file, long bytes, long seed) throws IOException {
        Random r = new Random(seed);
        long count = 0;
        try (Counting out = new Counting(Files.newOutputStream(file))) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2026-01-01T00:00:00Z\">\n");
            while (out.count < bytes) {
                count++;
                w.write(activity(r, "XI-BENCH-" + seed + "-" + count, true));
                if (count % 100 == 0) {
                    w.flush();
                }
            }
            w.write("</iati-activities>\n");
            w.flush();
        }
        System.out.printf(Locale.ROOT, "file=%s bytes=%d activities=%d%n", file, Files.size(file), count);
    }

    static void generateCount(Path file, int n, String prefix) throws IOException {
        Random r = new Random(prefix.hashCode());
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n");
            for (int i = 1; i <= n; i++) {
                w.write(activity(r, prefix + "-" + i, false));
            }
            w.write("</iati-activities>\n");
        }
        System.out.printf(Locale.ROOT, "file=%s bytes=%d activities=%d%n", file, Files.size(file), n);
    }

    /** One activity like those published by donors and NGOs: texts in two languages, organisations, places, sectors, money, documents. */
    static String activity(Random r, String id, boolean rich) {
        StringBuilder s = new StringBuilder(rich ? 6000 : 1500);
        String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
        int year = 2015 + r.nextInt(11);
        s.append("<iati-activity default-currency=\"EUR\" xml:lang=\"fr\" last-updated-datetime=\"2026-01-01T00:00:00Z\">\n");
        s.append(" <iati-identifier>").append(id).append("</iati-identifier>\n");
        s.append(" <reporting-org ref=\"XI-BENCH\" type=\"22\"><narrative>Association Benchmark</narrative></reporting-org>\n");
        s.append(" <title><narrative>").append(sentence(r, 6)).append("</narrative>");
        if (rich) {
            s.append("<narrative xml:lang=\"en\">").append(sentence(r, 6)).append("</narrative>");
        }
        s.append("</title>\n <description type=\"1\"><narrative>").append(sentence(r, rich ? 90 : 25)).append("</narrative>");
        if (rich) {
            s.append("<narrative xml:lang=\"en\">").append(sentence(r, 60)).append("</narrative>");
        }
        s.append("</description>\n");
        if (rich) {
            s.append(" <description type=\"2\"><narrative>").append(sentence(r, 40)).append("</narrative></description>\n");
        }
        s.append(" <participating-org role=\"1\" ref=\"FR-6\" type=\"10\"><narrative>Ministère de l’Europe et des Affaires étrangères</narrative></participating-org>\n");
        s.append(" <participating-org role=\"2\" ref=\"XI-BENCH\" type=\"22\"><narrative>Association Benchmark</narrative></participating-org>\n");
        s.append(" <participating-org role=\"4\" type=\"24\"><narrative>Groupement ").append(WORDS[r.nextInt(WORDS.length)])
                .append(" de ").append(country).append("</narrative></participating-org>\n");
        if (rich) {
            s.append(" <participating-org role=\"4\" type=\"11\"><narrative>Commune de ").append(WORDS[r.nextInt(WORDS.length)])
                    .append("</narrative></participating-org>\n");
        }
        s.append(" <activity-status code=\"").append(1 + r.nextInt(4)).append("\"/>\n");
        s.append(" <activity-date type=\"1\" iso-date=\"").append(year).append("-01-01\"/>\n");
        s.append(" <activity-date type=\"3\" iso-date=\"").append(year + 2).append("-12-31\"/>\n");
        if (rich) {
            s.append(" <activity-date type=\"2\" iso-date=\"").append(year).append("-03-15\"/>\n");
            s.append(" <contact-info type=\"1\"><organisation><narrative>Association Benchmark</narrative></organisation>")
                    .append("<email>contact@exemple.org</email><website>https://exemple.org/</website></contact-info>\n");
        }
        s.append(" <recipient-country code=\"").append(country).append("\" percentage=\"100\"/>\n");
        int locations = rich ? 2 : 1;
        for (int i = 0; i < locations; i++) {
            s.append(" <location><location-reach code=\"1\"/><name><narrative>Localité ").append(r.nextInt(500))
                    .append("</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>")
                    .append(String.format(Locale.ROOT, "%.4f %.4f", 5 + r.nextDouble() * 15, -15 + r.nextDouble() * 20))
                    .append("</pos></point><exactness code=\"1\"/></location>\n");
        }
        int sectors = rich ? 3 : 1;
        int[] shares = sectors == 3 ? new int[] {50, 30, 20} : new int[] {100};
        for (int i = 0; i < sectors; i++) {
            s.append(" <sector vocabulary=\"1\" code=\"").append(SECTORS[(r.nextInt(SECTORS.length) + i) % SECTORS.length])
                    .append("\" percentage=\"").append(shares[i]).append("\"/>\n");
        }
        s.append(" <tag vocabulary=\"2\" code=\"").append(1 + r.nextInt(17)).append("\"/>\n");
        if (rich) {
            for (int y = 0; y < 3; y++) {
                s.append(" <budget type=\"1\" status=\"1\"><period-start iso-date=\"").append(year + y).append("-01-01\"/><period-end iso-date=\"")
                        .append(year + y).append("-12-31\"/><value value-date=\"").append(year + y).append("-01-01\">")
                        .append(10_000 + r.nextInt(90_000)).append(".00</value></budget>\n");
            }
            for (int t = 0; t < 6; t++) {
                s.append(" <transaction><transaction-type code=\"").append(t < 2 ? 11 : 3).append("\"/><transaction-date iso-date=\"")
                        .append(year + t / 2).append("-06-30\"/><value value-date=\"").append(year + t / 2).append("-06-30\">")
                        .append(1_000 + r.nextInt(50_000)).append(".00</value><provider-org ref=\"FR-6\" type=\"10\"><narrative>MEAE</narrative>")
                        .append("</provider-org><receiver-org ref=\"XI-BENCH\" type=\"22\"><narrative>Association Benchmark</narrative></receiver-org></transaction>\n");
            }
            s.append(" <document-link url=\"https://exemple.org/rapports/").append(id).append(".pdf\" format=\"application/pdf\"><title><narrative>Rapport ")
                    .append(year).append("</narrative></title><category code=\"A07\"/><language code=\"fr\"/></document-link>\n");
        } else {
            s.append(" <transaction><transaction-type code=\"11\"/><transaction-date iso-date=\"").append(year).append("-06-30\"/><value value-date=\"")
                    .append(year).append("-06-30\">").append(1_000 + r.nextInt(50_000)).append(".00</value><provider-org ref=\"FR-6\" type=\"10\">")
                    .append("<narrative>MEAE</narrative></provider-org></transaction>\n");
        }
        s.append("</iati-activity>\n");
        return s.toString();
    }

    static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[r.nextInt(WORDS.length)]);
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s.append('.').toString();
    }

    static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    // ------------------------------------------------------------------ parse-only baseline

    /** StAX reads every event and touches every text, nothing else; the best of the passes is kept (the first ones warm the JIT). */
    static void parse(Path file, int passes) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        double mb = Files.size(file) / (1024.0 * 1024.0);
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long chars = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            chars = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.CHARACTERS) {
                        chars += r.getTextLength();
                    } else if (e == XMLStreamConstants.START_ELEMENT) {
                        chars += r.getAttributeCount();
                    }
                }
                r.close();
            }
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - c0);
        }
        // for scale: what reading the same file costs the way an import must read it (SAX: every name, attribute
        // and text as strings), then also validated against the schema (the first step of any import)
        long sax = Long.MAX_VALUE;
        long validated = Long.MAX_VALUE;
        javax.xml.validation.Schema schema = schemaPath == null ? null : javax.xml.validation.SchemaFactory.newDefaultInstance()
                .newSchema(new java.io.File(schemaPath));
        for (int p = 0; p < passes; p++) {
            sax = Math.min(sax, saxPass(file, null));
            if (schema != null) {
                validated = Math.min(validated, saxPass(file, schema));
            }
        }
        System.out.printf(Locale.ROOT, "parse_ms=%d parse_cpu_ms=%d parse_mb_s=%.1f sax_mb_s=%.1f validate_mb_s=%.1f megabytes=%.1f passes=%d chars=%d%n",
                best / 1_000_000, bestCpu / 1_000_000, mb / (best / 1e9), mb / (sax / 1e9), schema == null ? 0 : mb / (validated / 1e9), mb, passes, chars);
    }

    static String schemaPath = System.getProperty("iati.schema");

    /** A SAX pass (JDK parser, namespace-aware), optionally through the schema validator; returns nanoseconds. */
    static long saxPass(Path file, javax.xml.validation.Schema schema) throws Exception {
        javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        org.xml.sax.XMLReader reader = f.newSAXParser().getXMLReader();
        long[] chars = {0};
        org.xml.sax.helpers.DefaultHandler sink = new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts) {
                chars[0] += atts.getLength();
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                chars[0] += length;
            }
        };
        if (schema != null) {
            javax.xml.validation.ValidatorHandler v = schema.newValidatorHandler();
            v.setContentHandler(sink);
            reader.setContentHandler(v);
        } else {
            reader.setContentHandler(sink);
        }
        long t0 = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            reader.parse(new org.xml.sax.InputSource(in));
        }
        return System.nanoTime() - t0;
    }

    // ------------------------------------------------------------------ import over HTTP

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern UPLOAD = Pattern.compile("action=\"(/projets/iati/import/envoi\\?_csrf=[^\"]+)\"");
    static final Pattern DD = Pattern.compile("<dd>([0-9\\s\u00a0\u202f]+)</dd>");

    static void importFile(String base, String email, String password, Path file, String structure) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        login(client, base, email, password);
        String page = get(client, base + "/projets/iati/import").body();
        Matcher m = UPLOAD.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no upload form (not signed in as staff?)");
        }
        String action = m.group(1).replace("&amp;", "&");
        String boundary = "----bench" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"structure\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"autreStructure\"\r\n\r\n" + structure + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        double mb = Files.size(file) / (1024.0 * 1024.0);

        long t0 = System.nanoTime();
        HttpResponse<String> sent = client.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail))).build(), HttpResponse.BodyHandlers.ofString());
        long uploaded = System.nanoTime();
        String location = sent.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("upload refused: " + sent.statusCode()));
        if (!location.matches(".*/projets/iati/import/\\d+$")) {
            throw new IllegalStateException("upload refused: " + location);
        }
        String path = URI.create(base).resolve(location).getPath();
        String fragment = waitFor(client, base + path, 3600);
        long analysed = System.nanoTime();
        if (!fragment.contains("Lancer l’import")) {
            throw new IllegalStateException("analysis did not end ready: " + fragment.substring(0, Math.min(2000, fragment.length())));
        }
        String csrf = csrf(client, base + path);
        String form = "mode=ADD_ONLY&publier=true&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        long t2 = System.nanoTime();
        client.send(HttpRequest.newBuilder(URI.create(base + path + "/lancer")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String done = waitFor(client, base + path, 7200);
        long finished = System.nanoTime();
        if (!done.contains("Import terminé")) {
            throw new IllegalStateException("run did not end well: " + done.substring(0, Math.min(2000, done.length())));
        }
        List<String> counts = new ArrayList<>();
        Matcher dd = DD.matcher(done);
        while (dd.find()) {
            counts.add(dd.group(1).replaceAll("[\\s\u00a0\u202f]", ""));
        }
        double upload = (uploaded - t0) / 1e9;
        double analysis = (analysed - uploaded) / 1e9;
        double run = (finished - t2) / 1e9;
        System.out.printf(Locale.ROOT,
                "megabytes=%.1f upload_s=%.2f analysis_s=%.2f analysis_mb_s=%.1f run_s=%.2f run_mb_s=%.1f import_s=%.2f import_mb_s=%.1f created=%s updated=%s skipped=%s failed=%s page=%s%n",
                mb, upload, analysis, mb / analysis, run, mb / run, analysis + run, mb / (analysis + run),
                counts.size() > 0 ? counts.get(0) : "?", counts.size() > 1 ? counts.get(1) : "?", counts.size() > 2 ? counts.get(2) : "?",
                counts.size() > 3 ? counts.get(3) : "?", path);
    }

    /** Polls the status fragment (as htmx does) until the page stops asking to be refreshed; returns the last fragment. */
    static String waitFor(HttpClient client, String url, int maxSeconds) throws Exception {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String body = client.send(HttpRequest.newBuilder(URI.create(url)).header("HX-Request", "true").header("Accept-Language", "fr").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("hx-trigger=\"every 2s\"")) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("still busy after " + maxSeconds + " s: " + url);
    }

    static void login(HttpClient client, String base, String email, String password) throws Exception {
        String csrf = csrf(client, base + "/connexion");
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&motDePasse=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.headers().firstValue("Location").orElse("").contains("erreur")) {
            throw new IllegalStateException("login refused");
        }
    }

    static String csrf(HttpClient client, String url) throws Exception {
        Matcher m = CSRF.matcher(get(client, url).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token at " + url);
        }
        return m.group(1);
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ export

    static void export(String base, String path, Path out) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long t0 = System.nanoTime();
        HttpResponse<Path> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(out, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                        java.nio.file.StandardOpenOption.WRITE));
        long t1 = System.nanoTime();
        long activities = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(out), 1 << 16)) {
            byte[] needle = "<iati-activity ".getBytes(StandardCharsets.UTF_8);
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    activities++;
                    matched = 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "status=%d export_s=%.2f bytes=%d activities=%d activities_per_s=%.0f%n", r.statusCode(), (t1 - t0) / 1e9,
                Files.size(out), activities, activities / ((t1 - t0) / 1e9));
    }
}
