package org.movedesk.sync.push;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.restrictedpatients.CentralPatient;
import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.patients.PatientLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralError;
import org.movedesk.sync.patients.RestrictedPatientsClient;
import org.movedesk.sync.push.Answers.Dialect;

/**
 * Restricted-patient actions. The RP API has no idempotency keys, so a repeat after a lost answer
 * comes back as {@code EXISTING_PATIENT}, {@code PRISON_UNCHANGED} or 404; each is checked against
 * the patient's current record before it counts as done.
 */
public class PatientActionSender {

    private static final Logger log = LoggerFactory.getLogger(PatientActionSender.class);

    private static final List<String> DISCHARGE_FIELDS =
            List.of("offenderNo", "fromLocationId", "hospitalLocationCode", "supportingPrisonId", "dischargeTime", "commentText");
    private static final List<String> MIGRATE_FIELDS = List.of("offenderNo", "hospitalLocationCode");
    private static final List<String> CHANGE_PRISON_FIELDS = List.of("offenderNo", "supportingPrisonId");

    private final RestrictedPatientsClient api;
    private final ObjectMapper json;

    public PatientActionSender(RestrictedPatientsClient api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    public Outcome send(OutboxEntry entry, JsonNode p) throws IOException {
        String prisonNumber = p.hasNonNull("offenderNo") ? p.get("offenderNo").asText() : entry.getAggregateId();
        String user = entry.getCreatedBy();
        return switch (entry.getAction()) {
            case DISCHARGE -> {
                ApiResponse r = api.dischargeToHospital(body(p, DISCHARGE_FIELDS, prisonNumber), entry.getIdempotencyKey(), user);
                yield created(r, "EXISTING_PATIENT", prisonNumber, p, user, "discharge this prisoner to hospital");
            }
            case MIGRATE_IN -> {
                ApiResponse r = api.migrateIn(body(p, MIGRATE_FIELDS, prisonNumber), entry.getIdempotencyKey(), user);
                yield created(r, "EXISTING_PATIENT", prisonNumber, p, user, "migrate this patient in");
            }
            case CHANGE_SUPPORTING_PRISON -> {
                ApiResponse r = api.changeSupportingPrison(body(p, CHANGE_PRISON_FIELDS, prisonNumber),
                        entry.getIdempotencyKey(), user);
                yield created(r, "PRISON_UNCHANGED", prisonNumber, p, user, "change the supporting prison");
            }
            case REMOVE -> {
                ApiResponse r = api.remove(prisonNumber, entry.getIdempotencyKey(), user);
                if (r.ok()) {
                    yield new Outcome.Confirmed(prisonNumber, null);
                }
                if (r.status() == 404 && isNotAPatient(r)) {
                    // the aim was "not a restricted patient": already true (our earlier attempt, or the centre)
                    yield new Outcome.Confirmed(prisonNumber, null);
                }
                yield Answers.generic(r, Dialect.RESTRICTED_PATIENTS, "remove this restricted patient");
            }
            default -> throw new IllegalArgumentException("not a restricted-patient action: " + entry.getAction());
        };
    }

    private Outcome created(ApiResponse r, String repeatCode, String prisonNumber, JsonNode p, String user, String what)
            throws IOException {
        if (r.ok()) {
            if (r.json() == null || !r.json().isObject()) {
                r.requireJson(); // throws a clear "not understood" error; the same request will be checked again
            }
            return new Outcome.Confirmed(prisonNumber, null, centralRecord(r, prisonNumber));
        }
        if (r.status() == 400) {
            CentralError e = Answers.error(r, Dialect.RESTRICTED_PATIENTS);
            if (repeatCode.equals(e.code()) && matchesCentral(prisonNumber, p, user)) {
                return new Outcome.Confirmed(prisonNumber, null);
            }
            return new Outcome.Failed(Answers.syncError(e));
        }
        return Answers.generic(r, Dialect.RESTRICTED_PATIENTS, what);
    }

    /**
     * The centre's record in a 201 answer, for the desk's cache. The effect is confirmed either way:
     * a record we cannot read only means the cache waits for the next lookup.
     */
    private static CentralPatient centralRecord(ApiResponse r, String prisonNumber) {
        try {
            return PatientLookup.read(r.json(), prisonNumber, r.status());
        } catch (BadAnswerException e) {
            log.warn("restricted patient {} confirmed, but the answer cannot refresh the cache: {}", prisonNumber, e.getMessage());
            return null;
        }
    }

    /** Does the centre's record already say what this entry wanted? */
    private boolean matchesCentral(String prisonNumber, JsonNode p, String user) throws IOException {
        ApiResponse current = api.find(prisonNumber, user);
        if (!current.ok()) {
            return false;
        }
        JsonNode c = current.requireJson();
        return same(p, "hospitalLocationCode", c.path("hospitalLocation").path("agencyId"))
                && same(p, "fromLocationId", c.path("fromLocation").path("agencyId"))
                && same(p, "supportingPrisonId", c.path("supportingPrison").path("agencyId"));
    }

    /** A field the entry does not set cannot contradict the centre. */
    private static boolean same(JsonNode p, String field, JsonNode central) {
        if (!p.hasNonNull(field)) {
            return true;
        }
        return Objects.equals(p.get(field).asText(), central.isMissingNode() || central.isNull() ? null : central.asText());
    }

    private static boolean isNotAPatient(ApiResponse r) {
        // a 404 from a proxy or a wrong base URL must not pass for "already removed"
        return r.json() != null && r.json().has("status");
    }

    private ObjectNode body(JsonNode p, List<String> fields, String prisonNumber) {
        ObjectNode b = json.createObjectNode();
        for (String f : fields) {
            if (p.hasNonNull(f)) {
                b.set(f, p.get(f));
            }
        }
        b.put("offenderNo", prisonNumber);
        return b;
    }
}
