package fr.maillage.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A country where a project acts, with an optional place and map point. */
@Embeddable
class ProjectPlace {

    @Column(name = "country_code", nullable = false, length = 2)
    String countryCode;

    String place;
    Double latitude;
    Double longitude;

    protected ProjectPlace() {
    }

    ProjectPlace(String countryCode, String place, Double latitude, Double longitude) {
        this.countryCode = countryCode;
        this.place = place;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    String getCountryCode() {
        return countryCode;
    }
}
