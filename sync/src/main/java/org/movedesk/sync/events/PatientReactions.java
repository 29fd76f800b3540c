package org.movedesk.sync.events;

import java.time.Instant;

import org.movedesk.core.operators.Actor;

/**
 * What consumed events do to restricted patients. The production implementation
 * ({@link CorePatientReactions}) calls core's {@code RestrictedPatientService}, so every rule,
 * history entry and follow-up event is the one an operator's action would produce. Each method
 * runs inside the router's transaction.
 */
public interface PatientReactions {

    /** Received back into prison: remove the patient if there is one (core publishes removed). */
    void prisonerReceived(Actor actor, String prisonerNumber);

    /** Released to hospital: add the patient (core publishes added). */
    void releasedToHospital(Actor actor, ReleasedToHospitalEvent event);

    /** Records merged: fails with the central message when either number is a patient. */
    void prisonerMerged(Actor actor, String nomsNumber, String removedNomsNumber);

    /** Another desk or the central service added, removed or changed a patient: refresh the cache. */
    void centralPatientEvent(Actor actor, String eventType, String prisonerNumber, Instant occurredAt);
}
