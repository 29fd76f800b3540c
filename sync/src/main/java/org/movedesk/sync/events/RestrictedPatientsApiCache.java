package org.movedesk.sync.events;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.restrictedpatients.CentralPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.sync.patients.PatientLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@link CentralPatientCache} of a desk: a restricted-patient event published by another
 * desk or the central service carries only the prisoner number, so "added" and
 * "supporting-prison-changed" re-read the patient from the Restricted Patients API and hand the
 * answer to core as central state; "removed" needs no look-up. Core's
 * {@code cacheFromCentral}/{@code forgetFromCentral} leave a patient with a local change not yet
 * confirmed alone and write the {@code patient.refreshed} history entry; neither writes an
 * outbox entry, because the change already happened centrally.
 */
public class RestrictedPatientsApiCache implements CentralPatientCache {

    private static final Logger log = LoggerFactory.getLogger(RestrictedPatientsApiCache.class);

    private final RestrictedPatientService patients;
    private final ObjectProvider<PatientLookup> lookup;

    public RestrictedPatientsApiCache(RestrictedPatientService patients, ObjectProvider<PatientLookup> lookup) {
        this.patients = patients;
        this.lookup = lookup;
    }

    @Override
    public void refresh(Actor system, String prisonerNumber, String eventType, Instant occurredAt) {
        if (DomainEventRouter.PATIENT_REMOVED.equals(eventType)) {
            boolean forgotten = patients.forgetFromCentral(system, prisonerNumber);
            log.info("{} is no longer a restricted patient centrally: {}", prisonerNumber,
                    forgotten ? "removed from the cache" : "nothing cached to remove (or a local change is pending)");
            return;
        }
        PatientLookup api = lookup.getIfAvailable();
        if (api == null) {
            // Sync with the central services is switched off: there is nothing to read the patient from.
            log.info("{} for {}: central sync is off, the patient is not looked up", eventType, prisonerNumber);
            return;
        }
        Optional<CentralPatient> central;
        try {
            central = api.fetch(prisonerNumber, system.username());
        } catch (IOException offline) {
            // A failure, not poison: the listener retries with back-off until the API answers.
            throw new CentralPatientUnavailableException("Restricted patient " + prisonerNumber
                    + " could not be read from the Restricted Patients API after " + eventType + ": "
                    + offline.getMessage(), offline);
        }
        boolean changed = central.isPresent() ? patients.cacheFromCentral(system, central.get())
                : patients.forgetFromCentral(system, prisonerNumber);
        log.info("{} for {}: cache {}", eventType, prisonerNumber, changed ? "updated" : "unchanged");
    }

    /** The Restricted Patients API could not be asked; the event is retried later. */
    public static class CentralPatientUnavailableException extends RuntimeException {
        public CentralPatientUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
