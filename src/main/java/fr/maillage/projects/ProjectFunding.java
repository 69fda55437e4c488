package fr.maillage.projects;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A funding source of a project. */
@Embeddable
class ProjectFunding {

    @Column(name = "funder_kind", nullable = false)
    String funderKind;

    @Column(name = "funder_name")
    String funderName;

    @Column(name = "organisation_id")
    Long organisationId;

    @Column(nullable = false)
    BigDecimal amount;

    @Column(nullable = false)
    String currency;

    Integer year;

    protected ProjectFunding() {
    }

    ProjectFunding(String funderKind, String funderName, Long organisationId, BigDecimal amount, String currency, Integer year) {
        this.funderKind = funderKind;
        this.funderName = funderName;
        this.organisationId = organisationId;
        this.amount = amount;
        this.currency = currency;
        this.year = year;
    }
}
