package fr.maillage.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts settings ({@code maillage.accounts.*}).
 *
 * @param adminEmail         first administrator's e-mail ({@code MAILLAGE_ADMIN_EMAIL}); when set with the
 *                           password, that account is created at start if it does not exist
 * @param adminPassword      first administrator's password ({@code MAILLAGE_ADMIN_PASSWORD})
 * @param rememberMeKey      key of the "remember me" tokens (random per start when blank)
 * @param rememberMeValidity how long "Se souvenir de moi" keeps a person signed in
 * @param maxFailuresPerEmail failed logins allowed per e-mail within {@code failureWindow}
 * @param maxFailuresPerIp   failed logins allowed per client address within {@code failureWindow}
 * @param failureWindow      the rate limiting window
 * @param verificationValidity lifetime of an e-mail confirmation link
 * @param resetValidity      lifetime of a password reset link
 * @param setupValidity      lifetime of the first administrator setup link
 */
@ConfigurationProperties("maillage.accounts")
public record AccountsProperties(
        String adminEmail,
        String adminPassword,
        String rememberMeKey,
        Duration rememberMeValidity,
        Integer maxFailuresPerEmail,
        Integer maxFailuresPerIp,
        Duration failureWindow,
        Duration verificationValidity,
        Duration resetValidity,
        Duration setupValidity) {

    public AccountsProperties {
        adminEmail = adminEmail == null ? "" : adminEmail.trim();
        adminPassword = adminPassword == null ? "" : adminPassword;
        rememberMeKey = rememberMeKey == null ? "" : rememberMeKey;
        rememberMeValidity = rememberMeValidity == null ? Duration.ofDays(30) : rememberMeValidity;
        maxFailuresPerEmail = maxFailuresPerEmail == null ? 5 : maxFailuresPerEmail;
        maxFailuresPerIp = maxFailuresPerIp == null ? 30 : maxFailuresPerIp;
        failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
        verificationValidity = verificationValidity == null ? Duration.ofDays(7) : verificationValidity;
        resetValidity = resetValidity == null ? Duration.ofHours(1) : resetValidity;
        setupValidity = setupValidity == null ? Duration.ofDays(7) : setupValidity;
    }

    public boolean hasConfiguredAdmin() {
        return !adminEmail.isBlank() && !adminPassword.isBlank();
    }
}
