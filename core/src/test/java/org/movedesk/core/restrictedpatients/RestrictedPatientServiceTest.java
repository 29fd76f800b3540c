package org.movedesk.core.restrictedpatients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.MergeNotImplementedException;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.RestrictedPatientRuleException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The central Restricted Patients API rules, codes and texts, plus its events. */
class RestrictedPatientServiceTest extends CoreIntegrationTest {

    @Autowired
    RestrictedPatientService service;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryRepository history;

    private final org.movedesk.core.operators.Actor rp = StoreFixture.rpOfficer();

    private String patient() {
        Person p = fixture.knownPerson("Patient");
        service.dischargeToHospital(rp, new DischargeToHospital(p.getPrisonNumber(), "MDI", "HAZLWD", null, null, "calm"));
        return p.getPrisonNumber();
    }

    private List<OutboxEntry> entries(String n) {
        return outbox.forAggregate(AggregateType.PATIENT, n);
    }

    @Test
    void dischargeDefaultsSupportingPrisonAndTimeAndQueuesRequestAndEvent() {
        Person p = fixture.knownPerson("Patient");
        String n = p.getPrisonNumber();
        RestrictedPatient saved = service.dischargeToHospital(rp,
                new DischargeToHospital(n.toLowerCase(), "MDI", "HAZLWD", null, null, null));

        assertThat(saved.getPrisonerNumber()).isEqualTo(n);
        assertThat(saved.getSupportingPrisonId()).isEqualTo("MDI");
        assertThat(saved.getDischargeTime()).isNotNull();
        assertThat(saved.getCreateUserId()).isEqualTo("rp-officer");
        List<OutboxEntry> es = entries(n);
        assertThat(es).extracting(OutboxEntry::getChannel, OutboxEntry::getAction).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OutboxChannel.CENTRAL, OutboxAction.DISCHARGE),
                org.assertj.core.groups.Tuple.tuple(OutboxChannel.TOPIC, OutboxAction.PUBLISH_EVENT));
        JsonNode request = Json.read(es.get(0).getPayload());
        assertThat(request.get("offenderNo").asText()).isEqualTo(n);
        assertThat(request.get("fromLocationId").asText()).isEqualTo("MDI");
        assertThat(request.get("hospitalLocationCode").asText()).isEqualTo("HAZLWD");
        assertThat(request.get("supportingPrisonId").asText()).isEqualTo("MDI");
        assertThat(request.get("dischargeTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");

        JsonNode publish = Json.read(es.get(1).getPayload());
        assertThat(publish.get("eventType").asText()).isEqualTo("restricted-patients.patient.added");
        JsonNode message = publish.get("message");
        assertThat(message.fieldNames()).toIterable().containsExactly("eventType", "additionalInformation", "version",
                "occurredAt", "publishedAt", "description", "personReference");
        assertThat(message.get("additionalInformation").get("prisonerNumber").asText()).isEqualTo(n);
        assertThat(message.get("version").asInt()).isEqualTo(1);
        assertThat(message.get("description").asText()).isEqualTo("Prisoner is now a restricted patient");
        assertThat(message.get("occurredAt").asText()).isEqualTo(message.get("publishedAt").asText());
        assertThat(message.get("occurredAt").asText()).matches(".*(Z|\\+01:00)$");
        assertThat(message.get("personReference").toString())
                .isEqualTo("{\"identifiers\":[{\"type\":\"NOMS\",\"value\":\"" + n + "\"}]}");
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.PATIENT, n))
                .extracting(HistoryEntry::getEventType).containsExactly("patient.discharged");
    }

    @Test
    void dischargeKeepsGivenSupportingPrisonTimeAndComment() {
        Person p = fixture.knownPerson("Patient");
        LocalDateTime t = LocalDateTime.of(2020, 10, 10, 0, 0);
        RestrictedPatient saved = service.dischargeToHospital(rp,
                new DischargeToHospital(p.getPrisonNumber(), "MDI", "HAZLWD", "LEI", t, "c".repeat(240)));
        assertThat(saved.getSupportingPrisonId()).isEqualTo("LEI");
        assertThat(saved.getDischargeTime()).isEqualTo(t);
        assertThat(Json.read(entries(p.getPrisonNumber()).get(0).getPayload()).get("dischargeTime").asText())
                .isEqualTo("2020-10-10T00:00:00");
    }

    @Test
    void existingPatient() {
        String n = patient();
        assertThatThrownBy(() -> service.dischargeToHospital(rp, new DischargeToHospital(n, "MDI", "HAZLWD", null, null, null)))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("EXISTING_PATIENT"))
                .hasMessage("Prisoner (" + n + ") is already a restricted patient");
        assertThat(entries(n)).hasSize(2);
    }

    @Test
    void unknownPrisoner() {
        assertThatThrownBy(() -> service.dischargeToHospital(rp, new DischargeToHospital("Z9999ZZ", "MDI", "HAZLWD", null, null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No prisoner with activeFlag 'Y' found for Z9999ZZ");
        assertThat(service.find(rp, "Z9999ZZ")).isEmpty();
    }

    @Test
    void commentOver240IsRefused() {
        Person p = fixture.knownPerson("Patient");
        assertThatThrownBy(() -> service.dischargeToHospital(rp,
                new DischargeToHospital(p.getPrisonNumber(), "MDI", "HAZLWD", null, null, "c".repeat(241))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("commentText"));
        assertThat(service.find(rp, p.getPrisonNumber())).isEmpty();
        assertThat(entries(p.getPrisonNumber())).isEmpty();
    }

    @Test
    void tooLongIdsAreRefused() {
        assertThatThrownBy(() -> service.dischargeToHospital(rp, new DischargeToHospital("A12345678", "MDI", "HAZLWD", null, null, null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.dischargeToHospital(rp, new DischargeToHospital("A1234BC", "MDIXXX", "HAZLWD", null, null, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void changeSupportingPrisonRules() {
        assertThatThrownBy(() -> service.changeSupportingPrison(rp, "Y1111YY", "LEI"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No restricted patient record found for prison number Y1111YY");
        String n = patient();
        assertThatThrownBy(() -> service.changeSupportingPrison(rp, n, "MDI"))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PRISON_UNCHANGED"))
                .hasMessage("Prisoner (" + n + ") already supported by MDI");
        assertThatThrownBy(() -> service.changeSupportingPrison(rp, n, "XYZ"))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PRISON_NOT_FOUND"))
                .hasMessage("Prison XYZ not found");
        // a hospital is a location, but not a prison
        assertThatThrownBy(() -> service.changeSupportingPrison(rp, n, "HAZLW"))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PRISON_NOT_FOUND"));
        assertThat(entries(n)).hasSize(2);

        RestrictedPatient changed = service.changeSupportingPrison(rp, n, "LEI");
        assertThat(changed.getSupportingPrisonId()).isEqualTo("LEI");
        assertThat(changed.getModifyUserId()).isEqualTo("rp-officer");
        List<OutboxEntry> es = entries(n);
        assertThat(es).extracting(OutboxEntry::getAction).contains(OutboxAction.CHANGE_SUPPORTING_PRISON);
        OutboxEntry event = es.stream().filter(e -> e.getChannel() == OutboxChannel.TOPIC).reduce((a, b) -> b).orElseThrow();
        JsonNode message = Json.read(event.getPayload()).get("message");
        assertThat(message.get("eventType").asText()).isEqualTo("restricted-patients.patient.supporting-prison-changed");
        assertThat(message.get("description").asText()).isEqualTo("Supporting prisoner changed for restricted patient");
        JsonNode request = Json.read(es.stream().filter(e -> e.getAction() == OutboxAction.CHANGE_SUPPORTING_PRISON)
                .findFirst().orElseThrow().getPayload());
        assertThat(request.toString()).isEqualTo("{\"offenderNo\":\"" + n + "\",\"supportingPrisonId\":\"LEI\"}");
    }

    @Test
    void removeRules() {
        assertThatThrownBy(() -> service.remove(rp, "Y2222YY"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No restricted patient record found for prison number Y2222YY");
        String n = patient();
        service.remove(rp, n);
        assertThat(service.find(rp, n)).isEmpty();
        List<OutboxEntry> es = entries(n);
        assertThat(es).extracting(OutboxEntry::getAction).contains(OutboxAction.REMOVE);
        OutboxEntry event = es.stream().filter(e -> e.getChannel() == OutboxChannel.TOPIC).reduce((a, b) -> b).orElseThrow();
        assertThat(Json.read(event.getPayload()).get("message").get("description").asText())
                .isEqualTo("Prisoner no longer a restricted patient");
    }

    @Test
    void migrateIn() {
        Person p = fixture.knownPerson("Patient");
        String n = p.getPrisonNumber();
        assertThatThrownBy(() -> service.migrateIn(rp, n, "HAZLWD", null, LocalDateTime.now()))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("LAST_MOVE_NO_FROM_AGENCY"))
                .hasMessage("Prisoner (" + n + ") does not have an agency id associated with the last movement");
        RestrictedPatient migrated = service.migrateIn(rp, n, "HAZLWD", "MDI", LocalDateTime.of(2024, 5, 6, 7, 8));
        assertThat(migrated.getCommentText()).isEqualTo("Historical discharge to hospital added to restricted patients");
        assertThat(migrated.getSupportingPrisonId()).isEqualTo("MDI");
        assertThat(Json.read(entries(n).get(0).getPayload()).toString())
                .isEqualTo("{\"offenderNo\":\"" + n + "\",\"hospitalLocationCode\":\"HAZLWD\"}");
        assertThatThrownBy(() -> service.migrateIn(rp, n, "HAZLWD", "MDI", LocalDateTime.now()))
                .isInstanceOfSatisfying(RestrictedPatientRuleException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("EXISTING_PATIENT"));
    }

    @Test
    void receivedBackRemovesAndPublishesWithoutCentralRequest() {
        String n = patient();
        assertThat(service.onPrisonerReceived(StoreFixture.system(), n)).isTrue();
        assertThat(service.find(rp, n)).isEmpty();
        List<OutboxEntry> es = entries(n);
        assertThat(es.stream().filter(e -> e.getChannel() == OutboxChannel.CENTRAL)).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.DISCHARGE);
        assertThat(Json.read(es.get(es.size() - 1).getPayload()).get("eventType").asText())
                .isEqualTo("restricted-patients.patient.removed");
        // not a patient: nothing happens
        int before = entries(n).size();
        assertThat(service.onPrisonerReceived(StoreFixture.system(), n)).isFalse();
        assertThat(entries(n)).hasSize(before);
    }

    @Test
    void releasedToHospitalAddsUnlessAlreadyAPatient() {
        String n = StoreFixture.uniquePrisonNumber();
        ReleasedToHospital e = new ReleasedToHospital(n, "LEI", "RAMPTN", LocalDateTime.of(2025, 1, 2, 3, 4), "moved");
        assertThat(service.onReleasedToHospital(StoreFixture.system(), e)).isTrue();
        RestrictedPatient p = service.find(rp, n).orElseThrow();
        assertThat(p.getSupportingPrisonId()).isEqualTo("LEI");
        assertThat(p.getHospitalLocationCode()).isEqualTo("RAMPTN");
        assertThat(service.onReleasedToHospital(StoreFixture.system(), e)).isFalse();
        assertThat(entries(n)).extracting(OutboxEntry::getChannel).containsExactly(OutboxChannel.TOPIC);
    }

    @Test
    void mergeTouchingAPatientIsLeftForAPerson() {
        String n = patient();
        String other = StoreFixture.uniquePrisonNumber();
        assertThatThrownBy(() -> service.onPrisonerMerged(StoreFixture.system(), other, n))
                .isInstanceOf(MergeNotImplementedException.class)
                .hasMessage("Merge not implemented. Patient " + n + " was at hospital HAZLWD but record merged into " + other);
        assertThatThrownBy(() -> service.onPrisonerMerged(StoreFixture.system(), n, other))
                .isInstanceOf(MergeNotImplementedException.class)
                .hasMessage("Merge not implemented. Patient " + n + " is at hospital HAZLWD.  Record merged from " + other);
        service.onPrisonerMerged(StoreFixture.system(), StoreFixture.uniquePrisonNumber(), StoreFixture.uniquePrisonNumber());
    }

    @Test
    void listFindsByNumberNameAndHospital() {
        String n = patient();
        assertThat(service.list(rp, n, 0, 20).getContent()).extracting(PatientRow::prisonerNumber).containsExactly(n);
        PatientRow row = service.list(rp, n, 0, 20).getContent().get(0);
        assertThat(row.hospitalTitle()).isEqualTo("Hazelwood House");
        assertThat(row.fromTitle()).isEqualTo("HMP Moorland");
        assertThat(row.personName()).startsWith("PATIENT, ");
        assertThat(row.pendingSync()).isTrue();
        assertThat(service.list(rp, "HAZLWD", 0, 500).getContent()).extracting(PatientRow::prisonerNumber).contains(n);
        assertThat(service.list(rp, "patient", 0, 500).getContent()).extracting(PatientRow::prisonerNumber).contains(n);
    }
}
