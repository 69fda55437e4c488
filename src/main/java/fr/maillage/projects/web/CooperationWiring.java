package fr.maillage.projects.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.Eapd;
import fr.maillage.projects.EapdCampaign;
import fr.maillage.projects.EapdDeclaration;
import fr.maillage.projects.PartnershipSummary;
import fr.maillage.projects.Partnerships;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How decentralised cooperation shows elsewhere: a section on a local authority's page (its
 * partnerships, and for its editors the links to record one and to its e-APD worksheet), and a
 * tile of the e-APD campaign on the staff dashboard.
 */
@Configuration(proxyBeanMethods = false)
class CooperationWiring {

    @Bean
    OrganisationPageSection cooperationSection(Partnerships partnerships, Eapd eapd, MessageSource messages) {
        return new OrganisationPageSection() {
            @Override
            public String id() {
                return "cooperation";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("projects.coop.section.title", null, locale);
            }

            @Override
            public String fragment() {
                return "projects/coop/sections :: organisation";
            }

            @Override
            public Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale) {
                if (!Partnerships.isLocalAuthority(organisation)) {
                    return Map.of();
                }
                List<PartnershipSummary> list = partnerships.ofOrganisation(organisation.id(), locale);
                boolean canEdit = partnerships.canRecord(organisation.id(), me);
                if (list.isEmpty() && !canEdit) {
                    return Map.of();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("partnerships", list);
                m.put("canEdit", canEdit);
                m.put("slug", organisation.slug());
                m.put("name", organisation.displayName());
                m.put("eapdYear", eapd.defaultYear());
                return m;
            }

            @Override
            public int order() {
                return 200;
            }
        };
    }

    @Bean
    AdminDashboardTile eapdCampaignTile(Eapd eapd, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                EapdCampaign campaign = eapd.currentCampaign().orElse(null);
                String title = messages.getMessage("projects.eapd.tile.title", null, locale);
                if (campaign == null) {
                    return new Tile(title, 0, messages.getMessage("projects.eapd.tile.none", null, locale), "/admin/apd", false);
                }
                List<EapdDeclaration> declarations = eapd.declarations(campaign.amountsYear());
                long filled = declarations.stream().filter(EapdDeclaration::filled).count();
                var today = eapd.today();
                String state = campaign.isOpen(today) ? "open" : campaign.isUpcoming(today) ? "upcoming" : "closed";
                String text = messages.getMessage("projects.eapd.tile." + state, new Object[] {String.valueOf(campaign.year()),
                        filled, declarations.size(), new CoopViews().day(campaign.opensOn(), locale),
                        new CoopViews().day(campaign.closesOn(), locale)}, locale);
                boolean attention = campaign.isOpen(today) && campaign.daysLeft(today) <= eapd.properties().closingReminderDays()
                        && filled < declarations.size();
                return new Tile(title, filled, text, "/admin/apd?annee=" + campaign.year(), attention);
            }

            @Override
            public int order() {
                return 300;
            }
        };
    }
}
