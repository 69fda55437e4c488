package fr.maillage.directory;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter that moves whenever a structure is written, so that what was computed from the
 * index before (the facet counts of the whole directory) is known to be out of date. It moves
 * when the change is flushed and again once the transaction has committed (and the index has
 * been updated), so that no count computed in between survives.
 */
final class IndexEpoch {

    private static final AtomicLong VALUE = new AtomicLong();

    private IndexEpoch() {
    }

    static long current() {
        return VALUE.get();
    }

    static void bump() {
        VALUE.incrementAndGet();
    }

    /** JPA callbacks of {@link Organisation}. */
    static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object organisation) {
            bump();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        bump();
                    }
                });
            }
        }
    }
}
