package org.movedesk.core.moves;

import org.movedesk.core.outbox.OutboxAction;

/** What an operator can do to an existing move. */
public enum MoveAction {
    APPROVE("approved", "movedesk.move.approved", OutboxAction.APPROVE),
    REJECT("rejected", "movedesk.move.rejected", OutboxAction.REJECT),
    ACCEPT("accepted", "movedesk.move.accepted", OutboxAction.ACCEPT),
    START("started", "movedesk.move.started", OutboxAction.START),
    COMPLETE("completed", "movedesk.move.completed", OutboxAction.COMPLETE),
    CANCEL("cancelled", "movedesk.move.cancelled", OutboxAction.CANCEL),
    LOCKOUT("locked out", "movedesk.move.locked-out", OutboxAction.LOCKOUT),
    REDIRECT("redirected", "movedesk.move.redirected", OutboxAction.REDIRECT);

    private final String pastTense;
    private final String eventType;
    private final OutboxAction outboxAction;

    MoveAction(String pastTense, String eventType, OutboxAction outboxAction) {
        this.pastTense = pastTense;
        this.eventType = eventType;
        this.outboxAction = outboxAction;
    }

    public String pastTense() {
        return pastTense;
    }

    /** The TOPIC event type, e.g. movedesk.move.started. */
    public String eventType() {
        return eventType;
    }

    /** History event type, e.g. move.started. */
    public String historyType() {
        return eventType.substring("movedesk.".length());
    }

    public OutboxAction outboxAction() {
        return outboxAction;
    }
}
