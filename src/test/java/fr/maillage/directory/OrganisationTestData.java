package fr.maillage.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.maillage.shared.text.Slugs;

/** Builds and saves structures for tests, with unique slugs; published unless told otherwise. */
final class OrganisationTestData {

    private final Organisation o;

    private OrganisationTestData(String name) {
        o = new Organisation(name, "association", "associations");
        o.slug = Slugs.slug(name) + "-" + UUID.randomUUID().toString().substring(0, 8);
        o.nameKey = Slugs.fold(name);
        o.status = OrganisationStatus.PUBLISHED;
        o.publishedAt = Instant.now();
        o.departement = "33";
        o.region = "75";
        o.city = "Bordeaux";
        o.postalCode = "33000";
    }

    static OrganisationTestData organisation(String name) {
        return new OrganisationTestData(name);
    }

    /** A word that appears nowhere else, to isolate a test's structures in searches. */
    /**
     * A word no other test data contains, even with the search's typo tolerance (two edits):
     * 12 random letters from the whole alphabet, so that two markers are never that close.
     */
    static String marker() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    OrganisationTestData acronym(String acronym) {
        o.acronym = acronym;
        return this;
    }

    OrganisationTestData type(String type, String college) {
        o.structureType = type;
        o.college = college;
        return this;
    }

    OrganisationTestData place(String city, String postalCode, String departement, String region) {
        o.city = city;
        o.postalCode = postalCode;
        o.departement = departement;
        o.region = region;
        return this;
    }

    OrganisationTestData countries(String... codes) {
        o.countries.clear();
        for (String c : codes) {
            o.countries.add(new CountryPlace(c, null));
        }
        return this;
    }

    OrganisationTestData country(String code, String place) {
        o.countries.add(new CountryPlace(code, place));
        return this;
    }

    OrganisationTestData themes(String... codes) {
        o.themes.clear();
        o.themes.addAll(List.of(codes));
        return this;
    }

    OrganisationTestData sdgs(int... goals) {
        o.sdgs.clear();
        for (int g : goals) {
            o.sdgs.add((short) g);
        }
        return this;
    }

    OrganisationTestData keywords(String... words) {
        o.keywords.addAll(List.of(words));
        return this;
    }

    OrganisationTestData description(String markdown) {
        o.description = markdown;
        return this;
    }

    OrganisationTestData member(boolean member) {
        o.member = member;
        return this;
    }

    OrganisationTestData email(String email, boolean show) {
        o.publicEmail = email;
        o.showEmail = show;
        return this;
    }

    OrganisationTestData phone(String phone, boolean show) {
        o.phone = phone;
        o.showPhone = show;
        return this;
    }

    OrganisationTestData website(String website) {
        o.website = website;
        return this;
    }

    OrganisationTestData status(OrganisationStatus status) {
        o.status = status;
        return this;
    }

    OrganisationTestData updatedAt(Instant at) {
        o.updatedAt = at;
        return this;
    }

    OrganisationTestData mergedInto(Organisation target) {
        o.status = OrganisationStatus.MERGED;
        o.mergedIntoId = target.id;
        return this;
    }

    Organisation build() {
        return o;
    }

    Organisation save(OrganisationRepository repository) {
        return repository.save(o);
    }
}
