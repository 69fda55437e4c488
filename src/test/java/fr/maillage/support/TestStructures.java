package fr.maillage.support;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import fr.maillage.directory.CountryEntry;
import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationData;
import fr.maillage.directory.SubmitOrganisation;

/**
 * Published structures for tests of other modules, created through the directory's facade
 * (submitted by {@code editor}, who becomes its admin, then approved by a staff person).
 * Names should carry a test's own marker: all test classes share one database.
 */
public final class TestStructures {

    private static final AtomicLong IDS = new AtomicLong(800_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L);

    private TestStructures() {
    }

    /** A fresh person id nobody else uses (no account behind it). */
    public static long newPersonId() {
        return IDS.incrementAndGet();
    }

    public static TestPerson member(String name) {
        long id = newPersonId();
        return new TestPerson(id, "person" + id + "@exemple.test", name, false, false);
    }

    public static TestPerson staff(String name) {
        long id = newPersonId();
        return new TestPerson(id, "staff" + id + "@exemple.test", name, true, false);
    }

    /** An association in Bordeaux working in Senegal on water. */
    public static long association(Directory directory, TestPerson editor, String name) {
        return published(directory, editor, name, "association", "33000", "Bordeaux", List.of("SN"), List.of("eau-assainissement"));
    }

    /** A commune (local authority). */
    public static long localAuthority(Directory directory, TestPerson editor, String name, String postalCode, String city) {
        return published(directory, editor, name, "collectivite", postalCode, city, List.of(), List.of());
    }

    public static long published(Directory directory, TestPerson editor, String name, String structureType, String postalCode,
                                 String city, List<String> countries, List<String> themes) {
        String college = structureType.equals("collectivite") ? "collectivites"
                : structureType.equals("entreprise") ? "acteurs-economiques"
                : structureType.equals("association") || structureType.equals("reseau") || structureType.equals("fondation") ? "associations"
                : "etablissements-publics";
        OrganisationData data = new OrganisationData(name, null, structureType, college, null, null,
                null, postalCode, city, null, null, false, null, false, null,
                "Structure de test " + name, themes, countries.stream().map(c -> new CountryEntry(c, null)).toList(),
                List.of(), List.of(), null, null, null, false);
        long id = directory.submit(new SubmitOrganisation(data), editor).value();
        directory.approve(id, staff("Équipe"));
        return id;
    }
}
