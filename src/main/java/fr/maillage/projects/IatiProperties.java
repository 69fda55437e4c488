package fr.maillage.projects;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the IATI export and import ({@code maillage.projects.iati.*}).
 *
 * <ul>
 * <li>{@code organisationPrefix}: prefix of the IATI identifier of a structure that has neither
 * an RNA nor a SIRET number: {@code <prefix>-<structure id>}. The IATI organisation-identifier
 * rules want a registration agency prefix followed by the organisation's number in that
 * register; a structure without a national number is registered only in the network's own
 * directory, so the network is the agency. The default {@code XI-MAILLAGE} follows the shape of
 * the international ("XI") agency codes; a network that has an IATI identifier of its own (for
 * instance {@code FR-RNA-W332001234}) should use it as the prefix, which keeps the identifiers
 * unique across networks.</li>
 * <li>{@code rnaPrefix}, {@code siretPrefix}: agency prefixes for the RNA ("Répertoire national
 * des associations") and SIRET (Sirene) numbers.</li>
 * <li>{@code maxUpload}: largest file the import accepts (200 MB).</li>
 * <li>{@code uploadDir}: where uploaded files wait for their import (deleted once imported or
 * after {@code keepUploads}).</li>
 * <li>{@code batchSize}: activities written per database transaction by the import.</li>
 * <li>{@code exportImported}: whether projects imported from another publisher's IATI file are
 * exported again (no by default: an activity is published once, by its own reporting
 * organisation).</li>
 * </ul>
 */
@ConfigurationProperties("maillage.projects.iati")
public record IatiProperties(String organisationPrefix, String rnaPrefix, String siretPrefix, DataSize maxUpload,
                             String uploadDir, Duration keepUploads, Integer batchSize, Boolean exportImported) {

    public IatiProperties {
        organisationPrefix = blank(organisationPrefix) ? "XI-MAILLAGE" : organisationPrefix.strip();
        rnaPrefix = blank(rnaPrefix) ? "FR-RNA" : rnaPrefix.strip();
        siretPrefix = blank(siretPrefix) ? "FR-SIRET" : siretPrefix.strip();
        if (maxUpload == null || maxUpload.toBytes() <= 0) {
            maxUpload = DataSize.ofMegabytes(200);
        }
        if (keepUploads == null || keepUploads.isNegative() || keepUploads.isZero()) {
            keepUploads = Duration.ofDays(7);
        }
        if (batchSize == null || batchSize < 1) {
            batchSize = 200;
        }
        if (exportImported == null) {
            exportImported = false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
