package org.movedesk.core.history;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.movedesk.core.common.Times;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the hash chain. The head row is locked for the rest of the transaction, so
 * concurrent actions chain one after the other and ids stay gap-free; a rolled-back action
 * leaves neither its entry nor a moved head behind.
 */
@Component
public class HistoryRecorder {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    public HistoryRecorder(Clock clock) {
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public HistoryEntry append(HistoryDraft draft) {
        // native query: Hibernate flushes pending entity changes first, so a stale move version
        // fails here, before the history head is locked
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_id, last_hash from history_head where id = 1 for update").getSingleResult();
        long id = ((Number) head[0]).longValue() + 1;
        String prevHash = (String) head[1];
        Instant now = Times.now(clock);
        HistoryEntry entry = new HistoryEntry(id, now, draft, prevHash);
        em.persist(entry);
        em.createNativeQuery("update history_head set last_id = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, id).setParameter(2, entry.getHash()).executeUpdate();
        HistoryLink.remember(id);
        return entry;
    }
}
