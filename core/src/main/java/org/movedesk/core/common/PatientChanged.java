package org.movedesk.core.common;

/** Published after the commit that changed a restricted patient. */
public record PatientChanged(String prisonerNumber) {
}
