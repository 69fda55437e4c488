package fr.maillage.shared.files;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes stored files that a change no longer references (a document removed from a project,
 * a deleted event...), once the change is committed: if the transaction rolls back, the files
 * are still there for the data that still points at them.
 */
@Component
public class FileCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private final FileStorage storage;

    FileCleanup(FileStorage storage) {
        this.storage = storage;
    }

    /** The keys in {@code before} that are not in {@code after} are deleted after commit. */
    public void removed(Collection<String> before, Collection<String> after) {
        deleteAfterCommit(before.stream().filter(Objects::nonNull).filter(k -> !after.contains(k)).distinct().toList());
    }

    /** Deletes these files after the current transaction commits (at once when there is none). */
    public void deleteAfterCommit(Collection<String> keys) {
        List<String> doomed = keys.stream().filter(Objects::nonNull).filter(k -> !k.isBlank()).distinct().toList();
        if (doomed.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(doomed);
                }
            });
        } else {
            delete(doomed);
        }
    }

    private void delete(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (RuntimeException e) {
                log.warn("Fichier {} non supprimé : {}", key, e.getMessage());
            }
        }
    }
}
