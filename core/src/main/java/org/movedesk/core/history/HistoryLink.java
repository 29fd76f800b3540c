package org.movedesk.core.history;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers, for the running transaction, the id of the history entry written last, so the
 * outbox entry of the same action can point at it ({@code outbox.history_id}). Services keep
 * their order "history, then outbox" and need no extra argument.
 */
public final class HistoryLink {

    private static final Object KEY = HistoryLink.class;

    private HistoryLink() {
    }

    static void remember(long historyId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        long[] holder = (long[]) TransactionSynchronizationManager.getResource(KEY);
        if (holder == null) {
            holder = new long[1];
            TransactionSynchronizationManager.bindResource(KEY, holder);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        holder[0] = historyId;
    }

    /** The last history id appended in this transaction, or null when none was. */
    public static Long lastInTransaction() {
        long[] holder = (long[]) TransactionSynchronizationManager.getResource(KEY);
        return holder == null ? null : holder[0];
    }
}
