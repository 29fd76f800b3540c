package org.movedesk.core.restrictedpatients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.MergeNotImplementedException;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.PatientChanged;
import org.movedesk.core.common.RestrictedPatientRuleException;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.locations.LocationRepository;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxWriter;
import org.movedesk.core.people.PersonService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Restricted patients with the central service's rules, error codes and message texts
 * (contracts/restricted-patients-api.md section 3). Each change stores, in one transaction,
 * the row, a history entry, the CENTRAL request and the exact central domain event (TOPIC).
 * Reactions to domain events change the local copy and publish the event, but send no
 * CENTRAL request: the central service reacts to the same event itself (ADR 0013).
 */
@Service
public class RestrictedPatientService {

    public static final int MAX_COMMENT = 240;
    public static final String MIGRATED_COMMENT = "Historical discharge to hospital added to restricted patients";
    private static final ZoneId CENTRAL_ZONE = ZoneId.of("Europe/London");

    private final RestrictedPatientRepository patients;
    private final PersonService people;
    private final LocationRepository locations;
    private final HistoryRecorder history;
    private final OutboxWriter outbox;
    private final AfterCommit afterCommit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Tx tx;
    private final Clock clock;

    public RestrictedPatientService(RestrictedPatientRepository patients, PersonService people, LocationRepository locations,
                                    HistoryRecorder history, OutboxWriter outbox, AfterCommit afterCommit,
                                    NamedParameterJdbcTemplate jdbc, Tx tx, Clock clock) {
        this.patients = patients;
        this.people = people;
        this.locations = locations;
        this.history = history;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- messages, exactly as the central service words them

    static String existingPatient(String n) {
        return "Prisoner (" + n + ") is already a restricted patient";
    }

    static String noActivePrisoner(String n) {
        return "No prisoner with activeFlag 'Y' found for " + n;
    }

    static String noPatient(String n) {
        return "No restricted patient record found for prison number " + n;
    }

    // ---- operator actions

    public RestrictedPatient dischargeToHospital(Actor actor, DischargeToHospital r) {
        Permissions.require(actor, "discharge prisoners to hospital", Role.RP_TRANSFER);
        if (r == null) {
            throw new ValidationException("offenderNo", "Fill in the discharge form.");
        }
        String n = required("offenderNo", r.offenderNo(), 7);
        String from = required("fromLocationId", r.fromLocationId(), 5);
        String hospital = required("hospitalLocationCode", r.hospitalLocationCode(), 10);
        String supporting = r.supportingPrisonId() == null || r.supportingPrisonId().isBlank()
                ? from : optional("supportingPrisonId", r.supportingPrisonId(), 5);
        String comment = comment(r.commentText());
        return tx.run(() -> "Prisoner (" + n + ") was changed by someone else; reload and try again.", () -> {
            if (patients.existsById(n)) {
                throw new RestrictedPatientRuleException("EXISTING_PATIENT", existingPatient(n));
            }
            if (people.findByPrisonNumber(n).isEmpty()) {
                throw new NotFoundException(noActivePrisoner(n));
            }
            LocalDateTime now = localNow();
            LocalDateTime dischargeTime = r.dischargeTime() == null ? now : r.dischargeTime();
            RestrictedPatient p = new RestrictedPatient(n, from, hospital, supporting, dischargeTime, comment,
                    user(actor), now);
            patients.save(p);
            ObjectNode request = Json.object();
            request.put("offenderNo", n);
            request.put("fromLocationId", from);
            request.put("hospitalLocationCode", hospital);
            request.put("supportingPrisonId", supporting);
            request.put("dischargeTime", java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dischargeTime));
            request.put("commentText", comment);
            store(actor, p, "patient.discharged", null, snapshot(p), OutboxAction.DISCHARGE, request,
                    PatientEventMessages.ADDED, HistoryEntry.SOURCE_LOCAL);
            return p;
        });
    }

