package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSimilarityTests {

    @Test
    void ignoresCaseAccentsCommonWordsAndSmallTypos() {
        assertThat(NameSimilarity.similar("Amis du Senegal", "Les amis du Sénégal")).isTrue();
        assertThat(NameSimilarity.similar("Association Les Amis du Sénégal", "AMIS DU SENEGAL !")).isTrue();
        assertThat(NameSimilarity.similar("Amis du Sénégall", "Les amis du Sénégal")).isTrue();
        assertThat(NameSimilarity.similar("Solidarité Madagascar Bretagne", "Solidarite Madagascar Bretagne")).isTrue();
    }

    @Test
    void keepsDifferentNamesApart() {
        assertThat(NameSimilarity.similar("Amis du Sénégal", "Amis du Mali")).isFalse();
        assertThat(NameSimilarity.similar("Eau Vive Rennes", "Terre Vive Lyon")).isFalse();
        assertThat(NameSimilarity.key("Les Amis du Sénégal")).isEqualTo("amis senegal");
    }
}
