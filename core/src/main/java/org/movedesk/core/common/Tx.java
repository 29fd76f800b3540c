package org.movedesk.core.common;

import java.sql.SQLException;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one operator action as one transaction. A lost race with another operator (optimistic
 * version, row lock timeout, a unique sequence taken meanwhile) surfaces as
 * {@link ConcurrentEditException} with a message naming the record; nothing of the action is stored.
 */
@Component
public class Tx {

    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DUPLICATE_KEY = 23505;

    private final TransactionTemplate template;

    public Tx(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    public <T> T run(Supplier<String> conflictMessage, Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (MoveDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConcurrencyFailure(e)) {
                throw new ConcurrentEditException(conflictMessage.get(), e);
            }
            throw e;
        }
    }

    public void runVoid(Supplier<String> conflictMessage, Runnable work) {
        run(conflictMessage, () -> {
            work.run();
            return null;
        });
    }

    static boolean isConcurrencyFailure(Throwable e) {
        if (e instanceof ObjectOptimisticLockingFailureException || e instanceof ConcurrencyFailureException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == H2_CONCURRENT_UPDATE || code == H2_LOCK_TIMEOUT) {
                    return true;
                }
                // a gap-free outbox sequence number taken by a concurrent action on the same aggregate
                if (code == H2_DUPLICATE_KEY
                        && String.valueOf(sql.getMessage()).toUpperCase().contains("UX_OUTBOX_SEQ")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
