package fr.maillage.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationFormValidatorTests {

    @Test
    void checksSiretWithLuhn() {
        assertThat(OrganisationFormValidator.validSiret("73282932000074")).isTrue();
        assertThat(OrganisationFormValidator.validSiret("73282932000075")).isFalse();
        assertThat(OrganisationFormValidator.validSiret("35600000000051")).isTrue(); // La Poste: digit sum multiple of 5
        assertThat(OrganisationFormValidator.validSiret("1234")).isFalse();
    }

    @Test
    void acceptsFrenchPhoneFormats() {
        assertThat(OrganisationFormValidator.normalisePhone("0123456789")).isEqualTo("01 23 45 67 89");
        assertThat(OrganisationFormValidator.normalisePhone("01.23.45.67.89")).isEqualTo("01 23 45 67 89");
        assertThat(OrganisationFormValidator.normalisePhone("+33 6 12 34 56 78")).isEqualTo("06 12 34 56 78");
        assertThat(OrganisationFormValidator.normalisePhone("+33 (0)6 12 34 56 78")).isEqualTo("06 12 34 56 78");
        assertThat(OrganisationFormValidator.normalisePhone("0033612345678")).isEqualTo("06 12 34 56 78");
        assertThat(OrganisationFormValidator.normalisePhone("+221 33 123 45 67")).isEqualTo("+221 33 123 45 67");
        assertThat(OrganisationFormValidator.normalisePhone("12345")).isNull();
        assertThat(OrganisationFormValidator.normalisePhone("01 23 45 67")).isNull();
    }

    @Test
    void acceptsOnlyHttpWebsites() {
        assertThat(OrganisationFormValidator.normaliseWebsite("www.exemple.fr")).isEqualTo("https://www.exemple.fr");
        assertThat(OrganisationFormValidator.normaliseWebsite("http://exemple.org/a?b=c")).isEqualTo("http://exemple.org/a?b=c");
        assertThat(OrganisationFormValidator.normaliseWebsite("javascript:alert(1)")).isNull();
        assertThat(OrganisationFormValidator.normaliseWebsite("ftp://exemple.org")).isNull();
        assertThat(OrganisationFormValidator.normaliseWebsite("pas un site")).isNull();
    }
}
