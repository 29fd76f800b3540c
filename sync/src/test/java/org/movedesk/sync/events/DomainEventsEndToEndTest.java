package org.movedesk.sync.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.history.HistoryRow;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.restrictedpatients.ReleasedToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatient;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every consumed event type through the real listener, router and core services on a real SQS
 * (ElasticMQ) and a real H2 store: the change, its history entry and the follow-up event core
 * queues for publishing; the merge case into "needs attention"; poison and duplicates.
 */
class DomainEventsEndToEndTest extends EventsIntegrationTest {

    @Autowired
    SqsEventListener listener;
    @Autowired
    DeadLetterCollector collector;
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
    NeedsAttentionService needsAttention;
    @Autowired
    ConsumedEventLedger ledger;
    @Autowired
    DeskService desks;

    // ---- prisoner received back into prison

    @Test
    void aPatientReceivedBackIntoPrisonIsRemovedWithHistoryAndARemovedEvent() {
        String number = patient("HAZLWD");

        send(domainEvent("prison-offender-events.prisoner.received", Instant.now(),
                Map.of("nomsNumber", number, "reason", "ADMISSION")), Map.of());

        awaitNotAPatient(number);
        assertThat(historyTypes(number)).contains("patient.removed-on-reception");
        JsonNode removed = lastTopicMessage(number);
        assertThat(removed.get("eventType").asText()).isEqualTo("restricted-patients.patient.removed");
        assertThat(removed.get("description").asText()).isEqualTo("Prisoner no longer a restricted patient");
        assertThat(removed.at("/additionalInformation/prisonerNumber").asText()).isEqualTo(number);
        assertThat(removed.at("/personReference/identifiers/0/value").asText()).isEqualTo(number);
        assertThat(removed.get("occurredAt").asText()).isEqualTo(removed.get("publishedAt").asText());
        List<String> fieldOrder = new java.util.ArrayList<>();
        removed.fieldNames().forEachRemaining(fieldOrder::add);
        assertThat(fieldOrder).as("the central service's field order").containsExactly("eventType",
                "additionalInformation", "version", "occurredAt", "publishedAt", "description", "personReference");
        EventSchemas.assertValid(EventSchemas.PATIENT_EVENT, Json.write(removed));
    }

    @Test
    void theOffenderMovementReceptionFormInAnSnsEnvelopeWorksToo() {
        String number = patient("RAMPTN");
        String offenderEvent = Json.write(Json.object().put("eventType", "OFFENDER_MOVEMENT-RECEPTION")
                .put("eventDatetime", LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString())
                .put("offenderIdDisplay", number).put("bookingId", 1234567));

        send(envelope(offenderEvent, "OFFENDER_MOVEMENT-RECEPTION"), Map.of());

        awaitNotAPatient(number);
        assertThat(lastTopicMessage(number).get("eventType").asText()).isEqualTo("restricted-patients.patient.removed");
    }

