package fr.maillage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The IATI import with real files (FR-6, USAID, d-portal), as uploaded, analysed, previewed
 * and run; the choice between adding only and adding and updating; a second import of the same
 * file changing nothing; a failure in the middle of an activity leaving nothing of it; and every
 * kind of bad upload over HTTP (empty, not XML, an XML bomb, XXE, another schema, 300 MB) refused
 * with a clear message and nothing imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
class IatiImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IatiImports imports;

    @Autowired
    Projects projects;

    @Autowired
    ProjectRepository repository;

    @Autowired
    ProjectValidator validator;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    // ------------------------------------------------------------------ the real sample files

    @Test
    void theFr6FileImportsFullyAfterAPreview() {
        TestPerson editor = TestStructures.member("Éditrice FR-6");
        long org = TestStructures.association(directory, editor, "Solidarité Mali " + TestStructures.newPersonId());
        // the d-portal file holds the same activity: start from a database without it
        repository.findByIatiIdentifier("FR-6-ML-ML-52").ifPresent(p -> projects.delete(p.id, TestStructures.staff("Ménage")));
        long id = upload("fr6-maedi-ml-ebola-activity.xml", org, editor);

        IatiImportView analysed = await(id, editor);
        assertThat(analysed.status()).isEqualTo(IatiImportStatus.READY);
        IatiAnalysis a = analysed.analysis();
        assertThat(a.activities()).isEqualTo(1);
        assertThat(a.errorCount()).isZero();
        assertThat(a.version()).isEqualTo("2.01");
        assertThat(a.fresh()).isEqualTo(1);
        assertThat(a.organisations()).anySatisfy(o -> {
            assertThat(o.ref()).isEqualTo("FR-6");
            assertThat(o.roles()).contains("reporting", "1");
        });
        assertThat(a.organisations()).extracting(IatiAnalysis.Organisation::name).contains("Expertise France");

        imports.start(id, IatiImportMode.ADD_AND_UPDATE, true, false, editor);
        IatiImportView done = await(id, editor);
        assertThat(done.status()).isEqualTo(IatiImportStatus.DONE);
        assertThat(done.failed()).isZero();
        {
            assertThat(done.created()).isEqualTo(1);
            Project p = repository.findByIatiIdentifier("FR-6-ML-ML-52").orElseThrow();
            ProjectDetails d = projects.find(p.id).orElseThrow();
            assertThat(d.organisationId()).isEqualTo(org);
            assertThat(d.source()).isEqualTo("IATI");
            assertThat(d.publication()).isEqualTo(Publication.PUBLISHED);
            ProjectData data = d.data();
            assertThat(validator.problems(data)).isEmpty();
            assertThat(data.title()).isEqualTo("Lutte contre la maladie à virus Ebola (MVE)");
            assertThat(data.description()).startsWith("La France s’associe aux autres partenaires");
            assertThat(data.activityStatus()).isEqualTo("3");
            assertThat(data.plannedStart()).hasToString("2014-12-01");
            assertThat(data.plannedEnd()).hasToString("2016-12-31");
            assertThat(data.places()).extracting(ProjectData.Place::countryCode).containsOnly("ML");
            assertThat(data.places()).extracting(ProjectData.Place::place).containsExactly("Bamako Region", "Sikasso Region", "Kayes Region");
            assertThat(data.places().get(0).latitude()).isEqualTo(12.65);
            assertThat(data.sectors()).extracting(ProjectData.Sector::code).containsExactly("12250");
            assertThat(data.themes()).contains("sante");
            assertThat(data.partners()).extracting(ProjectData.Partner::name)
                    .containsExactly("MAEDI", "Expertise France", "Service de Coopération et d'Action Culturelle");
            assertThat(data.partners()).extracting(ProjectData.Partner::role).containsExactly("1", "4", "3");
            assertThat(data.fundings()).isNotEmpty().allSatisfy(f -> {
                assertThat(f.funderKind()).isEqualTo("MEAE");
                assertThat(f.currency()).isEqualTo("EUR");
            });
            assertThat(done.report().projects()).extracting(IatiReport.ProjectLine::slug).contains(p.slug);
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like 'Import IATI terminé%'")
                .param(editor.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theUsaidFileImportsFullyAndASecondImportChangesNothing() {
        TestPerson staff = TestStructures.staff("Équipe USAID");
        long org = TestStructures.association(directory, TestStructures.member("Hôte"), "Bolivie Solidaire " + TestStructures.newPersonId());
        List<String> identifiers = identifiers("okfn_usaid-bo.xml");
        assertThat(identifiers).hasSize(63);
        jdbc.sql("delete from project where iati_identifier = any(?)").param(identifiers.toArray(String[]::new)).update();
        long id = upload("okfn_usaid-bo.xml", org, staff);
        IatiImportView analysed = await(id, staff);
        assertThat(analysed.status()).isEqualTo(IatiImportStatus.READY);
        assertThat(analysed.analysis().activities()).isEqualTo(63);
        assertThat(analysed.analysis().fresh()).isEqualTo(63);
        assertThat(analysed.analysis().skipped()).isZero();

        imports.start(id, IatiImportMode.ADD_AND_UPDATE, false, false, staff);
        IatiImportView done = await(id, staff);
        assertThat(done.status()).isEqualTo(IatiImportStatus.DONE);
        assertThat(done.failed()).isZero();
        assertThat(done.skipped()).as(String.valueOf(done.report().skipped())).isZero();
        assertThat(done.created()).isEqualTo(63);
        assertThat(done.done()).isEqualTo(63);
        for (String identifier : identifiers) {
            assertThat(validator.problems(data(identifier))).as(identifier).isEmpty();
        }
        Project p = repository.findByIatiIdentifier("US-GOV-1-00019MO001255").orElseThrow();
        ProjectData data = data("US-GOV-1-00019MO001255");
        assertThat(validator.problems(data)).isEmpty();
        assertThat(data.title()).isEqualTo("Protection, Assistance and Solutions");
        assertThat(data.budgetCurrency()).isEqualTo("USD");
        assertThat(data.fundings()).isNotEmpty();
        assertThat(data.partners()).extracting(ProjectData.Partner::name).contains("U.S. Government - Department of State");
        assertThat(p.publication).as("drafts by default").isEqualTo(Publication.DRAFT);

        // the same file again, add and update: nothing changes
        int total = count("US-GOV-1-%");
        assertThat(total).isGreaterThanOrEqualTo(63);
        long again = upload("okfn_usaid-bo.xml", org, staff);
        assertThat(await(again, staff).analysis().updates()).isEqualTo(63);
        imports.start(again, IatiImportMode.ADD_AND_UPDATE, false, false, staff);
        IatiImportView second = await(again, staff);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.skipped()).isEqualTo(63);
        assertThat(second.report().skipped()).extracting(IatiNoteCount::key).containsExactly("projects.iati.skip.unchanged");
        assertThat(count("US-GOV-1-%")).isEqualTo(total);
        assertThat(repository.findById(p.id).orElseThrow().version).isEqualTo(p.version);

        // and add only: every activity is already there
        long third = upload("okfn_usaid-bo.xml", org, staff);
        await(third, staff);
        imports.start(third, IatiImportMode.ADD_ONLY, false, false, staff);
        IatiImportView addOnly = await(third, staff);
        assertThat(addOnly.created()).isZero();
        assertThat(addOnly.report().skipped()).extracting(IatiNoteCount::key).containsExactly("projects.iati.skip.exists");
    }

    @Test
    void theDportalFileIsRefusedWithItsErrorsAndImportsOnlyInLenientMode() {
        TestPerson staff = TestStructures.staff("Équipe d-portal");
        long org = TestStructures.association(directory, TestStructures.member("Hôte Ebola"), "Ebola Riposte " + TestStructures.newPersonId());
        long id = upload("dportal_ebola_activities_4e93a72.xml", org, staff);
        IatiImportView analysed = await(id, staff);
        assertThat(analysed.status()).isEqualTo(IatiImportStatus.INVALID);
        IatiAnalysis a = analysed.analysis();
        assertThat(a.errorCount()).isEqualTo(548);
        assertThat(a.errors()).hasSize(IatiAnalysis.MAX_ERRORS);
        assertThat(a.errors().get(0).line()).isEqualTo(1);
        assertThat(a.errors().get(0).message()).contains("version").contains("iati-activities");
        assertThat(a.errors().get(1).line()).isEqualTo(2);
        assertThat(a.activities()).isEqualTo(100);

        assertThatThrownBy(() -> imports.start(id, IatiImportMode.ADD_ONLY, false, false, staff))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.getMessage()).isEqualTo("projects.iati.error.lenient-required"));
        assertThat(imports.find(id, staff).orElseThrow().status()).isEqualTo(IatiImportStatus.INVALID);
        assertThat(repository.findByIatiIdentifier("GB-CHC-202918-MLIB06")).isEmpty();

        imports.start(id, IatiImportMode.ADD_ONLY, false, true, staff);
        IatiImportView done = await(id, staff);
        assertThat(done.status()).isEqualTo(IatiImportStatus.DONE);
        assertThat(done.lenient()).isTrue();
        assertThat(done.failed()).isZero();
        assertThat(done.created()).isGreaterThan(80);
        assertThat(done.created() + done.skipped()).isEqualTo(100);
        assertThat(done.report().warnings()).extracting(IatiNoteCount::key).contains("projects.iati.warning.sector-vocabulary");
        Project oxfam = repository.findByIatiIdentifier("GB-CHC-202918-MLIB06").orElseThrow();
        assertThat(validator.problems(data(oxfam.iatiIdentifier))).isEmpty();
        assertThat(data(oxfam.iatiIdentifier).places()).extracting(ProjectData.Place::countryCode).contains("ML");
    }

    // ------------------------------------------------------------------ add only, add and update

    @Test
    void addOnlyLeavesExistingProjectsAndAddAndUpdateUpdatesThoseTheImporterManages() {
        TestPerson editor = TestStructures.member("Éditeur Mise à jour");
        long org = TestStructures.association(directory, editor, "Mises à Jour " + TestStructures.newPersonId());
        String a = "XI-TEST-" + TestStructures.newPersonId();
        String b = "XI-TEST-" + TestStructures.newPersonId();
        long first = upload(file(activity(a, "Forages à Podor", "SN"), activity(b, "Latrines à Matam", "SN")), org, editor);
        await(first, editor);
        imports.start(first, IatiImportMode.ADD_ONLY, true, false, editor);
        assertThat(await(first, editor).created()).isEqualTo(2);

        byte[] changed = file(activity(a, "Forages et château d’eau à Podor", "SN"), activity(b, "Latrines à Matam", "SN"));
        long addOnly = upload(changed, org, editor);
        IatiImportView preview = await(addOnly, editor);
        assertThat(preview.analysis().fresh()).isZero();
        assertThat(preview.analysis().updates()).isEqualTo(2);
        imports.start(addOnly, IatiImportMode.ADD_ONLY, true, false, editor);
        IatiImportView added = await(addOnly, editor);
        assertThat(added.created()).isZero();
        assertThat(added.skipped()).isEqualTo(2);
        assertThat(repository.findByIatiIdentifier(a).orElseThrow().title).isEqualTo("Forages à Podor");

        long update = upload(changed, org, editor);
        await(update, editor);
        imports.start(update, IatiImportMode.ADD_AND_UPDATE, true, false, editor);
        IatiImportView updated = await(update, editor);
        assertThat(updated.updated()).isEqualTo(1);
        assertThat(updated.skipped()).isEqualTo(1);
        assertThat(updated.report().skipped()).extracting(IatiNoteCount::key).containsExactly("projects.iati.skip.unchanged");
        assertThat(repository.findByIatiIdentifier(a).orElseThrow().title).isEqualTo("Forages et château d’eau à Podor");
        assertThat(count("XI-TEST-%")).isGreaterThanOrEqualTo(2);

        // an editor of another structure may not update them
        TestPerson stranger = TestStructures.member("Autre éditeur");
        long strangerOrg = TestStructures.association(directory, stranger, "Autre Structure " + TestStructures.newPersonId());
        long foreign = upload(file(activity(a, "Détourné", "SN"), activity(b, "Détourné aussi", "SN")), strangerOrg, stranger);
        IatiImportView foreignPreview = await(foreign, stranger);
        assertThat(foreignPreview.analysis().skipReasons()).extracting(IatiNoteCount::key).containsExactly("projects.iati.skip.other-structure");
        imports.start(foreign, IatiImportMode.ADD_AND_UPDATE, true, false, stranger);
        assertThat(await(foreign, stranger).skipped()).isEqualTo(2);
        assertThat(repository.findByIatiIdentifier(a).orElseThrow().title).isEqualTo("Forages et château d’eau à Podor");
        assertThat(imports.find(foreign, editor)).as("an import is its uploader's").isEmpty();
    }

    @Test
    void aFailurePartWayLeavesNoHalfImportedActivity() {
        TestPerson editor = TestStructures.member("Éditeur Panne");
        long org = TestStructures.association(directory, editor, "Panne Réseau " + TestStructures.newPersonId());
        String marker = "PANNE-" + TestStructures.newPersonId();
        String ok1 = "XI-PANNE-" + TestStructures.newPersonId();
        String broken = "XI-PANNE-" + TestStructures.newPersonId();
        String ok2 = "XI-PANNE-" + TestStructures.newPersonId();
        // the database refuses the place of the second activity, after its project row was written
        jdbc.sql("""
                create or replace function iati_test_refuse_place() returns trigger language plpgsql as $$
                begin
                  if new.place = '%s' then raise exception 'lieu refusé par le test'; end if;
                  return new;
                end $$""".formatted(marker)).update();
        jdbc.sql("create trigger iati_test_refuse_place before insert on project_place for each row execute function iati_test_refuse_place()").update();
        try {
            long id = upload(file(activity(ok1, "Premier projet", "SN"), activity(broken, "Projet en panne", "SN", marker),
                    activity(ok2, "Troisième projet", "SN")), org, editor);
            assertThat(await(id, editor).analysis().fresh()).isEqualTo(3);
            imports.start(id, IatiImportMode.ADD_ONLY, false, false, editor);
            IatiImportView done = await(id, editor);
            assertThat(done.status()).isEqualTo(IatiImportStatus.DONE);
            assertThat(done.created()).isEqualTo(2);
            assertThat(done.failed()).isEqualTo(1);
            assertThat(done.done()).isEqualTo(3);
            assertThat(done.report().failures()).singleElement().satisfies(f -> {
                assertThat(f.identifier()).isEqualTo(broken);
                assertThat(f.message()).contains("lieu refusé par le test");
            });
        } finally {
            jdbc.sql("drop trigger if exists iati_test_refuse_place on project_place").update();
            jdbc.sql("drop function if exists iati_test_refuse_place()").update();
        }
        assertThat(repository.findByIatiIdentifier(ok1)).isPresent();
        assertThat(repository.findByIatiIdentifier(ok2)).isPresent();
        assertThat(repository.findByIatiIdentifier(broken)).as("nothing of the failed activity").isEmpty();
        assertThat(jdbc.sql("select count(*) from project where title = 'Projet en panne'").query(Long.class).single()).isZero();
        assertThat(data(ok2).places()).hasSize(1);
    }

    // ------------------------------------------------------------------ bad uploads, over HTTP

    @Test
    void anEmptyFileIsRefusedAtOnce() {
        IatiTestSupport.Session staff = staffSession();
        long before = importsNamed("vide.xml");
        HttpResponse<String> r = staff.upload("declarante", "vide.xml", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Le fichier envoyé est vide (0 octet)");
        assertThat(importsNamed("vide.xml")).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotXmlIsRefusedWithAClearMessage() {
        String body = page(staffSession().upload("declarante", "compte-rendu.xml", "Compte rendu de la réunion du 3 juin.".getBytes(StandardCharsets.UTF_8)));
        assertThat(body).contains("Ce fichier ne peut pas être importé").contains("n’est pas un fichier XML");
        assertThat(body).doesNotContain("Lancer l’import");
    }

    @Test
    void anXmlBombIsRefusedWithoutExpandingIt() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <iati-activities version="2.03"><iati-activity><iati-identifier>XI-BOMB-1</iati-identifier>
                <reporting-org ref="XI-BOMB" type="22"><narrative>&lol9;</narrative></reporting-org>
                <title><narrative>&lol9;</narrative></title></iati-activity></iati-activities>""";
        long start = System.nanoTime();
        String body = page(staffSession().upload("declarante", "bombe.xml", bomb.getBytes(StandardCharsets.UTF_8)));
        assertThat(body).contains("Ce fichier ne peut pas être importé").contains("déclaration DOCTYPE").contains("billion laughs");
        assertThat(body).doesNotContain("lollollol");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once, not expanded").isLessThan(Duration.ofSeconds(30));
        assertThat(repository.findByIatiIdentifier("XI-BOMB-1")).isEmpty();
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <iati-activities version="2.03"><iati-activity><iati-identifier>XI-XXE-1</iati-identifier>
                <reporting-org ref="XI-XXE" type="22"><narrative>X</narrative></reporting-org>
                <title><narrative>&xxe;</narrative></title><description><narrative>d</narrative></description>
                <participating-org role="1"><narrative>X</narrative></participating-org><activity-status code="2"/>
                <activity-date type="1" iso-date="2024-01-01"/></iati-activity></iati-activities>""";
        String body = page(staffSession().upload("declarante", "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(body).contains("déclaration DOCTYPE").contains("XXE");
        assertThat(body).doesNotContain("root:");
        assertThat(repository.findByIatiIdentifier("XI-XXE-1")).isEmpty();
        assertThat(jdbc.sql("select count(*) from iati_import where cast(analysis as text) like '%root:%' or error_detail like '%root:%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void filesOfAnotherSchemaAreRefusedSayingWhatTheyAre() {
        IatiTestSupport.Session staff = staffSession();
        String rss = page(staff.upload("declarante", "flux.xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Actualités</title></channel></rss>".getBytes(StandardCharsets.UTF_8)));
        assertThat(rss).contains("n’est pas un fichier d’activités IATI").contains("«\u00a0rss\u00a0»");
        String organisations = page(staff.upload("declarante", "organisations.xml",
                "<iati-organisations version=\"2.03\"><iati-organisation/></iati-organisations>".getBytes(StandardCharsets.UTF_8)));
        assertThat(organisations).contains("fichier d’organisations IATI");
    }

    @Test
    void a300MegabyteUploadIsRefusedWithAClearMessageAndNothingImported(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("enorme.xml");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = ("<iati-activity><iati-identifier>XI-ENORME</iati-identifier><title><narrative>"
                    + "x".repeat(900) + "</narrative></title></iati-activity>\n").getBytes(StandardCharsets.UTF_8);
            long written = 0;
            while (written < 300L * 1024 * 1024) {
                out.write(chunk);
                written += chunk.length;
            }
            out.write("</iati-activities>\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(big)).isGreaterThan(300L * 1024 * 1024);
        IatiTestSupport.Session staff = staffSession();
        long before = importsNamed("enorme.xml");

        // the browser's way: the size is known before the body is read
        HttpResponse<String> known = staff.upload("declarante", "enorme.xml", big, false);
        assertThat(known.statusCode()).isEqualTo(413);
        assertThat(known.body()).contains("Le fichier dépasse 200\u00a0Mo").contains("Découpez-le en plusieurs fichiers");

        // sent without a length (chunked): refused once 200 MB were read
        HttpResponse<String> chunked = staff.upload("declarante", "enorme.xml", big, true);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("Le fichier dépasse 200\u00a0Mo");

        assertThat(importsNamed("enorme.xml")).isEqualTo(before);
        assertThat(repository.findByIatiIdentifier("XI-ENORME")).isEmpty();
        try (Stream<Path> files = Files.list(Path.of(imports.properties().uploadDir()))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".part")).toList()).as("no partial upload left").isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private ProjectData data(String identifier) {
        return projects.find(repository.findByIatiIdentifier(identifier).orElseThrow().id).orElseThrow().data();
    }

    static List<String> identifiers(String sample) {
        try (InputStream in = IatiTestSupport.resource(sample)) {
            Matcher m = Pattern.compile("<iati-identifier>([^<]+)</iati-identifier>").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> out = new java.util.ArrayList<>();
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long upload(String sample, Long org, TestPerson who) {
        try (InputStream in = IatiTestSupport.resource(sample)) {
            return upload(in.readAllBytes(), org, who, sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long upload(byte[] content, Long org, TestPerson who) {
        return upload(content, org, who, "test.xml");
    }

    private long upload(byte[] content, Long org, TestPerson who, String name) {
        try (IatiUpload u = imports.newUpload()) {
            u.output().write(content);
            return imports.accept(u, name, org, who, Locale.FRENCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the analysis or the run is over. */
    private IatiImportView await(long id, TestPerson who) {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            IatiImportView v = imports.find(id, who).orElseThrow();
            if (!v.status().busy()) {
                return v;
            }
            sleep(100);
        }
        throw new AssertionError("import " + id + " still busy");
    }

    /** The import's page once its analysis is over (the upload's redirect leads to it). */
    private String page(HttpResponse<String> uploaded) {
        Matcher m = Pattern.compile("/projets/iati/import/(\\d+)$").matcher(uploaded.uri().getPath());
        assertThat(m.find()).as("redirected to the import's page, not " + uploaded.uri()).isTrue();
        IatiTestSupport.Session staff = staffSession();
        Instant deadline = Instant.now().plusSeconds(60);
        String body = uploaded.body();
        while (body.contains("id=\"verification\"") && Instant.now().isBefore(deadline)) {
            sleep(200);
            body = staff.get(uploaded.uri().getPath()).body();
        }
        return body;
    }

    private IatiTestSupport.Session staffSession() {
        return new IatiTestSupport.Session(port).login(IatiTestSupport.STAFF_EMAIL, IatiTestSupport.STAFF_PASSWORD);
    }

    private long importsNamed(String fileName) {
        return jdbc.sql("select count(*) from iati_import where file_name = ?").param(fileName).query(Long.class).single();
    }

    private int count(String identifierPattern) {
        return jdbc.sql("select count(*) from project where iati_identifier like ?").param(identifierPattern).query(Integer.class).single();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] file(String... activities) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n" + String.join("\n", activities)
                + "\n</iati-activities>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A small valid activity in a country, with a named location when {@code place} is given. */
    static String activity(String identifier, String title, String country, String... place) {
        String location = place.length == 0 ? "" : "<location><name><narrative>" + place[0] + "</narrative></name>"
                + "<point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>16.5 -14.9</pos></point></location>";
        return """
                <iati-activity default-currency="EUR" xml:lang="fr">
                  <iati-identifier>%s</iati-identifier>
                  <reporting-org ref="XI-TEST" type="22"><narrative>Association de test</narrative></reporting-org>
                  <title><narrative>%s</narrative></title>
                  <description><narrative>Description de %s.</narrative></description>
                  <participating-org role="4" type="24"><narrative>Groupement villageois</narrative></participating-org>
                  <activity-status code="2"/>
                  <activity-date type="1" iso-date="2025-01-01"/>
                  <recipient-country code="%s" percentage="100"/>
                  %s
                  <sector vocabulary="1" code="14030"/>
                </iati-activity>""".formatted(identifier, title, title, country, location);
    }
}
