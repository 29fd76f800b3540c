package org.movedesk.core.common;

/** Published after locations, people, operators or desk settings changed. */
public record ReferenceDataChanged() {
}
