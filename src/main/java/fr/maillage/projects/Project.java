package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * A project of a structure of the directory. Package-private: the web layer and other modules
 * see it through {@link Projects} and its records. The lead structure ({@code organisationId})
 * is the IATI reporting organisation.
 */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 180)
    String slug;

    @Column(name = "organisation_id", nullable = false)
    Long organisationId;

    @Column(name = "iati_identifier")
    String iatiIdentifier;

    @Column(nullable = false)
    String title;

    String summary;
    String description;

    @Column(name = "activity_status", nullable = false)
    String activityStatus;

    @Column(name = "planned_start")
    LocalDate plannedStart;
    @Column(name = "planned_end")
    LocalDate plannedEnd;
    @Column(name = "actual_start")
    LocalDate actualStart;
    @Column(name = "actual_end")
    LocalDate actualEnd;

    @Column(name = "total_budget")
    BigDecimal totalBudget;

    @Column(name = "budget_currency", nullable = false)
    String budgetCurrency = "EUR";

    @Column(name = "lessons_worked")
    String lessonsWorked;
    @Column(name = "lessons_failed")
    String lessonsFailed;
    @Column(name = "lessons_advice")
    String lessonsAdvice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Publication publication = Publication.DRAFT;

    @Column(name = "moderation_message")
    String moderationMessage;

    boolean exemplary;

    @Column(nullable = false)
    String source = "LOCAL";

    @Column(name = "created_by")
    Long createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "published_at")
    Instant publishedAt;

    @Version
    int version;

    @ElementCollection
    @CollectionTable(name = "project_place", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<ProjectPlace> places = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_theme", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "theme_code")
    @BatchSize(size = 256)
    Set<String> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_sdg", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "sdg")
    @BatchSize(size = 256)
    Set<Short> sdgs = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_sector", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<ProjectSector> sectors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<ProjectPartner> partners = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_funding", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<ProjectFunding> fundings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_link", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<ProjectLink> links = new ArrayList<>();

    protected Project() {
    }

    Project(long organisationId, String title) {
        this.organisationId = organisationId;
        this.title = title;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }

    boolean isPublished() {
        return publication == Publication.PUBLISHED;
    }

    List<String> countryCodes() {
        return places.stream().map(p -> p.countryCode).distinct().toList();
    }

    /** The first year the project runs (actual start, else planned), or null. */
    Integer startYear() {
        LocalDate d = actualStart != null ? actualStart : plannedStart;
        return d == null ? null : d.getYear();
    }

    /** The last year the project runs (actual end, else planned), or null. */
    Integer endYear() {
        LocalDate d = actualEnd != null ? actualEnd : plannedEnd;
        return d == null ? null : d.getYear();
    }
}
