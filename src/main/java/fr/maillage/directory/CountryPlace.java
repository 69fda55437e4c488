package fr.maillage.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A country where a structure acts, with an optional place inside it ("Saint-Louis", "région de Kayes"). */
@Embeddable
class CountryPlace {

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Column(name = "place", length = 200)
    private String place;

    protected CountryPlace() {
    }

    CountryPlace(String countryCode, String place) {
        this.countryCode = countryCode;
        this.place = place;
    }

    String getCountryCode() {
        return countryCode;
    }

    String getPlace() {
        return place;
    }
}
