package fr.maillage.projects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The directory's structures as the project search documents need them (the lead structure's
 * name, type and département; partner structures' names), read through the directory's facade
 * and kept in memory: a mass indexing of 100,000 projects asks for each structure once. An
 * entry is dropped when its structure changes (see {@link ProjectIndexing}); the cache is
 * emptied when it grows past {@value #MAX_ENTRIES} entries.
 */
@Component
class LeadStructures {

    static final int MAX_ENTRIES = 50_000;
    private static final int PRELOAD_CHUNK = 5_000;

    // resolved lazily: the search mapping asks for this bean while the persistence unit starts,
    // before the directory's facade (which needs the persistence unit) can exist
    private final ObjectProvider<Directory> directory;
    private final Map<Long, Optional<OrganisationRef>> cache = new ConcurrentHashMap<>();

    LeadStructures(ObjectProvider<Directory> directory) {
        this.directory = directory;
    }

    Optional<OrganisationRef> get(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<OrganisationRef> found = cache.get(id);
        if (found == null) {
            found = directory.getObject().ref(id);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(id, found);
        }
        return found;
    }

    /** Reads the given structures at once (before a mass indexing). */
    void preload(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        if (cache.size() + all.size() > MAX_ENTRIES) {
            cache.clear();
        }
        for (int from = 0; from < all.size(); from += PRELOAD_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + PRELOAD_CHUNK));
            Map<Long, OrganisationRef> refs = directory.getObject().refs(chunk);
            for (Long id : chunk) {
                cache.put(id, Optional.ofNullable(refs.get(id)));
            }
        }
    }

    void forget(long id) {
        cache.remove(id);
    }

    void clear() {
        cache.clear();
    }
}
