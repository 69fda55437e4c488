package fr.maillage.projects;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.directory.OrganisationRef;

import org.springframework.stereotype.Component;

/**
 * IATI organisation identifiers of the directory's structures, following the IATI
 * organisation-identifier rules ({@code <registration agency>-<number in that register>}):
 * the RNA number of an association ({@code FR-RNA-W332001234}), else the SIRET of its
 * establishment ({@code FR-SIRET-12345678900012}), else the network's own prefix and the
 * structure's id ({@code XI-MAILLAGE-42}, see {@link IatiProperties}). The RNA comes first
 * because it does not change when an association moves, while a SIRET names one
 * establishment and changes with its address. The prefixes are settings.
 */
@Component
class IatiOrgIds {

    private static final Pattern RNA = Pattern.compile("W\\d{9}");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    private final IatiProperties properties;
    private final Pattern rnaRef;
    private final Pattern siretRef;
    private final Pattern networkRef;

    IatiOrgIds(IatiProperties properties) {
        this.properties = properties;
        this.rnaRef = Pattern.compile("(?i)" + Pattern.quote(properties.rnaPrefix()) + "-(W\\d{9})");
        // FR-INSEE is the Sirene agency code of IATI's older OrganisationRegistrationAgency list: accepted on import
        this.siretRef = Pattern.compile("(?i)(?:" + Pattern.quote(properties.siretPrefix()) + "|FR-INSEE)-(\\d{14})");
        this.networkRef = Pattern.compile("(?i)" + Pattern.quote(properties.organisationPrefix()) + "-(\\d{1,18})");
    }

    /** The IATI identifier of a structure. */
    String of(OrganisationRef o) {
        return of(o.id(), o.rna(), o.siret());
    }

    String of(long id, String rna, String siret) {
        String r = rna == null ? "" : rna.strip().toUpperCase(Locale.ROOT);
        if (RNA.matcher(r).matches()) {
            return properties.rnaPrefix() + "-" + r;
        }
        String s = siret == null ? "" : siret.replace(" ", "").strip();
        if (SIRET.matcher(s).matches()) {
            return properties.siretPrefix() + "-" + s;
        }
        return properties.organisationPrefix() + "-" + id;
    }

    /** The RNA or SIRET number inside an IATI identifier of those registers, or null. */
    String nationalNumber(String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.strip().replace(" ", "");
        Matcher m = rnaRef.matcher(r);
        if (m.matches()) {
            return m.group(1).toUpperCase(Locale.ROOT);
        }
        m = siretRef.matcher(r);
        if (m.matches()) {
            return m.group(1);
        }
        return null;
    }

    /** The structure id inside an identifier made with the network's own prefix, or null. */
    Long networkId(String ref) {
        if (ref == null) {
            return null;
        }
        Matcher m = networkRef.matcher(ref.strip());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }
}
