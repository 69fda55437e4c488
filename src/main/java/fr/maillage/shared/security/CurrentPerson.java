package fr.maillage.shared.security;

/**
 * The signed-in person, as every module sees it. Controllers take it with
 * {@code @AuthenticationPrincipal CurrentPerson me} (null for visitors). The accounts module
 * provides the implementation.
 */
public interface CurrentPerson {

    long personId();

    String email();

    String displayName();

    /** Network team (staff) or administrator. */
    boolean isStaff();

    boolean isAdmin();
}
