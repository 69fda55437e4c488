package fr.maillage.projects.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.accounts.MySpaceSection;
import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationPageSection;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectListing;
import fr.maillage.projects.ProjectRow;
import fr.maillage.projects.Projects;
import fr.maillage.projects.Publication;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where projects show up in the pages of other modules: the "Projets" section of a structure's
 * page, "Mes projets" in "Mon espace", and a tile of the staff dashboard.
 */
@Configuration(proxyBeanMethods = false)
class ProjectSections {

    static final int PARTNER_PROJECTS = 24;

    /** The structure's published projects (led, then as a partner); its editors also get "Nouveau projet" and their drafts' count. */
    @Bean
    OrganisationPageSection projectsPageSection(Projects projects, ProjectListing listing, MessageSource messages) {
        return new OrganisationPageSection() {
            @Override
            public String id() {
                return "projets";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("projects.web.section.title", null, locale);
            }

            @Override
            public String fragment() {
                return "projects/sections :: organisation";
            }

            @Override
            public Map<String, Object> model(OrganisationRef organisation, CurrentPerson me, Locale locale) {
                List<ProjectDetails> all = projects.ofOrganisation(organisation.id(), true);
                List<ProjectDetails> published = all.stream().filter(ProjectDetails::isPublished).toList();
                List<ProjectDetails> asPartner = new ArrayList<>();
                for (long id : listing.publishedAsPartner(organisation.id(), PARTNER_PROJECTS)) {
                    projects.find(id).ifPresent(asPartner::add);
                }
                boolean editor = organisation.status() != OrganisationStatus.MERGED && organisation.status() != OrganisationStatus.REFUSED
                        && projects.canEditOrganisation(organisation.id(), me);
                if (published.isEmpty() && asPartner.isEmpty() && !editor) {
                    return Map.of();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("organisation", organisation);
                m.put("led", published);
                m.put("asPartner", asPartner);
                m.put("editor", editor);
                m.put("unpublished", editor ? all.size() - published.size() : 0);
                return m;
            }

            @Override
            public int order() {
                return 10;
            }
        };
    }

    /** "Mes projets": for each structure I edit, its projects (every state) and a "Nouveau projet" link. */
    @Bean
    MySpaceSection myProjectsSection(Directory directory, ProjectListing listing, MessageSource messages) {
        return new MySpaceSection() {
            @Override
            public String id() {
                return "mes-projets";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("projects.web.myspace.title", null, locale);
            }

            @Override
            public String fragment() {
                return "projects/sections :: my-projects";
            }

            @Override
            public Map<String, Object> model(CurrentPerson me) {
                List<MyStructure> structures = directory.structuresOf(me.personId()).stream()
                        .filter(s -> s.status() != OrganisationStatus.REFUSED && s.status() != OrganisationStatus.MERGED).toList();
                Map<Long, List<ProjectRow>> byStructure = new LinkedHashMap<>();
                structures.forEach(s -> byStructure.put(s.id(), new ArrayList<>()));
                for (ProjectRow r : listing.ofOrganisations(byStructure.keySet())) {
                    byStructure.get(r.organisationId()).add(r);
                }
                List<Map<String, Object>> groups = new ArrayList<>();
                for (MyStructure s : structures) {
                    groups.add(Map.of("structure", s, "projects", byStructure.get(s.id())));
                }
                return Map.of("groups", groups);
            }

            @Override
            public int order() {
                return 20;
            }
        };
    }

    @Bean
    AdminDashboardTile projectsTile(ProjectListing listing, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                Map<Publication, Long> counts = listing.counts();
                return new Tile(messages.getMessage("projects.web.tile.title", null, locale), counts.get(Publication.PUBLISHED),
                        messages.getMessage("projects.web.tile.text", new Object[] {counts.get(Publication.DRAFT), counts.get(Publication.HIDDEN)}, locale),
                        "/admin/projets", false);
            }

            @Override
            public int order() {
                return 40;
            }
        };
    }
}
