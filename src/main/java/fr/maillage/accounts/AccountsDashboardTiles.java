package fr.maillage.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import fr.maillage.mail.MailStatus;
import fr.maillage.mail.Outbox;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff dashboard's own tiles: people and the mail outbox. */
@Configuration(proxyBeanMethods = false)
class AccountsDashboardTiles {

    @Bean
    AdminDashboardTile newPeopleTile(PersonRepository people, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                long total = people.countByDeletedAtIsNull();
                long recent = people.countByDeletedAtIsNullAndCreatedAtAfter(Instant.now().minus(Duration.ofDays(30)));
                return new Tile(messages.getMessage("admin.tile.people.title", null, locale), total,
                        messages.getMessage("admin.tile.people.text", new Object[] {recent}, locale), "/admin/personnes", false);
            }

            @Override
            public int order() {
                return 500;
            }
        };
    }

    @Bean
    AdminDashboardTile unverifiedPeopleTile(PersonRepository people, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                return new Tile(messages.getMessage("admin.tile.unverified.title", null, locale),
                        people.countByDeletedAtIsNullAndEmailVerifiedFalse(),
                        messages.getMessage("admin.tile.unverified.text", null, locale), "/admin/personnes?confirme=non", false);
            }

            @Override
            public int order() {
                return 510;
            }
        };
    }

    @Bean
    AdminDashboardTile outboxTile(Outbox outbox, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                var counts = outbox.counts();
                long pending = counts.get(MailStatus.PENDING);
                long failed = counts.get(MailStatus.FAILED);
                String text = outbox.smtpConfigured()
                        ? messages.getMessage("admin.tile.mail.text", new Object[] {failed}, locale)
                        : messages.getMessage("admin.tile.mail.no-smtp", null, locale);
                return new Tile(messages.getMessage("admin.tile.mail.title", null, locale), pending, text,
                        "/admin/courriels?statut=" + (failed > 0 ? "FAILED" : "PENDING"), failed > 0);
            }

            @Override
            public int order() {
                return 600;
            }
        };
    }
}
