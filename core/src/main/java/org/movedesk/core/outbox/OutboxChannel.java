package org.movedesk.core.outbox;

/** CENTRAL: requests to the Moves / Restricted Patients APIs. TOPIC: domain events to publish. */
public enum OutboxChannel {
    CENTRAL, TOPIC
}
