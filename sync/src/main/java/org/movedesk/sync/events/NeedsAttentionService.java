package org.movedesk.sync.events;

import java.time.Clock;
import java.util.List;

import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The "needs attention" list the desk shows: consumed events that reached the dead-letter
 * queue (for example a merge of two prisoner records touching a restricted patient), for a
 * person to resolve by hand.
 */
public class NeedsAttentionService {

    static final int MAX_NOTE = 2000;

    private final DeadLetterStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public NeedsAttentionService(DeadLetterStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Open items, oldest first; with {@code includeResolved} also those already dealt with. */
    public List<NeedsAttentionItem> list(Actor actor, boolean includeResolved) {
        Permissions.require(actor, "see events that need attention", Role.values());
        return store.list(includeResolved);
    }

    /** How many items wait for a person (for the status bar). */
    public long openCount() {
        return store.openCount();
    }

    /**
     * Marks an item resolved: who, when and what they did. Does not re-apply the event; the
     * person has fixed the record by hand.
     */
    public NeedsAttentionItem resolve(Actor actor, long id, String note) {
        Permissions.require(actor, "resolve events that need attention",
                Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE);
        if (note == null || note.isBlank()) {
            throw new ValidationException("note", "Say what you did to resolve it (a note is required).");
        }
        if (note.length() > MAX_NOTE) {
            throw new ValidationException("note", "The note is too long (at most " + MAX_NOTE + " characters).");
        }
        NeedsAttentionItem item = store.find(id)
                .orElseThrow(() -> new NotFoundException("No event needing attention with id " + id));
        if (item.state() == NeedsAttentionItem.State.RESOLVED) {
            throw new ValidationException("id", "This event was already resolved by " + item.resolvedBy()
                    + " at " + item.resolvedAt() + ".");
        }
        if (item.state() != NeedsAttentionItem.State.DEAD || !store.markResolved(id, actor.username(), note.strip(),
                clock.instant())) {
            throw new ValidationException("id", "This event is still being retried; it can be resolved once it is "
                    + "in the dead-letter queue.");
        }
        events.publishEvent(new NeedsAttentionChanged(store.openCount()));
        return store.find(id).orElseThrow();
    }
}
