package org.movedesk.sandbox.restrictedpatients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.Caller;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.people.Custody;
import org.movedesk.sandbox.people.Person;
import org.movedesk.sandbox.world.World;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Restricted Patients API (plain JSON, HMPPS error bodies). NOMIS and Prison API facts it would look up
 * come from the seeded people: "active in prison" for discharge, "released to hospital" as the REL movement
 * that migrate-in needs.
 */
public final class RestrictedPatientsEndpoint {

    static final String MIGRATED_COMMENT = "Historical discharge to hospital added to restricted patients";
    private static final int COMMENT_LIMIT = 240;

    private final World world;

    public RestrictedPatientsEndpoint(World world) {
        this.world = world;
    }

    public Reply dischargeToHospital(HttpCall call, Caller caller) {
        JsonNode body = body(call);
        String offenderNo = required(body, "offenderNo");
        String from = required(body, "fromLocationId");
        String hospital = required(body, "hospitalLocationCode");
        String supporting = Optional.ofNullable(Json.text(body, "supportingPrisonId")).orElse(from);
        LocalDateTime dischargeTime = localDateTime(body, "dischargeTime");
        String comment = Json.text(body, "commentText");

        if (world.patients().containsKey(offenderNo)) {
            throw RpError.rule("EXISTING_PATIENT", "Prisoner (" + offenderNo + ") is already a restricted patient");
        }
        Person person = world.people().firstByPrisonNumber(offenderNo)
                .filter(p -> p.custody() == Custody.IN_PRISON)
                .orElseThrow(() -> RpError.notFound("No prisoner with activeFlag 'Y' found for " + offenderNo));
        if (comment != null && comment.length() > COMMENT_LIMIT) {
            // upstream has no length check; the insert fails and the generic handler answers 500
            throw new RpError(500, null, "Unexpected error: value too long for type character varying(240)",
                    "value too long for type character varying(240)");
        }
        Location hospitalLocation = hospital(offenderNo, hospital);
        LocalDateTime now = world.nowLocal();
        RestrictedPatient patient = new RestrictedPatient(offenderNo, from, hospitalLocation.nomisAgencyId(), supporting,
                dischargeTime == null ? now : dischargeTime, comment, now, caller.clientId());
        world.patients().put(offenderNo, patient);
        person.releasedToHospital(from, hospitalLocation.nomisAgencyId(), patient.dischargeTime());
        world.record(call.method(), call.path(), null, offenderNo, "patient.discharge");
        return Reply.plainJson(201, dto(patient, false));
    }

    public Reply migrateIn(HttpCall call, Caller caller) {
        JsonNode body = body(call);
        String offenderNo = required(body, "offenderNo");
        String hospital = required(body, "hospitalLocationCode");
        if (world.patients().containsKey(offenderNo)) {
            throw RpError.rule("EXISTING_PATIENT", "Prisoner (" + offenderNo + ") is already a restricted patient");
        }
        // the latest NOMIS movement must be a REL out of a prison: seeded people released to hospital have one
        Person person = world.people().firstByPrisonNumber(offenderNo)
                .filter(p -> p.custody() == Custody.RELEASED_TO_HOSPITAL || p.custody() == Custody.RELEASED)
                .filter(p -> p.releasedAt() != null)
                .orElseThrow(() -> RpError.rule("NO_MOVEMENTS",
                        "Prisoner (" + offenderNo + ") does not have the correct latest movements to migrate"));
        if (person.prisonAgencyId() == null) {
            throw RpError.rule("LAST_MOVE_NO_FROM_AGENCY",
                    "Prisoner (" + offenderNo + ") does not have an agency id associated with the last movement");
        }
        // upstream then calls Prison API's discharge-to-hospital, which fails for a hospital NOMIS does not know
        Location hospitalLocation = hospital(offenderNo, hospital);
        LocalDateTime now = world.nowLocal();
        RestrictedPatient patient = new RestrictedPatient(offenderNo, person.prisonAgencyId(),
                hospitalLocation.nomisAgencyId(), person.prisonAgencyId(), person.releasedAt(), MIGRATED_COMMENT, now,
                caller.clientId());
        world.patients().put(offenderNo, patient);
        person.releasedToHospital(person.prisonAgencyId(), hospitalLocation.nomisAgencyId(), person.releasedAt());
        world.record(call.method(), call.path(), null, offenderNo, "patient.migrate-in");
        return Reply.plainJson(201, dto(patient, false));
    }

    public Reply get(String prisonNumber) {
        return Reply.plainJson(200, dto(find(prisonNumber), true));
    }

