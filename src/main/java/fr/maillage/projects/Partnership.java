package fr.maillage.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * A decentralised-cooperation partnership between a French local authority of the directory
 * ({@code organisationId}) and a foreign authority. Package-private: seen through
 * {@link Partnerships} and its records.
 */
@Entity
@Table(name = "partnership")
class Partnership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "organisation_id", nullable = false)
    Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "french_level", nullable = false)
    FrenchAuthorityLevel frenchLevel;

    @Column(name = "partner_name", nullable = false)
    String partnerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_level", nullable = false)
    PartnerAuthorityLevel partnerLevel;

    @Column(name = "partner_country", nullable = false)
    String partnerCountry;

    @Column(name = "partner_region")
    String partnerRegion;

    @Column(name = "signed_on")
    LocalDate signedOn;

    @Column(name = "starts_on")
    LocalDate startsOn;

    @Column(name = "ends_on")
    LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PartnershipStatus status;

    String description;

    @Column(name = "elected_name")
    String electedName;
    @Column(name = "elected_role")
    String electedRole;
    @Column(name = "elected_email")
    String electedEmail;

    @Column(name = "officer_name")
    String officerName;
    @Column(name = "officer_role")
    String officerRole;
    @Column(name = "officer_email")
    String officerEmail;

    @Column(name = "created_by")
    Long createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    int version;

    @ElementCollection
    @CollectionTable(name = "partnership_theme", joinColumns = @JoinColumn(name = "partnership_id"))
    @Column(name = "theme_code")
    @BatchSize(size = 256)
    Set<String> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "partnership_project", joinColumns = @JoinColumn(name = "partnership_id"))
    @Column(name = "project_id")
    @BatchSize(size = 256)
    Set<Long> projectIds = new LinkedHashSet<>();

    protected Partnership() {
    }

    Partnership(long organisationId) {
        this.organisationId = organisationId;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }
}
