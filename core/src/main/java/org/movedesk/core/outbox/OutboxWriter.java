package org.movedesk.core.outbox;

import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.OutboxChanged;
import org.movedesk.core.operators.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services call this inside their action's transaction. Each entry gets the next gap-free seq
 * of its channel+aggregate and a fresh idempotency key; a concurrent writer to the same
 * aggregate collides on the unique (channel, aggregate, seq) and its whole action rolls back.
 */
@Component
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final AfterCommit afterCommit;

    @PersistenceContext
    private EntityManager em;

    public OutboxWriter(OutboxRepository outbox, AfterCommit afterCommit) {
        this.outbox = outbox;
        this.afterCommit = afterCommit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxEntry append(Actor actor, OutboxChannel channel, AggregateType type, String aggregateId,
                              OutboxAction action, String payload, Instant occurredAt, Instant recordedAt) {
        long seq = outbox.maxSeq(channel, type, aggregateId) + 1;
        OutboxEntry entry = new OutboxEntry(channel, type, aggregateId, seq, action, payload, occurredAt, recordedAt,
                actor.username());
        entry.linkHistory(org.movedesk.core.history.HistoryLink.lastInTransaction());
        em.persist(entry);
        afterCommit.publish(new OutboxChanged());
        return entry;
    }
}
