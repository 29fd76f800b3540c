package org.movedesk.sync.events;

import java.time.Instant;
import java.util.Optional;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.restrictedpatients.ReleasedToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PatientReactions} through core's {@link RestrictedPatientService} (SYSTEM actor). */
public class CorePatientReactions implements PatientReactions {

    private static final Logger log = LoggerFactory.getLogger(CorePatientReactions.class);

    private final RestrictedPatientService patients;
    private final ReleaseMovementLookup releases;
    private final Optional<CentralPatientCache> cache;

    public CorePatientReactions(RestrictedPatientService patients, ReleaseMovementLookup releases,
                                Optional<CentralPatientCache> cache) {
        this.patients = patients;
        this.releases = releases;
        this.cache = cache;
    }

    @Override
    public void prisonerReceived(Actor actor, String prisonerNumber) {
        boolean removed = patients.onPrisonerReceived(actor, prisonerNumber);
        log.info("Prisoner {} received back into prison: {}", prisonerNumber,
                removed ? "restricted patient removed" : "not a restricted patient");
    }

    @Override
    public void releasedToHospital(Actor actor, ReleasedToHospitalEvent event) {
        Optional<ReleaseMovementLookup.ReleaseMovement> movement = releases.lastRelease(event);
        if (movement.isEmpty()) {
            // As the central service: a release whose hospital cannot be established is logged and ignored.
            log.warn("Release of {} to hospital names no prison and hospital; not added as a restricted patient",
                    event.prisonerNumber());
            return;
        }
        ReleaseMovementLookup.ReleaseMovement m = movement.get();
        boolean added = patients.onReleasedToHospital(actor, new ReleasedToHospital(event.prisonerNumber(),
                m.fromAgencyId(), m.hospitalLocationCode(), m.dischargeTime(), m.commentText()));
        log.info("Prisoner {} released to hospital {}: {}", event.prisonerNumber(), m.hospitalLocationCode(),
                added ? "restricted patient added" : "already a restricted patient");
    }

    @Override
    public void prisonerMerged(Actor actor, String nomsNumber, String removedNomsNumber) {
        patients.onPrisonerMerged(actor, nomsNumber, removedNomsNumber);
    }

    @Override
    public void centralPatientEvent(Actor actor, String eventType, String prisonerNumber, Instant occurredAt) {
        if (cache.isEmpty()) {
            log.info("{} for {}: no central patient cache is wired, nothing refreshed", eventType, prisonerNumber);
            return;
        }
        cache.get().refresh(actor, prisonerNumber, eventType, occurredAt);
    }
}