    @Test
    void aPrisonerWhoIsNoPatientChangesNothingOnReception() {
        String number = StoreFixture.uniquePrisonNumber();
        String key = UUID.randomUUID().toString();

        send(domainEvent("prison-offender-events.prisoner.received", Instant.now(), Map.of("nomsNumber", number)),
                Map.of("eventId", key));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            listener.pollOnce();
            return ledger.alreadyConsumed("event:" + key);
        });
        assertThat(topicEntries(number)).isEmpty();
        assertThat(historyTypes(number)).isEmpty();
    }

    // ---- released to hospital

    @Test
    void aPrisonerReleasedToHospitalBecomesAPatientWithHistoryAndAnAddedEvent() {
        String number = StoreFixture.uniquePrisonNumber();

        send(domainEvent("prisoner-offender-search.prisoner.released", Instant.parse("2026-11-20T10:15:00Z"),
                Map.of("nomsNumber", number, "reason", "RELEASED_TO_HOSPITAL", "prisonId", "MDI",
                        "hospitalLocationCode", "HAZLWD", "details", "Movement reason code HP")), Map.of());

        RestrictedPatient added = await().atMost(Duration.ofSeconds(10)).until(() -> {
            listener.pollOnce();
            return find(number);
        }, p -> p != null);
        assertThat(added.getHospitalLocationCode()).isEqualTo("HAZLWD");
        assertThat(added.getFromLocationId()).isEqualTo("MDI");
        assertThat(added.getSupportingPrisonId()).isEqualTo("MDI");
        assertThat(added.getDischargeTime()).isEqualTo(LocalDateTime.parse("2026-11-20T10:15:00"));
        assertThat(added.getCommentText()).isEqualTo("Movement reason code HP");
        assertThat(historyTypes(number)).contains("patient.added-on-release");
        JsonNode event = lastTopicMessage(number);
        assertThat(event.get("eventType").asText()).isEqualTo("restricted-patients.patient.added");
        EventSchemas.assertValid(EventSchemas.PATIENT_EVENT, Json.write(event));
    }

    @Test
    void otherReleaseReasonsAreAcknowledgedWithoutChange() {
        String number = StoreFixture.uniquePrisonNumber();
        String key = UUID.randomUUID().toString();

        send(domainEvent("prisoner-offender-search.prisoner.released", Instant.now(),
                Map.of("nomsNumber", number, "reason", "RELEASED", "prisonId", "MDI")), Map.of("eventId", key));

        awaitQueueEmpty();
        assertThat(find(number)).isNull();
        assertThat(ledger.alreadyConsumed("event:" + key)).as("ignored events are not remembered").isFalse();
        assertThat(deadLetterFor(number)).isEmpty();
    }

    // ---- merge

    @Test
    void aMergeTouchingAPatientFailsIsRetriedAndEndsUnderNeedsAttentionForAPersonToResolve() {
        String patientNumber = patient("HAZLWD");
        String survivor = StoreFixture.uniquePrisonNumber();

        send(domainEvent("prison-offender-events.prisoner.merged", Instant.now(),
                Map.of("nomsNumber", survivor, "removedNomsNumber", patientNumber, "reason", "MERGE")), Map.of());

        NeedsAttentionItem item = await().atMost(Duration.ofSeconds(30)).until(() -> {
            listener.pollOnce();
            collector.collectOnce();
            return deadLetterFor(patientNumber).stream().filter(i -> i.state() == NeedsAttentionItem.State.DEAD)
                    .findFirst().orElse(null);
        }, i -> i != null);

        assertThat(item.reason()).isEqualTo("Merge not implemented. Patient " + patientNumber
                + " was at hospital HAZLWD but record merged into " + survivor);
        assertThat(item.eventType()).isEqualTo("prison-offender-events.prisoner.merged");
        assertThat(item.attempts()).isEqualTo(MAX_RECEIVES);
        assertThat(item.firstSeen()).isNotNull();
        assertThat(find(patientNumber)).as("nothing changed automatically").isNotNull();
        assertThat(needsAttention.list(StoreFixture.supervisor(), false)).extracting(NeedsAttentionItem::id)
                .contains(item.id());

        assertThatThrownBy(() -> needsAttention.resolve(StoreFixture.staff(), item.id(), "done"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> needsAttention.resolve(StoreFixture.supervisor(), item.id(), "  "))
                .isInstanceOf(ValidationException.class);
        NeedsAttentionItem resolved = needsAttention.resolve(StoreFixture.supervisor(), item.id(),
                "Merged by hand: patient record moved to " + survivor);
        assertThat(resolved.state()).isEqualTo(NeedsAttentionItem.State.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("supervisor");
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.resolutionNote()).isEqualTo("Merged by hand: patient record moved to " + survivor);
        assertThat(needsAttention.list(StoreFixture.supervisor(), false)).extracting(NeedsAttentionItem::id)
                .doesNotContain(item.id());
        assertThat(needsAttention.list(StoreFixture.supervisor(), true)).extracting(NeedsAttentionItem::id)
                .contains(item.id());
        assertThatThrownBy(() -> needsAttention.resolve(StoreFixture.supervisor(), item.id(), "again"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already resolved by supervisor");
    }

    @Test
    void aMergeOfTheSurvivingPatientNamesBothNumbersToo() {
        String patientNumber = patient("RAMPTN");
        String removedNumber = StoreFixture.uniquePrisonNumber();

        send(domainEvent("prison-offender-events.prisoner.merged", Instant.now(),
                Map.of("nomsNumber", patientNumber, "removedNomsNumber", removedNumber)), Map.of());

        NeedsAttentionItem item = await().atMost(Duration.ofSeconds(30)).until(() -> {
            listener.pollOnce();
            collector.collectOnce();
            return deadLetterFor(patientNumber).stream().filter(i -> i.state() == NeedsAttentionItem.State.DEAD)
                    .findFirst().orElse(null);
        }, i -> i != null);
        assertThat(item.reason()).isEqualTo("Merge not implemented. Patient " + patientNumber
                + " is at hospital RAMPTN.  Record merged from " + removedNumber);
    }

    @Test
    void aMergeOfTwoNonPatientsIsApplied() {
        String key = UUID.randomUUID().toString();
        send(domainEvent("prison-offender-events.prisoner.merged", Instant.now(), Map.of(
                "nomsNumber", StoreFixture.uniquePrisonNumber(), "removedNomsNumber", StoreFixture.uniquePrisonNumber())),
                Map.of("eventId", key));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            listener.pollOnce();
            return ledger.alreadyConsumed("event:" + key);
        });
    }

    // ---- central restricted-patient events

    // patient events from other desks and the central service: CentralPatientEventsTest

    // ---- duplicates and order

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String number = patient("HAZLWD");
        String eventId = UUID.randomUUID().toString();
        String received = domainEvent("prison-offender-events.prisoner.received", Instant.now(),
                Map.of("nomsNumber", number));

        send(received, Map.of("eventId", eventId));
        awaitNotAPatient(number);
        // discharged again afterwards; the old event arriving a second time must not remove them again
        clock.advance(Duration.ofSeconds(1));
        patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", "HAZLWD",
                LocalDateTime.now().withNano(0), null));
        send(received, Map.of("eventId", eventId));

        awaitQueueEmpty();
        assertThat(find(number)).as("the duplicate was not applied").isNotNull();
        assertThat(historyTypes(number).stream().filter("patient.removed-on-reception"::equals)).hasSize(1);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneIsNotApplied() {
        String number = StoreFixture.uniquePrisonNumber();
        Instant released = Instant.now().minus(Duration.ofHours(2));
        Instant receivedBack = Instant.now().minus(Duration.ofHours(1));

        send(domainEvent("prison-offender-events.prisoner.received", receivedBack, Map.of("nomsNumber", number)),
                Map.of());
        awaitQueueEmpty();
        send(domainEvent("prisoner-offender-search.prisoner.released", released,
                Map.of("nomsNumber", number, "reason", "RELEASED_TO_HOSPITAL", "prisonId", "MDI",
                        "hospitalLocationCode", "HAZLWD")), Map.of());
        awaitQueueEmpty();

        assertThat(find(number)).as("the stale release did not make them a patient").isNull();
    }

    // ---- poison

    @Test
    void poisonNeverStopsTheListenerAndGoesToNeedsAttentionWithTheReason() {
        String number = StoreFixture.uniquePrisonNumber();
        send("{not json at all " + number, Map.of());
        send(domainEvent("prison-offender-events.prisoner.received", Instant.now(), Map.of("nomsNumber", 42)),
                Map.of("marker", number));
        send("{\"eventType\":\"prisoner-offender-search.prisoner.released\",\"additionalInformation\":{\"nomsNumber\":\""
                + number + "\"}}", Map.of());
        send("{\"eventType\":\"prison-offender-events.prisoner.received\",\"occurredAt\":\"last tuesday\","
                + "\"additionalInformation\":{\"nomsNumber\":\"" + number + "\"}}", Map.of());
        send("{\"eventType\":\"some-team.something.unknown\",\"who\":\"" + number + "\"}", Map.of());
        String good = patient("HAZLWD");
        send(domainEvent("prison-offender-events.prisoner.received", Instant.now(), Map.of("nomsNumber", good)),
                Map.of());

        awaitNotAPatient(good);
        awaitQueueEmpty();

        List<String> reasons = needsAttention.list(StoreFixture.supervisor(), false).stream()
                .filter(i -> i.body().contains(number) || i.body().contains("\"nomsNumber\":42"))
                .map(NeedsAttentionItem::reason).toList();
        assertThat(reasons).anyMatch(r -> r.startsWith("Message body is not JSON"));
        assertThat(reasons).contains("Field additionalInformation.nomsNumber must be a string, was NUMBER");
        assertThat(reasons).contains("Missing field additionalInformation.reason");
        assertThat(reasons).contains("Field occurredAt is not an ISO date-time: last tuesday");
        assertThat(needsAttention.list(StoreFixture.supervisor(), false))
                .noneMatch(i -> "some-team.something.unknown".equals(i.eventType()));
    }

    // ---- helpers

    private String patient(String hospital) {
        String number = StoreFixture.uniquePrisonNumber();
        patients.onReleasedToHospital(StoreFixture.system(), new ReleasedToHospital(number, "MDI", hospital,
                LocalDateTime.now().minusDays(3).withNano(0), "discharged for treatment"));
        return number;
    }

    private RestrictedPatient find(String number) {
        return patients.find(StoreFixture.system(), number).orElse(null);
    }

    private void awaitNotAPatient(String number) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            listener.pollOnce();
            return find(number) == null;
        });
    }

    private void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            listener.pollOnce();
            return messagesOn(queues().queueUrl()) == 0;
        });
    }

    private int messagesOn(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
    }

    private List<NeedsAttentionItem> deadLetterFor(String number) {
        return needsAttention.list(StoreFixture.supervisor(), true).stream().filter(i -> i.body().contains(number))
                .toList();
    }

    private List<String> historyTypes(String number) {
        return history.forPerson(StoreFixture.supervisor(), number).stream().map(HistoryRow::eventType).toList();
    }

    private List<OutboxEntry> topicEntries(String number) {
        return outbox.forAggregate(AggregateType.PATIENT, number).stream()
                .filter(e -> e.getChannel() == OutboxChannel.TOPIC).toList();
    }

    private JsonNode lastTopicMessage(String number) {
        List<OutboxEntry> entries = topicEntries(number);
        assertThat(entries).isNotEmpty();
        return Json.read(entries.get(entries.size() - 1).getPayload()).get("message");
    }

    private void send(String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((k, v) -> values.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        sqs.sendMessage(r -> r.queueUrl(queues().queueUrl()).messageBody(body).messageAttributes(values));
    }

    static String domainEvent(String eventType, Instant occurredAt, Map<String, Object> additionalInformation) {
        var event = Json.object();
        event.put("eventType", eventType);
        event.put("version", 1);
        event.put("occurredAt", occurredAt.atOffset(ZoneOffset.UTC).toString());
        event.put("publishedAt", occurredAt.atOffset(ZoneOffset.UTC).toString());
        event.put("description", "test event");
        event.set("additionalInformation", Json.mapper().valueToTree(additionalInformation));
        return Json.write(event);
    }

    static String envelope(String message, String eventType) {
        var envelope = Json.object();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", "arn:aws:sns:eu-west-2:000000000000:offender-events");
        envelope.put("Message", message);
        envelope.put("Timestamp", Instant.now().toString());
        envelope.putObject("MessageAttributes").putObject("eventType").put("Type", "String").put("Value", eventType);
        return Json.write(envelope);
    }
}
