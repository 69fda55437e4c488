package fr.maillage.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.accounts.MySpaceSection;
import fr.maillage.accounts.PersonDeleted;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the directory plugs into accounts: it learns people's current e-mail and language from
 * the accounts facade, adds "Mes structures" to "Mon espace" and its figures to the staff
 * dashboard, and forgets a person's memberships when their account is deleted. The dependency
 * goes one way only (directory → accounts). A deleted person's name is also dropped from the
 * list of messages they relayed through "Prendre contact".
 */
@Configuration(proxyBeanMethods = false)
class AccountsWiring {

    @Bean
    PersonDirectory personDirectory(Accounts accounts) {
        return new PersonDirectory() {
            @Override
            public Optional<Contact> contact(long personId) {
                return accounts.find(personId).map(p -> new Contact(p.email(), p.displayName(), p.locale()));
            }

            @Override
            public List<Contact> staff() {
                return accounts.staff().stream().map(p -> new Contact(p.email(), p.displayName(), p.locale())).toList();
            }
        };
    }

    @Bean
    MySpaceSection myStructuresSection(Directory directory, MessageSource messages) {
        return new MySpaceSection() {
            @Override
            public String id() {
                return "mes-structures";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("directory.mine.title", null, locale);
            }

            @Override
            public String fragment() {
                return "directory/mine :: structures";
            }

            @Override
            public Map<String, Object> model(CurrentPerson me) {
                return Map.of("structures", directory.structuresOf(me.personId()),
                        "joinRequests", directory.joinRequestsToDecide(me.personId()));
            }

            @Override
            public int order() {
                return 10;
            }
        };
    }

    @Bean
    AdminDashboardTile moderationTile(Directory directory, MessageSource messages) {
        return locale -> {
            long pending = directory.moderationQueue().size();
            return new AdminDashboardTile.Tile(messages.getMessage("directory.tile.moderation", null, locale), pending,
                    messages.getMessage("directory.tile.moderation.text", null, locale), "/admin/moderation", pending > 0);
        };
    }

    @Bean
    AdminDashboardTile staleTile(Directory directory, MessageSource messages) {
        return locale -> {
            long stale = directory.stale(1, 1).total();
            return new AdminDashboardTile.Tile(messages.getMessage("directory.tile.stale", null, locale), stale,
                    messages.getMessage("directory.tile.stale.text", null, locale), "/admin/structures/a-relancer", false);
        };
    }

    @Bean
    AdminDashboardTile orphanJoinRequestsTile(Directory directory, MessageSource messages) {
        return locale -> {
            long orphan = directory.joinRequestsWithoutAdmin().size();
            return new AdminDashboardTile.Tile(messages.getMessage("directory.tile.orphans", null, locale), orphan,
                    messages.getMessage("directory.tile.orphans.text", null, locale), "/admin/moderation", orphan > 0);
        };
    }

    @Bean
    AdminDashboardTile relayedMessagesTile(ContactRelay relay, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                long week = relay.relayedSince(java.time.Duration.ofDays(7));
                return new Tile(messages.getMessage("directory.tile.contact", null, locale), week,
                        messages.getMessage("directory.tile.contact.text", null, locale), "/admin/structures/messages-relayes", false);
            }

            @Override
            public int order() {
                return 140;
            }
        };
    }

    @Bean
    PersonDeletedListener personDeletedListener(JdbcClient jdbc) {
        return new PersonDeletedListener(jdbc);
    }

    static class PersonDeletedListener {

        private final JdbcClient jdbc;

        PersonDeletedListener(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * A deleted person keeps no membership nor pending request, and no copy of their contact,
         * their name or what they wrote to join: structure histories show "—" as the author, as the
         * anonymised account does.
         */
        @EventListener
        @Transactional
        public void on(PersonDeleted event) {
            jdbc.sql("delete from organisation_member where person_id = ?").param(event.personId()).update();
            jdbc.sql("update organisation_join_request set status = case when status = 'PENDING' then 'REFUSED' else status end, "
                    + "decided_at = coalesce(decided_at, now()), email = null, display_name = null, message = null where person_id = ?")
                    .param(event.personId()).update();
            jdbc.sql("update organisation_revision set actor_name = '—' where actor_id = ?").param(event.personId()).update();
            jdbc.sql("update directory_contact_message set sender_name = '—' where sender_id = ?").param(event.personId()).update();
        }
    }
}
