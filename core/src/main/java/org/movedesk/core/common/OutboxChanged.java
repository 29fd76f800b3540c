package org.movedesk.core.common;

/** Published after a commit that added or changed outbox entries. */
public record OutboxChanged() {
}
