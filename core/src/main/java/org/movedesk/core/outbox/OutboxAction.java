package org.movedesk.core.outbox;

public enum OutboxAction {
    CREATE_MOVE, APPROVE, REJECT, ACCEPT, START, COMPLETE, CANCEL, LOCKOUT, REDIRECT,
    CREATE_PERSON, CREATE_PROFILE,
    DISCHARGE, MIGRATE_IN, CHANGE_SUPPORTING_PRISON, REMOVE,
    PUBLISH_EVENT;

    public boolean createsAggregate() {
        return this == CREATE_MOVE || this == CREATE_PERSON;
    }
}
