package org.movedesk.sync.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.Json;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.history.HistoryRow;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.CentralClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Restricted-patient events published by other desks or the central service, through the real
 * listener and router on ElasticMQ, refreshing the desk's cache from the Restricted Patients API
 * of a sandbox on loopback (the event carries only the prisoner number).
 */
class CentralPatientEventsTest extends EventsIntegrationTest {

    private static final String OTHER_DESK = "another-desk";

    @Autowired
    SqsEventListener listener;
    @Autowired
    @Qualifier("eventsSqsClient")
    SqsClient sqs;
    @Autowired
    RestrictedPatientService patients;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryQueries history;
    @Autowired
    ConsumedEventLedger ledger;
    @Autowired
    DeskService desks;
    @Autowired
    Sandbox sandbox;
    @Autowired
    CentralClients central;

    @AfterEach
    void centreBackOnline() {
        sandbox.faults().clear();
    }

    @Test
    void addedChangedAndRemovedElsewhereFollowTheCentreWithHistoryAndNoOutboxEntry() throws Exception {
        SandboxState.PersonSnapshot person = nextPrisoner();
        String number = person.prisonNumber();
        String hospital = hospitals().get(0);
        dischargeCentrally(person, hospital);

        String added = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_ADDED, number), OTHER_DESK, added);
        awaitConsumed(added);
        RestrictedPatient cached = find(number);
        assertThat(cached).isNotNull();
        assertThat(cached.getHospitalLocationCode()).isEqualTo(hospital);
        assertThat(cached.getFromLocationId()).isEqualTo(person.prisonAgencyId());
        assertThat(refreshes(number)).hasSize(1);
        assertThat(refreshes(number).get(0).operator()).isEqualTo("events");
        assertThat(refreshes(number).get(0).source()).isEqualTo("CENTRAL");

        // the same event delivered again (another subscription, a lost delete) is applied once
        send(patientEvent(DomainEventRouter.PATIENT_ADDED, number), OTHER_DESK, added);
        awaitQueueEmpty();
        assertThat(refreshes(number)).hasSize(1);

        String otherPrison = otherPrisonThan(person.prisonAgencyId());
        ObjectNode change = Json.object().put("offenderNo", number).put("supportingPrisonId", otherPrison);
        assertThat(central.patients().changeSupportingPrison(change, UUID.randomUUID(), "elsewhere").ok()).isTrue();
        String changed = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_PRISON_CHANGED, number), OTHER_DESK, changed);
        awaitConsumed(changed);
        assertThat(find(number).getSupportingPrisonId()).isEqualTo(otherPrison);
        assertThat(refreshes(number)).hasSize(2);

        assertThat(central.patients().remove(number, UUID.randomUUID(), "elsewhere").ok()).isTrue();
        String removed = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_REMOVED, number), null, removed);
        awaitConsumed(removed);
        assertThat(find(number)).isNull();
        assertThat(refreshes(number)).hasSize(3);
        assertThat(refreshes(number).get(0).notes()).isEqualTo("not a restricted patient centrally");

        // learning what happened centrally is no action of this desk: nothing to push or publish
        assertThat(outbox.forAggregate(AggregateType.PATIENT, number)).isEmpty();
    }

    @Test
    void ourOwnEventsComingBackAreSkippedAndPendingLocalChangesAreNotClobbered() {
        String number = fixture.knownPerson("Pending").getPrisonNumber();
        String hospital = hospitals().get(0);
        // discharged at this desk; the push worker is not running, so the centre knows nothing yet
        patients.dischargeToHospital(StoreFixture.rpOfficer(), new DischargeToHospital(number, "MDI",
                hospital, null, null, "local"));

        String own = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_ADDED, number), desks.current().deskId(), own);
        String foreignRemoved = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_REMOVED, number), OTHER_DESK, foreignRemoved);
        String foreignChanged = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_PRISON_CHANGED, number), OTHER_DESK, foreignChanged);
        awaitConsumed(foreignRemoved);
        awaitConsumed(foreignChanged);
        awaitQueueEmpty();

        assertThat(ledger.alreadyConsumed("event:" + own)).as("own event is not applied").isFalse();
        RestrictedPatient kept = find(number);
        assertThat(kept).as("the local discharge waiting to be pushed wins").isNotNull();
        assertThat(kept.getCommentText()).isEqualTo("local");
        assertThat(refreshes(number)).isEmpty();
    }

    @Test
    void whenTheRestrictedPatientsApiIsDownTheEventIsRetriedAndAppliedOnceItAnswers() throws Exception {
        SandboxState.PersonSnapshot person = nextPrisoner();
        String number = person.prisonNumber();
        dischargeCentrally(person, hospitals().get(0));
        sandbox.faults().setErrorRate(1.0);

        long failuresBefore = listener.failureCount();
        String added = UUID.randomUUID().toString();
        send(patientEvent(DomainEventRouter.PATIENT_ADDED, number), OTHER_DESK, added);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            listener.pollOnce();
            return listener.failureCount() > failuresBefore;
        });
        assertThat(find(number)).isNull();
        assertThat(ledger.alreadyConsumed("event:" + added)).isFalse();

        sandbox.faults().clear();
        awaitConsumed(added);
        assertThat(find(number)).isNotNull();
        assertThat(refreshes(number)).hasSize(1);
    }

    // ---- helpers

    private static int nextPerson;

    /** A prisoner in prison at the centre that no other test of this class used. */
    private SandboxState.PersonSnapshot nextPrisoner() {
        List<SandboxState.PersonSnapshot> inPrison = sandbox.state().peopleInPrison().stream()
                .filter(p -> p.prisonAgencyId() != null && sandbox.state().patient(p.prisonNumber()).isEmpty()
                        && find(p.prisonNumber()) == null)
                .toList();
        assertThat(inPrison).as("sandbox prisoners left").isNotEmpty();
        return inPrison.get(nextPerson++ % inPrison.size());
    }

    private List<String> hospitals() {
        return sandbox.state().locationsOfType("hospital").stream().map(SandboxState.LocationSnapshot::nomisAgencyId)
                .filter(id -> id != null && id.length() <= 10).toList();
    }

    private String otherPrisonThan(String prison) {
        return sandbox.state().locationsOfType("prison").stream().map(SandboxState.LocationSnapshot::nomisAgencyId)
                .filter(id -> id != null && !id.equals(prison)).findFirst().orElseThrow();
    }

    private void dischargeCentrally(SandboxState.PersonSnapshot person, String hospital) throws Exception {
        ObjectNode body = Json.object().put("offenderNo", person.prisonNumber())
                .put("fromLocationId", person.prisonAgencyId()).put("hospitalLocationCode", hospital);
        var answer = central.patients().dischargeToHospital(body, UUID.randomUUID(), "elsewhere");
        assertThat(answer.status()).as("central discharge").isEqualTo(201);
    }

    private RestrictedPatient find(String number) {
        return patients.find(StoreFixture.system(), number).orElse(null);
    }

    /** Newest first, as the history queries return them. */
    private List<HistoryRow> refreshes(String number) {
        return history.forPerson(StoreFixture.supervisor(), number).stream()
                .filter(h -> h.eventType().equals("patient.refreshed"))
                .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    private void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            listener.pollOnce();
            return ledger.alreadyConsumed("event:" + eventId);
        });
    }

    private void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            listener.pollOnce();
            return sqs.getQueueAttributes(r -> r.queueUrl(queues().queueUrl())
                            .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                    .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum() == 0;
        });
    }

    private static String patientEvent(String type, String number) {
        String description = switch (type) {
            case DomainEventRouter.PATIENT_ADDED -> "Prisoner is now a restricted patient";
            case DomainEventRouter.PATIENT_REMOVED -> "Prisoner no longer a restricted patient";
            default -> "Supporting prisoner changed for restricted patient";
        };
        String now = Instant.now().toString();
        return "{\"eventType\":\"" + type + "\",\"additionalInformation\":{\"prisonerNumber\":\"" + number + "\"},"
                + "\"version\":1,\"occurredAt\":\"" + now + "\",\"publishedAt\":\"" + now + "\",\"description\":\""
                + description + "\",\"personReference\":{\"identifiers\":[{\"type\":\"NOMS\",\"value\":\"" + number
                + "\"}]}}";
    }

    private void send(String body, String sourceDesk, String eventId) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        values.put("eventId", text(eventId));
        if (sourceDesk != null) {
            values.put("sourceDesk", text(sourceDesk));
        }
        sqs.sendMessage(r -> r.queueUrl(queues().queueUrl()).messageBody(body).messageAttributes(values));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