    public Reply delete(HttpCall call, Caller caller, String prisonNumber) {
        RestrictedPatient patient = find(prisonNumber);
        Person person = world.people().firstByPrisonNumber(prisonNumber)
                .orElseThrow(() -> RpError.notFound("No prisoner search results returned for " + prisonNumber));
        world.patients().remove(patient.prisonerNumber());
        // upstream records a NOMIS REL/CR movement from the hospital to OUT
        person.released(patient.supportingPrisonId(), world.nowLocal());
        world.record(call.method(), call.path(), null, prisonNumber, "patient.remove");
        ObjectNode entity = Json.object();
        entity.put("prisonerNumber", patient.prisonerNumber());
        entity.put("fromLocationId", patient.fromLocationId());
        entity.put("hospitalLocationCode", patient.hospitalLocationCode());
        entity.put("supportingPrisonId", patient.supportingPrisonId());
        entity.put("dischargeTime", Times.local(patient.dischargeTime()));
        entity.put("commentText", patient.commentText());
        entity.put("createDateTime", Times.local(patient.createDateTime()));
        entity.put("createUserId", patient.createUserId());
        entity.put("modifyDateTime", Times.local(patient.modifyDateTime()));
        entity.put("modifyUserId", patient.modifyUserId());
        return Reply.plainJson(200, entity);
    }

    public Reply changeSupportingPrison(HttpCall call, Caller caller) {
        JsonNode body = body(call);
        String offenderNo = required(body, "offenderNo");
        String prison = required(body, "supportingPrisonId");
        RestrictedPatient patient = find(offenderNo);
        if (prison.equals(patient.supportingPrisonId())) {
            throw RpError.rule("PRISON_UNCHANGED", "Prisoner (" + offenderNo + ") already supported by " + prison);
        }
        if (world.locations().byAgencyId(prison).filter(Location::isPrison).isEmpty()) {
            throw RpError.rule("PRISON_NOT_FOUND", "Prison " + prison + " not found");
        }
        patient.changeSupportingPrison(prison, world.nowLocal(), caller.clientId());
        world.record(call.method(), call.path(), null, offenderNo, "patient.change-supporting-prison");
        return Reply.plainJson(200, dto(patient, true));
    }

    /** The hospital as Prison API would find it; an unknown code fails there, which upstream turns into 500. */
    private Location hospital(String offenderNo, String code) {
        return world.locations().byAgencyId(code).filter(Location::isHospital)
                .orElseThrow(() -> new RpError(500, "UPSTREAM_ERROR", null,
                        "404 Not Found from PUT prison-api/api/offenders/" + offenderNo
                                + "/discharge-to-hospital: hospital " + code + " not found"));
    }

    private RestrictedPatient find(String prisonNumber) {
        RestrictedPatient patient = world.patients().get(prisonNumber);
        if (patient == null) {
            throw RpError.notFound("No restricted patient record found for prison number " + prisonNumber);
        }
        return patient;
    }

    private ObjectNode dto(RestrictedPatient patient, boolean lookUpAgencies) {
        ObjectNode dto = Json.object();
        dto.put("prisonerNumber", patient.prisonerNumber());
        agency(dto, "fromLocation", patient.fromLocationId(), lookUpAgencies, false);
        agency(dto, "hospitalLocation", patient.hospitalLocationCode(), lookUpAgencies, true);
        agency(dto, "supportingPrison", patient.supportingPrisonId(), lookUpAgencies, false);
        dto.put("dischargeTime", Times.local(patient.dischargeTime()));
        if (patient.commentText() != null) {
            dto.put("commentText", patient.commentText());
        }
        dto.put("createDateTime", Times.local(patient.createDateTime()));
        if (patient.createUserId() != null) {
            dto.put("createUserId", patient.createUserId());
        }
        return dto;
    }

    /** Upstream leaves out an agency its lookup lists do not contain; without a lookup only the id is sent. */
    private void agency(ObjectNode dto, String field, String agencyId, boolean lookUp, boolean hospital) {
        if (!lookUp) {
            dto.putObject(field).put("agencyId", agencyId);
            return;
        }
        world.locations().byAgencyId(agencyId)
                .filter(l -> hospital ? l.isHospital() : l.isPrison())
                .ifPresent(l -> dto.putObject(field)
                        .put("agencyId", l.nomisAgencyId())
                        .put("description", l.title())
                        .put("longDescription", l.title() + ", " + l.city())
                        .put("agencyType", l.nomisAgencyType())
                        .put("active", true));
    }

    private static JsonNode body(HttpCall call) {
        try {
            JsonNode body = call.json();
            if (!body.isObject()) {
                throw RpError.badRequest("JSON parse error: the request body must be a JSON object");
            }
            return body;
        } catch (Json.BadJsonException e) {
            throw RpError.badRequest("JSON parse error: " + e.getMessage());
        }
    }

    private static String required(JsonNode body, String field) {
        String value = Json.text(body, field);
        if (value == null) {
            throw RpError.badRequest("JSON parse error: Instantiation failed: missing (therefore NULL) value for "
                    + "creator parameter " + field + " which is a non-nullable type");
        }
        return value.trim();
    }

    private static LocalDateTime localDateTime(JsonNode body, String field) {
        String text = Json.text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).withNano(0);
        } catch (DateTimeParseException e) {
            throw RpError.badRequest("JSON parse error: Cannot deserialize value of type `java.time.LocalDateTime` from String \""
                    + text + "\"");
        }
    }
}
