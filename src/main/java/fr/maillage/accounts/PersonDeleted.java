package fr.maillage.accounts;

/**
 * Published (in the deleting transaction) when a person deletes their account: the person row is
 * anonymised, and other modules remove or anonymise what they keep about that person.
 */
public record PersonDeleted(long personId) {
}
