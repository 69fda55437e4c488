package fr.maillage.projects.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.IatiExport;
import fr.maillage.projects.IatiImports;
import fr.maillage.projects.IatiOrganisations;
import fr.maillage.projects.Projects;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where IATI shows outside its own pages: a section "Données IATI" on a structure's page (its
 * export, and the import for its editors), and a staff dashboard tile for the organisations
 * waiting to be confirmed.
 */
@Configuration(proxyBeanMethods = false)
class IatiSections {

    @Bean
    OrganisationPageSection iatiOrganisationSection(IatiExport export, IatiImports imports, Projects projects, MessageSource messages) {
        return new OrganisationPageSection() {
            @Override
            public String id() {
                return "donnees-iati";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("projects.iati.section.title", null, locale);
            }

            @Override
            public String fragment() {
                return "projects/iati/sections :: organisation";
            }

            @Override
            public Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale) {
                boolean exportable = organisation.published() && export.hasProjects(organisation.id());
                boolean canImport = me != null && projects.canEditOrganisation(organisation.id(), me);
                if (!exportable && !canImport) {
                    return Map.of();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("slug", organisation.slug());
                m.put("exportable", exportable);
                m.put("canImport", canImport);
                m.put("identifier", export.organisationIdentifier(organisation));
                return m;
            }

            @Override
            public int order() {
                return 150;
            }
        };
    }

    @Bean
    AdminDashboardTile iatiOrganisationsTile(IatiOrganisations organisations, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                long pending = organisations.pendingCount();
                return new Tile(messages.getMessage("projects.iati.tile.title", null, locale), pending,
                        messages.getMessage("projects.iati.tile.text", null, locale), IatiAdminController.PATH, pending > 0);
            }

            @Override
            public int order() {
                return 300;
            }
        };
    }
}
