package fr.maillage.demo;

import fr.maillage.projects.ProjectSearch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * At startup, and only when {@code maillage.demo.structures}, {@code maillage.demo.projects} or
 * {@code maillage.demo.events} is set, tops the directory up to that many demo structures and
 * their projects, the agenda up to that many demo events, tells the
 * directory what the projects cover, then rebuilds the search indexes that need it (what was
 * added, or an empty index, for example after its folder was deleted).
 */
@Component
@ConditionalOnExpression("'${maillage.demo.structures:}' != '' or '${maillage.demo.projects:}' != '' or '${maillage.demo.events:}' != ''")
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoData demo;
    private final DemoProperties properties;
    private final DemoProjects demoProjects;
    private final ObjectProvider<ProjectSearch> projectSearch;
    private final DemoEvents demoEvents;

    /** Structures only (tests). */
    DemoDataRunner(DemoData demo, DemoProperties properties) {
        this(demo, properties, null, null, null);
    }

    @Autowired
    DemoDataRunner(DemoData demo, DemoProperties properties, DemoProjects demoProjects, ObjectProvider<ProjectSearch> projectSearch,
                   DemoEvents demoEvents) {
        this.demo = demo;
        this.properties = properties;
        this.demoProjects = demoProjects;
        this.projectSearch = projectSearch;
        this.demoEvents = demoEvents;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean structuresAdded = false;
        Integer target = properties.structures();
        if (target != null && target > 0) {
            DemoData.LoadResult result = demo.ensure(target, properties.seed(), properties.homeRegion());
            if (result.inserted() > 0) {
                log.info("Démonstration : {} structures ajoutées en {} ms (il y en avait {}, graine {})",
                        result.inserted(), result.took().toMillis(), result.before(), properties.seed());
            } else {
                log.info("Démonstration : {} structures déjà présentes, rien à ajouter", result.before());
            }
            structuresAdded = result.inserted() > 0;
        }
        boolean projectsAdded = false;
        Integer projects = properties.projects();
        ProjectSearch search = projectSearch == null ? null : projectSearch.getIfAvailable();
        if (projects != null && projects > 0 && demoProjects != null && search != null) {
            DemoData.LoadResult result = demoProjects.ensure(projects, properties.seed());
            if (result.inserted() > 0) {
                log.info("Démonstration : {} projets ajoutés en {} ms (il y en avait {}, graine {})",
                        result.inserted(), result.took().toMillis(), result.before(), properties.seed());
                projectsAdded = true;
                // what the projects cover, in the directory's records, before the directory is indexed
                search.syncDirectoryActivity(false);
            } else if (result.before() == 0) {
                log.warn("Démonstration : aucun projet ajouté, faute de structure de démonstration publiée (MAILLAGE_DEMO_STRUCTURES)");
            } else {
                log.info("Démonstration : {} projets déjà présents, rien à ajouter", result.before());
            }
        }
        Integer events = properties.events();
        if (events != null && events > 0 && demoEvents != null) {
            DemoData.LoadResult result = demoEvents.ensure(events, properties.seed(), properties.homeRegion());
            if (result.inserted() > 0) {
                log.info("Démonstration : {} événements ajoutés à l’agenda en {} ms (il y en avait {}, graine {})",
                        result.inserted(), result.took().toMillis(), result.before(), properties.seed());
            } else {
                log.info("Démonstration : {} événements déjà présents dans l’agenda, rien à ajouter", result.before());
            }
        }
        if (structuresAdded || projectsAdded || demo.directoryIndexIsEmpty()) {
            demo.reindexDirectory();
        }
        if (search != null && (projectsAdded || (projects != null && projects > 0 && demoProjects.count() > 0 && search.indexedCount() == 0))) {
            long start = System.nanoTime();
            search.reindex();
            log.info("Démonstration : index des projets reconstruit en {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
