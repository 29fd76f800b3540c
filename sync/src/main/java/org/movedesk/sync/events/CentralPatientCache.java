package org.movedesk.sync.events;

import java.time.Instant;

import org.movedesk.core.operators.Actor;

/**
 * Brings the desk's copy of one restricted patient up to date after another desk or the
 * central service published an added, removed or supporting-prison-changed event. The event
 * carries only the prisoner number, so an implementation re-reads the patient from the
 * Restricted Patients API ({@code GET /restricted-patient/prison-number/{no}}, 404 = no longer a
 * patient) and hands the result to core as central state. It must not write an outbox entry:
 * the change already happened centrally.
 */
public interface CentralPatientCache {

    void refresh(Actor system, String prisonerNumber, String eventType, Instant occurredAt);
}
