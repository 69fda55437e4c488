package fr.maillage.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A participating organisation: a structure of the directory, or an outside one. */
@Embeddable
class ProjectPartner {

    @Column(name = "organisation_id")
    Long organisationId;

    String name;

    @Column(name = "iati_ref")
    String iatiRef;

    @Column(name = "org_type")
    String orgType;

    @Column(name = "country_code")
    String countryCode;

    @Column(nullable = false)
    String role;

    protected ProjectPartner() {
    }

    ProjectPartner(Long organisationId, String name, String iatiRef, String orgType, String countryCode, String role) {
        this.organisationId = organisationId;
        this.name = name;
        this.iatiRef = iatiRef;
        this.orgType = orgType;
        this.countryCode = countryCode;
        this.role = role;
    }
}
