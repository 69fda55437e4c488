package fr.maillage.agenda.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.accounts.MySpaceSection;
import fr.maillage.agenda.AgendaListing;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.OccurrenceRow;
import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where events show up in the pages of other modules: "Mes événements" in "Mon espace", the
 * "Agenda" section of a structure's page, and the staff dashboard's "événements à valider".
 */
@Configuration(proxyBeanMethods = false)
class EventSections {

    static final int ORGANISATION_EVENTS = 8;

    /** "Mes événements": what I proposed or my structures organise, every status, with "Proposer un événement". */
    @Bean
    MySpaceSection myEventsSection(AgendaListing listing, MessageSource messages) {
        return new MySpaceSection() {
            @Override
            public String id() {
                return "mes-evenements";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("agenda.events.myspace.title", null, locale);
            }

            @Override
            public String fragment() {
                return "agenda/events/sections :: my-events";
            }

            @Override
            public Map<String, Object> model(CurrentPerson me) {
                return Map.of("events", listing.organisedBy(me.personId()));
            }

            @Override
            public int order() {
                return 30;
            }
        };
    }

    /** The structure's next public events; its editors also get "Proposer un événement" for it. */
    @Bean
    OrganisationPageSection agendaPageSection(AgendaSearch search, Directory directory, MessageSource messages) {
        return new OrganisationPageSection() {
            @Override
            public String id() {
                return "agenda";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("agenda.events.section.title", null, locale);
            }

            @Override
            public String fragment() {
                return "agenda/events/sections :: organisation";
            }

            @Override
            public Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale) {
                List<OccurrenceRow> next = new ArrayList<>();
                Set<Long> seen = new LinkedHashSet<>();
                for (OccurrenceRow r : search.upcoming(AgendaQuery.all().ofOrganisation(organisation.id()), 60)) {
                    if (seen.add(r.eventId()) && next.size() < ORGANISATION_EVENTS) {
                        next.add(r);
                    }
                }
                boolean editor = organisation.status() != OrganisationStatus.MERGED && organisation.status() != OrganisationStatus.REFUSED
                        && me != null && directory.canEdit(organisation.id(), me);
                if (next.isEmpty() && !editor) {
                    return Map.of();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("organisation", organisation);
                m.put("events", next);
                m.put("editor", editor);
                return m;
            }

            @Override
            public int order() {
                return 20;
            }
        };
    }

    @Bean
    AdminDashboardTile pendingEventsTile(AgendaListing listing, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                long pending = listing.countPending();
                return new Tile(messages.getMessage("agenda.events.tile.title", new Object[] {pending}, locale), pending,
                        messages.getMessage("agenda.events.tile.text", null, locale), "/admin/agenda", pending > 0);
            }

            @Override
            public int order() {
                return 15;
            }
        };
    }
}