    /**
     * Records a prisoner NOMIS already shows as released to hospital. The central service reads
     * the last movement from Prison API; the desk is told its from-agency and time by the operator
     * (or sync), and applies the same checks to them.
     */
    public RestrictedPatient migrateIn(Actor actor, String offenderNo, String hospitalCode, String lastMoveFromAgencyId,
                                       LocalDateTime lastMoveTime) {
        Permissions.require(actor, "migrate restricted patients in", Role.RP_MIGRATE);
        String n = required("offenderNo", offenderNo, 7);
        String hospital = required("hospitalLocationCode", hospitalCode, 10);
        return tx.run(() -> "Prisoner (" + n + ") was changed by someone else; reload and try again.", () -> {
            if (patients.existsById(n)) {
                throw new RestrictedPatientRuleException("EXISTING_PATIENT", existingPatient(n));
            }
            if (lastMoveFromAgencyId == null || lastMoveFromAgencyId.isBlank()) {
                throw new RestrictedPatientRuleException("LAST_MOVE_NO_FROM_AGENCY",
                        "Prisoner (" + n + ") does not have an agency id associated with the last movement");
            }
            if (lastMoveTime == null) {
                throw new RestrictedPatientRuleException("DISCHARGE_TIME_INVALID",
                        "Prisoner (" + n + ") does not have a valid movement date/time");
            }
            String from = optional("fromLocationId", lastMoveFromAgencyId, 5);
            RestrictedPatient p = new RestrictedPatient(n, from, hospital, from, lastMoveTime, MIGRATED_COMMENT,
                    user(actor), localNow());
            patients.save(p);
            ObjectNode request = Json.object();
            request.put("offenderNo", n);
            request.put("hospitalLocationCode", hospital);
            store(actor, p, "patient.migrated-in", null, snapshot(p), OutboxAction.MIGRATE_IN, request,
                    PatientEventMessages.ADDED, HistoryEntry.SOURCE_LOCAL);
            return p;
        });
    }

    public RestrictedPatient changeSupportingPrison(Actor actor, String offenderNo, String prisonId) {
        Permissions.require(actor, "change a patient's supporting prison", Role.RP_TRANSFER);
        String n = required("offenderNo", offenderNo, 7);
        String prison = required("supportingPrisonId", prisonId, 5);
        return tx.run(() -> "Prisoner (" + n + ") was changed by someone else; reload and try again.", () -> {
            RestrictedPatient p = patients.findById(n).orElseThrow(() -> new NotFoundException(noPatient(n)));
            if (prison.equals(p.getSupportingPrisonId())) {
                throw new RestrictedPatientRuleException("PRISON_UNCHANGED",
                        "Prisoner (" + n + ") already supported by " + prison);
            }
            if (locations.findFirstByNomisAgencyIdAndTypeIn(prison, List.of(LocationType.PRISON)).isEmpty()) {
                throw new RestrictedPatientRuleException("PRISON_NOT_FOUND", "Prison " + prison + " not found");
            }
            String before = snapshot(p);
            p.changeSupportingPrison(prison, user(actor), localNow());
            ObjectNode request = Json.object();
            request.put("offenderNo", n);
            request.put("supportingPrisonId", prison);
            store(actor, p, "patient.supporting-prison-changed", before, snapshot(p), OutboxAction.CHANGE_SUPPORTING_PRISON,
                    request, PatientEventMessages.SUPPORTING_PRISON_CHANGED, HistoryEntry.SOURCE_LOCAL);
            return p;
        });
    }

    public RestrictedPatient remove(Actor actor, String offenderNo) {
        Permissions.require(actor, "remove restricted patients", Role.RP_REMOVE);
        String n = required("offenderNo", offenderNo, 7);
        return tx.run(() -> "Prisoner (" + n + ") was changed by someone else; reload and try again.", () -> {
            RestrictedPatient p = patients.findById(n).orElseThrow(() -> new NotFoundException(noPatient(n)));
            ObjectNode request = Json.object();
            request.put("offenderNo", n);
            return removeRow(actor, p, "patient.removed", OutboxAction.REMOVE, request, HistoryEntry.SOURCE_LOCAL);
        });
    }

