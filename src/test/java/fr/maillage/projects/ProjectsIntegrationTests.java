package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
class ProjectsIntegrationTests {

    @Autowired
    Projects projects;

    @Autowired
    Directory directory;

    static ProjectData water(String title) {
        return new ProjectData(title, "Puits et latrines à Podor", "Un **projet** d’eau.", "2",
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2025, 3, 1), null,
                List.of(new ProjectData.Place("SN", "Podor", 16.65, -14.96)),
                List.of("eau-assainissement"), List.of("6"),
                List.of(new ProjectData.Sector("1", "14030", new BigDecimal("70")), new ProjectData.Sector("1", "14032", new BigDecimal("30"))),
                List.of(new ProjectData.Partner(null, "Commune de Podor", null, "11", "SN", "4")),
                List.of(new ProjectData.Funding("AGENCE_EAU", "Agence de l’eau Adour-Garonne", null, new BigDecimal("40000"), "EUR", 2025),
                        new ProjectData.Funding("OWN", null, null, new BigDecimal("10000"), "EUR", 2025)),
                "EUR", List.of(new ProjectData.Link("WEB", "Site", "https://exemple.org/podor", null, null)),
                "Les comités de gestion", "La saison des pluies", "Commencer tôt");
    }

    @Autowired
    fr.maillage.shared.files.FileStorage storage;

    static ProjectData withLinks(ProjectData d, List<ProjectData.Link> links) {
        return new ProjectData(d.title(), d.summary(), d.description(), d.activityStatus(), d.plannedStart(), d.plannedEnd(),
                d.actualStart(), d.actualEnd(), d.places(), d.themes(), d.sdgs(), d.sectors(), d.partners(), d.fundings(),
                d.budgetCurrency(), links, d.lessonsWorked(), d.lessonsFailed(), d.lessonsAdvice());
    }

    @Test
    void uploadedFilesGoAwayWithTheRowOrTheProjectThatHeldThem() {
        TestPerson editor = TestStructures.member("Awa Documents");
        long org = TestStructures.association(directory, editor, "Eau Documents " + TestStructures.newPersonId());
        String report = storage.put("%PDF-1.4 rapport".getBytes(), "application/pdf");
        String photo = storage.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2}, "image/jpeg");
        ProjectData both = withLinks(water("Puits documentés"), List.of(
                new ProjectData.Link("DOCUMENT", "Rapport", null, report, "application/pdf"),
                new ProjectData.Link("PHOTO", "Le puits", null, photo, "image/jpeg")));
        long id = projects.create(org, both, true, editor);

        ProjectDetails created = projects.find(id).orElseThrow();
        projects.update(id, created.version(), withLinks(water("Puits documentés"), List.of(both.links().get(1))), editor);
        assertThat(storage.get(report)).isEmpty();
        assertThat(storage.get(photo)).isPresent();

        projects.delete(id, editor);
        assertThat(storage.get(photo)).isEmpty();
    }

    @Test
    void anEditorCreatesPublishesAndEditsAProject() {
        TestPerson editor = TestStructures.member("Awa Editrice");
        long org = TestStructures.association(directory, editor, "Eau Podor " + TestStructures.newPersonId());
        long id = projects.create(org, water("Puits de Podor"), false, editor);

        ProjectDetails draft = projects.find(id).orElseThrow();
        assertThat(draft.publication()).isEqualTo(Publication.DRAFT);
        assertThat(draft.slug()).startsWith("puits-de-podor");
        assertThat(draft.totalBudget()).isEqualByComparingTo("50000");
        assertThat(draft.data().sectors()).extracting(ProjectData.Sector::code).containsExactly("14030", "14032");
        assertThat(projects.canView(draft, null)).isFalse();

        projects.publish(id, editor);
        assertThat(projects.find(id).orElseThrow().isPublished()).isTrue();

        ProjectDetails before = projects.find(id).orElseThrow();
        projects.update(id, before.version(), water("Puits et forages de Podor"), editor);
        assertThat(projects.find(id).orElseThrow().data().title()).isEqualTo("Puits et forages de Podor");
        assertThatThrownBy(() -> projects.update(id, before.version(), water("Encore"), editor))
                .isInstanceOf(ProjectException.class).hasMessage("projects.error.concurrent");

        TestPerson stranger = TestStructures.member("Intrus");
        assertThatThrownBy(() -> projects.update(id, projects.find(id).orElseThrow().version(), water("X"), stranger))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badContentIsRefusedWithEveryProblemAndNothingIsSaved() {
        TestPerson editor = TestStructures.member("Bruno");
        long org = TestStructures.association(directory, editor, "Mauvais Projet " + TestStructures.newPersonId());
        ProjectData good = water("Mauvais");
        ProjectData bad = new ProjectData("", good.summary(), good.description(), "9",
                LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), null, null,
                List.of(new ProjectData.Place("XX", null, 95.0, 0.0)), List.of("pas-un-theme"), List.of("18"),
                List.of(new ProjectData.Sector("1", "14030", new BigDecimal("60")), new ProjectData.Sector("1", "14032", new BigDecimal("30"))),
                List.of(new ProjectData.Partner(null, " ", null, null, null, "7")),
                List.of(new ProjectData.Funding("MARS", null, null, new BigDecimal("-1"), "euro", null)),
                "EUR", List.of(new ProjectData.Link("WEB", null, "javascript:alert(1)", null, null)), null, null, null);
        int before = projects.ofOrganisation(org, true).size();
        assertThatThrownBy(() -> projects.create(org, bad, true, editor))
                .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.problems())
                        .extracting(ProjectException.Problem::messageKey)
                        .contains("projects.error.required", "projects.error.unknown-code", "projects.error.end-before-start",
                                "projects.error.unknown-country", "projects.error.point-invalid", "projects.error.sector-sum",
                                "projects.error.partner-name", "projects.error.amount", "projects.error.currency", "projects.error.url"));
        assertThat(projects.ofOrganisation(org, true)).hasSize(before);
    }

    @Test
    void staffHideRestoreAndMarkExemplary() {
        TestPerson editor = TestStructures.member("Chloé");
        TestPerson staff = TestStructures.staff("Équipe");
        long org = TestStructures.association(directory, editor, "Modération Projet " + TestStructures.newPersonId());
        long id = projects.create(org, water("Projet à modérer"), true, editor);
        projects.hide(id, "Photos sans consentement", staff);
        ProjectDetails hidden = projects.find(id).orElseThrow();
        assertThat(hidden.publication()).isEqualTo(Publication.HIDDEN);
        assertThat(hidden.moderationMessage()).isEqualTo("Photos sans consentement");
        assertThatThrownBy(() -> projects.publish(id, editor)).isInstanceOf(ProjectException.class);
        projects.restore(id, staff);
        projects.setExemplary(id, true, staff);
        assertThat(projects.find(id).orElseThrow()).satisfies(p -> {
            assertThat(p.isPublished()).isTrue();
            assertThat(p.exemplary()).isTrue();
        });
        assertThatThrownBy(() -> projects.setExemplary(id, false, editor)).isInstanceOf(AccessDeniedException.class);
    }
}
