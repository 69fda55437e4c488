package fr.maillage.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
 * A structure of the directory ("acteur"). Package-private: other modules and the web layer
 * see it through the {@code Directory} and {@code DirectorySearch} facades and their records.
 * The search mapping is declared programmatically (see the search configurer), not here.
 */
@Entity
@Table(name = "organisation")
@EntityListeners(IndexEpoch.Listener.class)
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 160)
    String slug;

    @Column(nullable = false, length = 200)
    String name;

    @Column(name = "name_key", nullable = false, length = 200)
    String nameKey;

    String acronym;

    @Column(name = "structure_type", nullable = false)
    String structureType;

    @Column(nullable = false)
    String college;

    String siret;
    String rna;

    @Column(name = "address_line")
    String addressLine;

    @Column(name = "postal_code")
    String postalCode;

    String city;
    String departement;
    String region;
    Double latitude;
    Double longitude;
    String website;

    @Column(name = "public_email")
    String publicEmail;

    @Column(name = "show_email")
    boolean showEmail;

    String phone;

    @Column(name = "show_phone")
    boolean showPhone;

    @Column(name = "logo_key")
    String logoKey;

    String description;

    @Column(name = "year_founded")
    Integer yearFounded;

    Integer volunteers;
    Integer employees;
    boolean member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OrganisationStatus status;

    @Column(name = "moderation_message")
    String moderationMessage;

    @Column(name = "merged_into_id")
    Long mergedIntoId;

    @Column(name = "created_by")
    Long createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "review_requested_at")
    Instant reviewRequestedAt;

    @Version
    int version;

    /**
     * What the projects module reports about the published projects this structure leads
     * (see {@code Directory.recordProjectActivity}): never written through the entity, so that
     * a project's change neither bumps the structure's version nor appears in its history.
     */
    @Column(name = "published_projects", insertable = false, updatable = false)
    int publishedProjects;

    @Column(name = "project_countries", insertable = false, updatable = false)
    String[] projectCountries = new String[0];

    @Column(name = "project_themes", insertable = false, updatable = false)
    String[] projectThemes = new String[0];

    @ElementCollection
    @CollectionTable(name = "organisation_theme", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "theme_code")
    @BatchSize(size = 256)
    Set<String> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "organisation_country", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 256)
    List<CountryPlace> countries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "organisation_sdg", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "sdg")
    @BatchSize(size = 256)
    Set<Short> sdgs = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "organisation_keyword", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "keyword")
    @BatchSize(size = 256)
    Set<String> keywords = new LinkedHashSet<>();

    protected Organisation() {
    }

    Organisation(String name, String structureType, String college) {
        this.name = name;
        this.structureType = structureType;
        this.college = college;
        this.status = OrganisationStatus.PENDING;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }

    boolean isPublished() {
        return status == OrganisationStatus.PUBLISHED;
    }

    /** Country codes, in the order the structure gave them. */
    List<String> countryCodes() {
        return countries.stream().map(CountryPlace::getCountryCode).distinct().toList();
    }
}