    @Transactional(readOnly = true)
    public Optional<RestrictedPatient> find(Actor actor, String prisonerNumber) {
        Permissions.require(actor, "look up restricted patients", Role.RP_SEARCH, Role.SYSTEM);
        String n = PersonService.normalisePrisonNumber(prisonerNumber);
        return n == null ? Optional.empty() : patients.findById(n);
    }

    /** Prisoner number or name prefix, hospital or prison agency id; newest discharges first. */
    @Transactional(readOnly = true)
    public Page<PatientRow> list(Actor actor, String text, int page, int size) {
        Permissions.require(actor, "list restricted patients", Role.RP_SEARCH, Role.SYSTEM);
        int limit = Math.max(1, Math.min(size, 500));
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "");
        String where = t.isEmpty() ? "" : """
                 where rp.prisoner_number like :prefix or rp.hospital_location_code = :exact
                    or rp.supporting_prison_id = :exact or rp.from_location_id = :exact
                    or rp.prisoner_number in (select pe.prison_number from person pe where pe.name_key like :prefix)
                """;
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("prefix", t + "%").addValue("exact", t)
                .addValue("limit", limit).addValue("offset", (long) Math.max(0, page) * limit);
        Long total = jdbc.queryForObject("select count(*) from restricted_patient rp" + where, params, Long.class);
        List<PatientRow> rows = jdbc.query("""
                select rp.*, pe.last_name, pe.first_names,
                  (select min(l.title) from location l where l.nomis_agency_id = rp.from_location_id) from_title,
                  (select min(l.title) from location l where l.nomis_agency_id = rp.hospital_location_code) hospital_title,
                  (select min(l.title) from location l where l.nomis_agency_id = rp.supporting_prison_id) supporting_title,
                  exists (select 1 from outbox o where o.aggregate_type = 'PATIENT' and o.aggregate_id = rp.prisoner_number
                          and o.channel = 'CENTRAL' and o.state not in ('CONFIRMED', 'DISCARDED')) pending
                from restricted_patient rp left join person pe on pe.prison_number = rp.prisoner_number
                """ + where + " order by rp.discharge_time desc, rp.prisoner_number limit :limit offset :offset",
                params, (rs, i) -> new PatientRow(rs.getString("prisoner_number"),
                        rs.getString("last_name") == null ? null
                                : rs.getString("last_name").toUpperCase(Locale.ROOT) + ", " + rs.getString("first_names"),
                        rs.getString("from_location_id"), rs.getString("from_title"),
                        rs.getString("hospital_location_code"), rs.getString("hospital_title"),
                        rs.getString("supporting_prison_id"), rs.getString("supporting_title"),
                        rs.getObject("discharge_time", LocalDateTime.class), rs.getString("comment_text"),
                        rs.getBoolean("pending")));
        return new PageImpl<>(rows, PageRequest.of(Math.max(0, page), limit), total == null ? 0 : total);
    }

    // ---- reactions to domain events (SYSTEM)

    /** OFFENDER_MOVEMENT-RECEPTION: a patient received back into prison stops being one. */
    public boolean onPrisonerReceived(Actor system, String prisonerNumber) {
        Permissions.require(system, "apply prisoner events", Role.SYSTEM);
        String n = PersonService.normalisePrisonNumber(prisonerNumber);
        if (n == null) {
            return false;
        }
        return tx.run(() -> "Prisoner (" + n + ") changed while the event was applied; it will be retried.", () -> {
            Optional<RestrictedPatient> p = patients.findById(n);
            if (p.isEmpty()) {
                return false;
            }
            removeRow(system, p.get(), "patient.removed-on-reception", null, null, HistoryEntry.SOURCE_CENTRAL);
            return true;
        });
    }

    /** Released to hospital: adds the patient unless they already are one (then the event is ignored). */
    public boolean onReleasedToHospital(Actor system, ReleasedToHospital e) {
        Permissions.require(system, "apply prisoner events", Role.SYSTEM);
        String n = required("nomsNumber", e.nomsNumber(), 7);
        String from = required("fromAgencyId", e.fromAgencyId(), 5);
        String hospital = required("hospitalLocationCode", e.hospitalLocationCode(), 10);
        if (e.dischargeTime() == null) {
            throw new RestrictedPatientRuleException("DISCHARGE_TIME_INVALID",
                    "Prisoner (" + n + ") does not have a valid movement date/time");
        }
        String comment = e.commentText() == null || e.commentText().length() <= MAX_COMMENT ? e.commentText()
                : e.commentText().substring(0, MAX_COMMENT);
        return tx.run(() -> "Prisoner (" + n + ") changed while the event was applied; it will be retried.", () -> {
            if (patients.existsById(n)) {
                return false;
            }
            RestrictedPatient p = new RestrictedPatient(n, from, hospital, from, e.dischargeTime(), comment, null, localNow());
            patients.save(p);
            store(system, p, "patient.added-on-release", null, snapshot(p), null, null, PatientEventMessages.ADDED,
                    HistoryEntry.SOURCE_CENTRAL);
            return true;
        });
    }

    /** A merge touching a patient is left for a person, with the central service's exact message. */
    @Transactional(readOnly = true)
    public void onPrisonerMerged(Actor system, String nomsNumber, String removedNomsNumber) {
        Permissions.require(system, "apply prisoner events", Role.SYSTEM);
        Optional<RestrictedPatient> removed = removedNomsNumber == null ? Optional.empty() : patients.findById(removedNomsNumber);
        if (removed.isPresent()) {
            throw new MergeNotImplementedException("Merge not implemented. Patient " + removedNomsNumber + " was at hospital "
                    + removed.get().getHospitalLocationCode() + " but record merged into " + nomsNumber);
        }
        Optional<RestrictedPatient> surviving = nomsNumber == null ? Optional.empty() : patients.findById(nomsNumber);
        if (surviving.isPresent()) {
            throw new MergeNotImplementedException("Merge not implemented. Patient " + nomsNumber + " is at hospital "
                    + surviving.get().getHospitalLocationCode() + ".  Record merged from " + removedNomsNumber);
        }
    }

    // ---- cache of central records (sync, SYSTEM); added by the sync module

    /**
     * Stores the centre's record of a patient this desk looked up. A patient with a local change not
     * yet confirmed is left alone: the desk's change wins until the centre has it. No outbox entry
     * and no topic event: nothing happened, the desk only learnt something.
     *
     * @return true when the cached row changed
     */
    public boolean cacheFromCentral(Actor system, CentralPatient c) {
        Permissions.require(system, "cache central patients", Role.SYSTEM);
        String n = required("prisonerNumber", c.prisonerNumber(), 7);
        String from = required("fromLocationId", c.fromLocationId(), 5);
        String hospital = required("hospitalLocationCode", c.hospitalLocationCode(), 10);
        String supporting = c.supportingPrisonId() == null ? from : optional("supportingPrisonId", c.supportingPrisonId(), 5);
        LocalDateTime discharged = c.dischargeTime() == null ? localNow() : c.dischargeTime();
        String comment = c.commentText() == null || c.commentText().length() <= MAX_COMMENT ? c.commentText()
                : c.commentText().substring(0, MAX_COMMENT);
        return tx.run(() -> "Prisoner (" + n + ") changed while it was refreshed; it will be retried.", () -> {
            if (hasUnsentChange(n)) {
                return false;
            }
            Optional<RestrictedPatient> existing = patients.findById(n);
            String before = existing.map(RestrictedPatientService::snapshot).orElse(null);
            RestrictedPatient p = existing.orElseGet(() -> new RestrictedPatient(n, from, hospital, supporting, discharged,
                    comment, null, localNow()));
            p.refreshFromCentral(from, hospital, supporting, discharged, comment, localNow());
            String after = snapshot(p);
            if (after.equals(before)) {
                return false;
            }
            patients.save(p);
            history.append(HistoryDraft.of(system, AggregateType.PATIENT, n, "patient.refreshed")
                    .occurredAt(Times.now(clock)).prisonNumber(n).before(before).after(after)
                    .source(HistoryEntry.SOURCE_CENTRAL).build());
            afterCommit.publish(new PatientChanged(n));
            return true;
        });
    }

    /** The centre has no restricted patient with this number: drop a cached one unless a local change is pending. */
    public boolean forgetFromCentral(Actor system, String prisonerNumber) {
        Permissions.require(system, "cache central patients", Role.SYSTEM);
        String n = PersonService.normalisePrisonNumber(prisonerNumber);
        if (n == null) {
            return false;
        }
        return tx.run(() -> "Prisoner (" + n + ") changed while it was refreshed; it will be retried.", () -> {
            Optional<RestrictedPatient> existing = patients.findById(n);
            if (existing.isEmpty() || hasUnsentChange(n)) {
                return false;
            }
            String before = snapshot(existing.get());
            patients.delete(existing.get());
            history.append(HistoryDraft.of(system, AggregateType.PATIENT, n, "patient.refreshed")
                    .occurredAt(Times.now(clock)).prisonNumber(n).before(before).after(null)
                    .notes("not a restricted patient centrally").source(HistoryEntry.SOURCE_CENTRAL).build());
            afterCommit.publish(new PatientChanged(n));
            return true;
        });
    }

    private boolean hasUnsentChange(String prisonerNumber) {
        Long open = jdbc.queryForObject("select count(*) from outbox where channel = 'CENTRAL' and aggregate_type = 'PATIENT'"
                        + " and aggregate_id = :n and state in ('PENDING', 'IN_FLIGHT', 'FAILED', 'CONFLICT')",
                new MapSqlParameterSource("n", prisonerNumber), Long.class);
        return open != null && open > 0;
    }

    // ---- shared steps

    private RestrictedPatient removeRow(Actor actor, RestrictedPatient p, String historyType, OutboxAction central,
                                        ObjectNode request, String source) {
        String before = snapshot(p);
        patients.delete(p);
        store(actor, p, historyType, before, null, central, request, PatientEventMessages.REMOVED, source);
        return p;
    }

    private void store(Actor actor, RestrictedPatient p, String historyType, String before, String after,
                       OutboxAction central, ObjectNode request, String topicEvent, String source) {
        Instant now = Times.now(clock);
        String n = p.getPrisonerNumber();
        history.append(HistoryDraft.of(actor, AggregateType.PATIENT, n, historyType).occurredAt(now)
                .prisonNumber(n).before(before).after(after).source(source).build());
        if (central != null) {
            outbox.append(actor, OutboxChannel.CENTRAL, AggregateType.PATIENT, n, central, Json.write(request), now, now);
        }
        outbox.append(actor, OutboxChannel.TOPIC, AggregateType.PATIENT, n, OutboxAction.PUBLISH_EVENT,
                PatientEventMessages.publishPayload(topicEvent, n, clock), now, now);
        afterCommit.publish(new PatientChanged(n));
    }

    static String snapshot(RestrictedPatient p) {
        ObjectNode n = Json.object();
        n.put("prisonerNumber", p.getPrisonerNumber());
        n.put("fromLocationId", p.getFromLocationId());
        n.put("hospitalLocationCode", p.getHospitalLocationCode());
        n.put("supportingPrisonId", p.getSupportingPrisonId());
        n.put("dischargeTime", p.getDischargeTime().toString());
        n.put("commentText", p.getCommentText());
        return Json.write(n);
    }

    private LocalDateTime localNow() {
        return LocalDateTime.ofInstant(Times.now(clock), CENTRAL_ZONE);
    }

    private static String user(Actor actor) {
        String u = actor.username();
        return u.length() <= 32 ? u : u.substring(0, 32);
    }

    private static String comment(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            throw new ValidationException("commentText", "The comment can be at most " + MAX_COMMENT
                    + " characters; it has " + text.length() + ".");
        }
        return text;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required.");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() > max) {
            throw new ValidationException(field, field + " '" + v + "' is too long; at most " + max + " characters.");
        }
        return v;
    }
}
