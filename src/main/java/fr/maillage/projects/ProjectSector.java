package fr.maillage.projects;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A sector of a project and its share (IATI sector with vocabulary and percentage). */
@Embeddable
class ProjectSector {

    @Column(nullable = false)
    String vocabulary;

    @Column(nullable = false)
    String code;

    @Column(nullable = false)
    BigDecimal percentage;

    protected ProjectSector() {
    }

    ProjectSector(String vocabulary, String code, BigDecimal percentage) {
        this.vocabulary = vocabulary;
        this.code = code;
        this.percentage = percentage;
    }
}
