package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void requiresTenCharactersAtMostSeventyTwoBytesAndNotTheEmail() {
        assertThat(PasswordPolicy.problem("", null)).contains("accounts.password.required");
        assertThat(PasswordPolicy.problem("court", null)).contains("accounts.password.too-short");
        assertThat(PasswordPolicy.problem("é".repeat(40), null)).contains("accounts.password.too-long");
        assertThat(PasswordPolicy.problem("Jean@Exemple.fr", "jean@exemple.fr")).contains("accounts.password.same-as-email");
        assertThat(PasswordPolicy.problem("une phrase de passe", "jean@exemple.fr")).isEmpty();
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.STAFF)).isTrue();
        assertThat(Role.STAFF.includes(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.includes(Role.STAFF)).isFalse();
    }
}
