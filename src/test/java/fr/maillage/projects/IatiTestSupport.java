package fr.maillage.projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import fr.maillage.directory.CountryEntry;
import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationData;
import fr.maillage.directory.SubmitOrganisation;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Helpers of the IATI tests: structures with RNA/SIRET numbers, a validator of the official
 * schema loaded by the test itself (not the production code's), and a small HTTP client that
 * signs in like a browser (session cookie, CSRF tokens) to use the upload servlet.
 */
final class IatiTestSupport {

    /** The staff account the test contexts create (same settings as the directory's journey test, so the context is shared). */
    static final String STAFF_EMAIL = "equipe.e2e@example.org";
    static final String STAFF_PASSWORD = "Equipe-Maillage-2026!";

    private static final Schema SCHEMA;

    static {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            SCHEMA = f.newSchema(IatiTestSupport.class.getResource("/refdata/iati/schema-2.03/iati-activities-schema.xsd"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private IatiTestSupport() {
    }

    /** Validates against the IATI 2.03 activities schema; returns the errors ("line:column message"), empty when valid. */
    static List<String> schemaErrors(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = SCHEMA.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add("FATAL " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }

    static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomRna() {
        return "W" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    static String randomSiret() {
        return String.format("%014d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L));
    }

    /** A published association with the given identifiers (null for none). */
    static long structure(Directory directory, TestPerson editor, String name, String siret, String rna) {
        OrganisationData data = new OrganisationData(name, null, "association", "associations", siret, rna,
                "12 rue des Puits", "33000", "Bordeaux", "https://exemple.org/" + name.hashCode(), "contact@exemple.org", true, null, false, null,
                "Structure de test " + name, List.of("eau-assainissement"), List.of(new CountryEntry("SN", null)),
                List.of(6), List.of(), null, null, null, false);
        long id = directory.submit(new SubmitOrganisation(data), editor).value();
        directory.approve(id, TestStructures.staff("Équipe"));
        return id;
    }

    // ------------------------------------------------------------------ a browser-like HTTP session

    static final class Session {

        private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"(/projets/iati/import/envoi\\?_csrf=[^\"]+)\"");

        final String base;
        final HttpClient client;

        Session(int port) {
            this.base = "http://localhost:" + port;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "fr").GET().build());
        }

        HttpResponse<byte[]> getBytes(String path) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Session login(String email, String password) {
            String page = get("/connexion").body();
            Matcher m = CSRF_INPUT.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on /connexion");
            }
            HttpResponse<String> r = postForm("/connexion", Map.of("email", email, "motDePasse", password, "_csrf", m.group(1)));
            if (!r.body().contains("Déconnexion")) {
                throw new IllegalStateException("login failed: " + r.uri());
            }
            return this;
        }

        /** The CSRF token of the page's forms. */
        String csrf(String path) {
            Matcher m = CSRF_INPUT.matcher(get(path).body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + path);
            }
            return m.group(1);
        }

        /** The upload form's action, with its CSRF token in the query string. */
        String uploadAction() {
            Matcher m = UPLOAD_ACTION.matcher(get("/projets/iati/import").body());
            if (!m.find()) {
                throw new IllegalStateException("no upload form");
            }
            return m.group(1).replace("&amp;", "&");
        }

        /** Posts the upload form: a "structure" field and the file (from bytes, a file, or a stream of unknown length). */
        HttpResponse<String> upload(String structure, String fileName, HttpRequest.BodyPublisher file, boolean chunked) {
            String boundary = "----maillage" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"structure\"\r\n\r\n" + structure + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/xml\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), file,
                    HttpRequest.BodyPublishers.ofString(tail));
            if (chunked) {
                HttpRequest.BodyPublisher known = body;
                body = HttpRequest.BodyPublishers.fromPublisher(known); // no length: sent chunked
            }
            return send(HttpRequest.newBuilder(URI.create(base + uploadAction())).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept-Language", "fr").timeout(Duration.ofMinutes(5)).POST(body).build());
        }

        HttpResponse<String> upload(String structure, String fileName, byte[] content) {
            return upload(structure, fileName, HttpRequest.BodyPublishers.ofByteArray(content), false);
        }

        HttpResponse<String> upload(String structure, String fileName, Path file, boolean chunked) {
            try {
                return upload(structure, fileName, HttpRequest.BodyPublishers.ofFile(file), chunked);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static InputStream resource(String name) {
        return IatiTestSupport.class.getResourceAsStream("/iati/" + name);
    }
}
