package org.movedesk.core.outbox;

/**
 * What an outbox entry or history entry is about. OPERATOR and DESK appear only in history
 * (sign-ins, role changes, desk settings); outbox entries use MOVE, PERSON and PATIENT.
 */
public enum AggregateType {
    MOVE, PERSON, PATIENT, OPERATOR, DESK
}
