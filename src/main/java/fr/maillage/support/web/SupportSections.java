package fr.maillage.support.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.accounts.MySpaceSection;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.support.Appointments;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where appointments show up in other modules' pages: the "Accompagnement" section of a
 * structure's page (staff only: its support history), "Mes rendez-vous" in "Mon espace", and
 * a tile of the staff dashboard.
 */
@Configuration(proxyBeanMethods = false)
class SupportSections {

    /** The support history of a structure, for staff; nothing at all for anyone else. */
    @Bean
    OrganisationPageSection supportHistorySection(Appointments appointments, MessageSource messages) {
        return new OrganisationPageSection() {
            @Override
            public String id() {
                return "accompagnement";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("support.history.title", null, locale);
            }

            @Override
            public String fragment() {
                return "support/sections :: history";
            }

            @Override
            public Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale) {
                if (me == null || !me.isStaff()) {
                    return Map.of();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("organisation", organisation);
                m.put("entries", appointments.history(organisation.id(), me));
                return m;
            }

            @Override
            public int order() {
                return 90;
            }
        };
    }

    /** "Mes rendez-vous": upcoming appointments with their links, and "Prendre rendez-vous". */
    @Bean
    MySpaceSection myAppointmentsSection(Appointments appointments, MessageSource messages) {
        return new MySpaceSection() {
            @Override
            public String id() {
                return "mes-rendez-vous";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("support.myspace.title", null, locale);
            }

            @Override
            public String fragment() {
                return "support/sections :: mine";
            }

            @Override
            public Map<String, Object> model(CurrentPerson me) {
                return Map.of("upcoming", appointments.upcomingOf(me.personId()),
                        "hasStructure", !appointments.bookableStructures(me.personId()).isEmpty());
            }

            @Override
            public int order() {
                return 40;
            }
        };
    }

    @Bean
    AdminDashboardTile appointmentsTile(Appointments appointments, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                long week = appointments.countThisWeek();
                long followUp = appointments.countAwaitingFollowUp();
                return new Tile(messages.getMessage("support.tile.title", null, locale), week,
                        messages.getMessage("support.tile.text", new Object[] {week, followUp}, locale),
                        followUp > 0 ? "/admin/rendez-vous?pour=equipe&periode=passes&statut=BOOKED" : "/admin/rendez-vous?pour=equipe",
                        followUp > 0);
            }

            @Override
            public int order() {
                return 60;
            }
        };
    }
}
