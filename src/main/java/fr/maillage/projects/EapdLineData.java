package fr.maillage.projects;

import java.math.BigDecimal;
import java.util.List;

/** A line of a worksheet as written: its category code, amount in euros, comment, and the projects it counts. */
public record EapdLineData(String category, BigDecimal amount, String comment, List<Long> projectIds) {

    public EapdLineData {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
    }
}
