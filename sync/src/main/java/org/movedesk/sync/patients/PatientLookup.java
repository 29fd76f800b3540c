package org.movedesk.sync.patients;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.restrictedpatients.CentralPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.http.ErrorBodies;

/**
 * Looks a restricted patient up by prison number at the centre (when online) and keeps the
 * answer in the desk's cache, so the patients this desk touches are there when it is offline.
 */
public class PatientLookup {

    private final RestrictedPatientsClient api;
    private final RestrictedPatientService patients;
    private final Actor system;

    public PatientLookup(RestrictedPatientsClient api, RestrictedPatientService patients, Actor system) {
        this.api = api;
        this.patients = patients;
        this.system = system;
    }

    private static final java.util.concurrent.ExecutorService LOOKUPS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "movedesk-patient-lookup");
        t.setDaemon(true);
        return t;
    });

    /** The same lookup on sync's own threads, for a view that must not wait on the network. */
    public java.util.concurrent.CompletableFuture<Optional<CentralPatient>> lookupAsync(String prisonNumber, String user) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return lookup(prisonNumber, user);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, LOOKUPS);
    }

    /**
     * @return the centre's record (now cached), or empty when the prisoner is not a restricted patient
     * @throws IOException offline, or an answer we cannot use; the cache is left as it was
     */
    public Optional<CentralPatient> lookup(String prisonNumber, String user) throws IOException {
        Optional<CentralPatient> found = fetch(prisonNumber, user);
        if (found.isEmpty()) {
            patients.forgetFromCentral(system, prisonNumber);
        } else {
            patients.cacheFromCentral(system, found.get());
        }
        return found;
    }

    /**
     * Only reads the centre's record, leaving the cache alone, for a caller that applies it
     * itself (e.g. as another actor, or inside its own transaction).
     *
     * @return the centre's record, or empty when the prisoner is not a restricted patient
     * @throws IOException offline, or an answer we cannot use
     */
    public Optional<CentralPatient> fetch(String prisonNumber, String user) throws IOException {
        ApiResponse r = api.find(prisonNumber, user);
        if (r.status() == 404 && r.json() != null) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new BadAnswerException(r.status(), "patient lookup: " + ErrorBodies.fromRestrictedPatients(r).summary());
        }
        return Optional.of(read(r.requireJson(), prisonNumber, r.status()));
    }

    public static CentralPatient read(JsonNode dto, String asked, int status) throws BadAnswerException {
        String number = dto.path("prisonerNumber").asText(null);
        String from = dto.path("fromLocation").path("agencyId").asText(null);
        String hospital = dto.path("hospitalLocation").path("agencyId").asText(null);
        if (number == null || from == null || hospital == null) {
            throw new BadAnswerException(status, "restricted patient " + asked + " lacks prisonerNumber, fromLocation or "
                    + "hospitalLocation");
        }
        String discharged = dto.path("dischargeTime").asText(null);
        try {
            return new CentralPatient(number, from, hospital, dto.path("supportingPrison").path("agencyId").asText(null),
                    discharged == null ? null : LocalDateTime.parse(discharged),
                    dto.hasNonNull("commentText") ? dto.get("commentText").asText() : null);
        } catch (DateTimeParseException e) {
            throw new BadAnswerException(status, "restricted patient " + asked + " has an unreadable dischargeTime", e);
        }
    }
}
