package fr.maillage.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationChanged;
import fr.maillage.directory.OrganisationPublished;
import fr.maillage.directory.OrganisationsMerged;
import fr.maillage.directory.ProjectActivity;
import fr.maillage.reference.ThemesChanged;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the projects' search documents and the directory's project counts right.
 *
 * <ul>
 * <li>A project changed ({@link ProjectChanged}): its document is rewritten (also when it was
 * written without the entity, by an import) and the directory is told what its structure's
 * published projects now cover ({@link Directory#recordProjectActivity}).</li>
 * <li>A structure changed, was published or merged ({@link OrganisationChanged},
 * {@link OrganisationPublished}, {@link OrganisationsMerged}): the documents of the projects it
 * leads or takes part in are rewritten (they carry its name, type and département). The
 * projects of a structure merged into another move to the one kept.</li>
 * <li>Staff renamed a theme ({@link ThemesChanged}): the projects on it are reindexed (their
 * documents carry the themes' labels).</li>
 * </ul>
 *
 * The events are gathered per transaction and handled once it has committed, in a new one;
 * without a transaction, at once. At start, the index is rebuilt when it does not hold every
 * project, and the directory's project counts are checked against the projects.
 */
@Component
class ProjectIndexing {

    private static final Logger log = LoggerFactory.getLogger(ProjectIndexing.class);
    private static final int LOAD_BATCH = 500;

    private final ProjectSearch search;
    private final LeadStructures leads;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final TransactionTemplate newTransaction;
    private final EntityManagerFactory entityManagerFactory;

    ProjectIndexing(ProjectSearch search, LeadStructures leads, Directory directory, JdbcClient jdbc,
            EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactions) {
        this.search = search;
        this.leads = leads;
        this.directory = directory;
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
        this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------ events

    @EventListener
    void on(ProjectChanged event) {
        search.changed();
        Changes changes = changes();
        changes.projects.add(event.projectId());
        changes.activities.add(event.organisationId());
        changes.handleIfImmediate();
    }

    @EventListener
    void on(OrganisationChanged event) {
        structureChanged(event.id());
    }

    @EventListener
    void on(OrganisationPublished event) {
        structureChanged(event.id());
    }

    @EventListener
    void on(OrganisationsMerged event) {
        Changes changes = changes();
        changes.merges.put(event.removedId(), event.keptId());
        changes.structures.add(event.keptId());
        changes.structures.add(event.removedId());
        changes.handleIfImmediate();
    }

    /** Theme labels are indexed as text: the projects of a theme staff renamed are reindexed (in the background). */
    @EventListener
    void on(ThemesChanged event) {
        Thread thread = new Thread(() -> {
            try (EntityManager em = entityManagerFactory.createEntityManager()) {
                var indexer = Search.session(em).massIndexer(Project.class).purgeAllOnStart(false).threadsToLoadObjects(2);
                if (event.code() != null) {
                    indexer.type(Project.class).reindexOnly(":code member of e.themes").param("code", event.code());
                }
                indexer.startAndWait();
                search.changed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Réindexation des projets après modification du thème {} impossible", event.code(), e);
            }
        }, "projects-theme-reindex");
        thread.setDaemon(true);
        thread.start();
    }

    private void structureChanged(long organisationId) {
        leads.forget(organisationId);
        Changes changes = changes();
        changes.structures.add(organisationId);
        changes.handleIfImmediate();
    }

    /** The changes of the current transaction, handled once it commits (or at once without one). */
    private Changes changes() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Changes(true);
        }
        Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            Changes created = new Changes(false);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handle(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectIndexing.this);
                }
            });
            changes = created;
        }
        return changes;
    }

    /** What a transaction changed that concerns the projects' index. */
    private final class Changes {
        final boolean immediate;
        final Set<Long> projects = new LinkedHashSet<>();
        final Set<Long> activities = new LinkedHashSet<>();
        final Set<Long> structures = new LinkedHashSet<>();
        final Map<Long, Long> merges = new LinkedHashMap<>();

        Changes(boolean immediate) {
            this.immediate = immediate;
        }

        void handleIfImmediate() {
            if (immediate) {
                handle(this);
            }
        }
    }

    private void handle(Changes changes) {
        try {
            newTransaction.executeWithoutResult(status -> apply(changes));
        } catch (RuntimeException e) {
            // the change itself is saved; the index catches up at the next start (or reindex)
            log.warn("Mise à jour de l'index des projets impossible après un changement ({} projets, {} structures)",
                    changes.projects.size(), changes.structures.size(), e);
        } finally {
            search.changed();
        }
    }

    private void apply(Changes changes) {
        Set<Long> projects = new LinkedHashSet<>(changes.projects);
        Set<Long> activities = new LinkedHashSet<>(changes.activities);
        changes.merges.forEach((removed, kept) -> {
            List<Long> moved = jdbc.sql("update project set organisation_id = ? where organisation_id = ? returning id")
                    .params(kept, removed).query(Long.class).list();
            jdbc.sql("update project_partner set organisation_id = ? where organisation_id = ?").params(kept, removed).update();
            jdbc.sql("update project_funding set organisation_id = ? where organisation_id = ?").params(kept, removed).update();
            if (!moved.isEmpty()) {
                log.info("{} projets de la structure #{} rattachés à la structure #{} qui la remplace", moved.size(), removed, kept);
            }
            projects.addAll(moved);
            activities.add(kept);
            activities.add(removed);
        });
        for (Long structure : changes.structures) {
            leads.forget(structure);
            projects.addAll(jdbc.sql("""
                    select id from project where organisation_id = :o
                    union select project_id from project_partner where organisation_id = :o
                    union select project_id from project_funding where organisation_id = :o""")
                    .param("o", structure).query(Long.class).list());
        }
        reindex(projects);
        for (Long organisation : activities) {
            ProjectActivity a = search.activities(organisation).getOrDefault(organisation, ProjectActivity.NONE);
            directory.recordProjectActivity(organisation, a.publishedProjects(), a.countries(), a.themes());
        }
    }

    /** Rewrites the documents of the given projects (those gone are removed from the index). */
    private void reindex(Set<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var plan = Search.session(entityManager).indexingPlan();
        List<Long> all = new ArrayList<>(ids);
        Set<Long> found = new LinkedHashSet<>();
        for (int from = 0; from < all.size(); from += LOAD_BATCH) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + LOAD_BATCH));
            for (Project p : entityManager.createQuery("select p from Project p where p.id in :ids", Project.class)
                    .setParameter("ids", chunk).getResultList()) {
                plan.addOrUpdate(p);
                found.add(p.id);
            }
        }
        for (Long id : ids) {
            if (!found.contains(id)) {
                plan.purge(Project.class, id, null);
            }
        }
    }

    // ------------------------------------------------------------------ start

    /**
     * At start: rebuilds the index when it does not hold every project (new or lost index
     * folder, restored database), synchronously for a few thousand projects and in the
     * background beyond; then checks the directory's project counts.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        long inDatabase = jdbc.sql("select count(*) from project").query(Long.class).single();
        long inIndex = search.indexedCount();
        Runnable work = () -> {
            if (inDatabase != inIndex) {
                log.info("Index des projets à reconstruire ({} projets en base, {} dans l'index)", inDatabase, inIndex);
                search.reindex();
            }
            search.syncDirectoryActivity(true);
        };
        if (inDatabase <= 5_000) {
            work.run();
        } else {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // typically the portal stopping meanwhile; the next start checks again
                    log.warn("Index des projets : vérification au démarrage interrompue ({})", e.getMessage());
                    log.debug("Vérification au démarrage", e);
                }
            }, "projects-index-check");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
