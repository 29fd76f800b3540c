package org.movedesk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.IllegalTransitionException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.people.NewPerson;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** SYNC.md ordering: head of each aggregate only, dependencies on central ids, failures hold back their own aggregate. */
class OutboxOrderingTest extends CoreIntegrationTest {

    @Autowired
    OutboxService outbox;
    @Autowired
    MoveService moves;
    @Autowired
    PersonService people;
    @Autowired
    MoveSyncService sync;
    @Autowired
    HistoryRepository history;

    private List<OutboxEntry> ready(OutboxChannel channel, String... aggregateIds) {
        Set<String> ids = Set.of(aggregateIds);
        return outbox.nextReady(channel, 100_000, Instant.now().plusSeconds(1)).stream()
                .filter(e -> ids.contains(e.getAggregateId())).toList();
    }

    private List<OutboxEntry> central(Move m) {
        return outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).toList();
    }

    private Move bookedOffline() {
        Move m = fixture.bookRequested();
        return moves.accept(StoreFixture.staff(), m.getId(), null, null);
    }

    @Test
    void onlyTheHeadOfEachAggregateIsReadyAndEventsWaitForTheCentralId() {
        Move m = bookedOffline();
        String id = m.getId().toString();
        List<OutboxEntry> es = central(m);
        assertThat(ready(OutboxChannel.CENTRAL, id)).extracting(OutboxEntry::getAction).containsExactly(OutboxAction.CREATE_MOVE);

        outbox.markInFlight(es.get(0).getId());
        assertThat(ready(OutboxChannel.CENTRAL, id)).isEmpty();
        outbox.markConfirmed(es.get(0).getId(), "central-" + UUID.randomUUID());
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getCentralId()).startsWith("central-");
        assertThat(ready(OutboxChannel.CENTRAL, id)).extracting(OutboxEntry::getAction).containsExactly(OutboxAction.ACCEPT);
        // the topic channel has its own order and no central-id dependency
        assertThat(ready(OutboxChannel.TOPIC, id)).hasSize(1);
    }

    @Test
    void eventsOfAMoveWithoutCentralIdWaitEvenWhenHeadIsDiscarded() {
        Move m = bookedOffline();
        List<OutboxEntry> es = central(m);
        outbox.markFailed(es.get(0).getId(), new SyncError(422, "invalid", "Invalid", "bad date", "/data/attributes/date"));
        assertThat(ready(OutboxChannel.CENTRAL, m.getId().toString())).isEmpty();
        outbox.discard(StoreFixture.staff(), es.get(0).getId(), "booked by phone instead");
        // ACCEPT is now the head but the move was never created centrally
        assertThat(ready(OutboxChannel.CENTRAL, m.getId().toString())).isEmpty();
    }

    @Test
    void aFailedEntryHoldsBackOnlyItsOwnAggregate() {
        Move a = bookedOffline();
        Move b = bookedOffline();
        outbox.markFailed(central(a).get(0).getId(), SyncError.of("400 from the centre"));
        assertThat(ready(OutboxChannel.CENTRAL, a.getId().toString(), b.getId().toString()))
                .extracting(OutboxEntry::getAggregateId).containsExactly(b.getId().toString());
        outbox.markConflict(central(b).get(0).getId(), "{}", "{}");
        assertThat(ready(OutboxChannel.CENTRAL, a.getId().toString(), b.getId().toString())).isEmpty();
    }

    @Test
    void retryWaitsUntilDueAndKeepsTheKey() {
        Move m = fixture.bookRequested();
        OutboxEntry create = central(m).get(0);
        UUID key = create.getIdempotencyKey();
        outbox.markInFlight(create.getId());
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        outbox.scheduleRetry(create.getId(), later, new SyncError(503, null, "Service Unavailable", null, null));
        assertThat(ready(OutboxChannel.CENTRAL, m.getId().toString())).isEmpty();
        List<OutboxEntry> due = outbox.nextReady(OutboxChannel.CENTRAL, 100_000, later.plusSeconds(1)).stream()
                .filter(e -> e.getAggregateId().equals(m.getId().toString())).toList();
        assertThat(due).singleElement().satisfies(e -> {
            assertThat(e.getIdempotencyKey()).isEqualTo(key);
            assertThat(e.getAttempts()).isEqualTo(1);
            assertThat(e.getErrorStatus()).isEqualTo(503);
        });
    }

    @Test
    void resetInFlightKeepsTheKey() {
        Move m = fixture.bookRequested();
        OutboxEntry create = central(m).get(0);
        outbox.markInFlight(create.getId());
        assertThat(outbox.resetInFlight()).isGreaterThanOrEqualTo(1);
        OutboxEntry again = outbox.get(create.getId());
        assertThat(again.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(again.getIdempotencyKey()).isEqualTo(create.getIdempotencyKey());
    }

    @Test
    void aMoveForAPersonRecordedOfflineWaitsForCreatePersonAndCreateProfile() {
        Person p = people.recordNew(StoreFixture.staff(), new NewPerson(StoreFixture.uniquePrisonNumber(), null, "Sam",
                "Offline", LocalDate.of(1991, 3, 4), null));
        Move m = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND,
                StoreFixture.LEEDS, StoreFixture.uniqueDate(), null, null, false));
        String personId = p.getId().toString();
        String moveId = m.getId().toString();
        List<OutboxEntry> personEntries = outbox.forAggregate(AggregateType.PERSON, personId);
        assertThat(personEntries).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CREATE_PERSON, OutboxAction.CREATE_PROFILE);

        assertThat(ready(OutboxChannel.CENTRAL, personId, moveId)).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CREATE_PERSON);
        outbox.markConfirmed(personEntries.get(0).getId(), "person-" + UUID.randomUUID());
        assertThat(ready(OutboxChannel.CENTRAL, personId, moveId)).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CREATE_PROFILE);
        outbox.markConfirmed(personEntries.get(1).getId(), "profile-" + UUID.randomUUID());
        assertThat(ready(OutboxChannel.CENTRAL, personId, moveId)).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CREATE_MOVE);
    }

    @Test
    void discardNeedsAReasonAndIsRecorded() {
        Move m = fixture.bookRequested();
        OutboxEntry create = central(m).get(0);
        assertThatThrownBy(() -> outbox.discard(StoreFixture.staff(), create.getId(), " "))
                .hasMessageContaining("Say why");
        assertThatThrownBy(() -> outbox.discard(StoreFixture.rpOfficer().withoutRoles(), create.getId(), "x"))
                .isInstanceOf(PermissionDeniedException.class);
        outbox.discard(StoreFixture.staff(), create.getId(), "duplicate of a phone booking");
        assertThat(outbox.get(create.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, m.getId().toString()))
                .extracting(HistoryEntry::getEventType, HistoryEntry::getOperator).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple("outbox.discarded", "staff"));
        assertThatThrownBy(() -> outbox.markConfirmed(create.getId(), "x")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void resendWithEditedPayloadRotatesTheKey() {
        Move m = fixture.bookRequested();
        OutboxEntry create = central(m).get(0);
        outbox.markFailed(create.getId(), SyncError.of("bad"));
        OutboxEntry resent = outbox.resend(StoreFixture.staff(), create.getId(), create.getPayload().replace("\"notes\":null", "\"notes\":\"fixed\""));
        assertThat(resent.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(resent.getIdempotencyKey()).isNotEqualTo(create.getIdempotencyKey());
        assertThat(Json.read(resent.getPayload()).get("notes").asText()).isEqualTo("fixed");
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, m.getId().toString()))
                .extracting(HistoryEntry::getEventType).contains("outbox.resent");
    }

    @Test
    void rotateKeyIsRecorded() {
        Move m = fixture.bookRequested();
        OutboxEntry create = central(m).get(0);
        OutboxEntry rotated = outbox.rotateKey(create.getId(), "409: earlier attempt had no effect");
        assertThat(rotated.getIdempotencyKey()).isNotEqualTo(create.getIdempotencyKey());
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, m.getId().toString()))
                .filteredOn(h -> h.getEventType().equals("outbox.key-rotated")).singleElement()
                .satisfies(h -> assertThat(h.getBefore()).contains(create.getIdempotencyKey().toString()));
    }

    @Test
    void keepMineResendsWithTheSameKeyAndTakeTheirsDiscardsDependants() {
        Move m = bookedOffline();
        List<OutboxEntry> es = central(m);
        outbox.markConfirmed(es.get(0).getId(), "c-" + UUID.randomUUID());
        Move started = moves.start(StoreFixture.staff(), m.getId(), null, null);
        List<OutboxEntry> all = central(started);
        OutboxEntry accept = all.get(1);
        OutboxEntry start = all.get(2);

        outbox.markConflict(accept.getId(), "{\"status\":\"booked\"}", "{\"status\":\"cancelled\"}");
        OutboxEntry kept = outbox.keepMine(StoreFixture.staff(), accept.getId());
        assertThat(kept.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(kept.getIdempotencyKey()).isEqualTo(accept.getIdempotencyKey());

        outbox.markConflict(accept.getId(), "{\"status\":\"booked\"}", "{\"status\":\"cancelled\"}");
        List<OutboxEntry> discarded = outbox.takeTheirs(StoreFixture.staff(), accept.getId());
        assertThat(discarded).extracting(OutboxEntry::getId).containsExactly(accept.getId(), start.getId());
        assertThat(outbox.get(start.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getStatus()).isEqualTo(MoveStatus.CANCELLED);
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, m.getId().toString()))
                .extracting(HistoryEntry::getEventType)
                .containsSubsequence("outbox.kept-mine", "outbox.discarded", "outbox.discarded");
    }

    @Test
    void patientEntriesGoInOrderWithoutCentralIds(@Autowired org.movedesk.core.restrictedpatients.RestrictedPatientService rp) {
        Person p = fixture.knownPerson("Queued");
        String n = p.getPrisonNumber();
        rp.dischargeToHospital(StoreFixture.rpOfficer(), new org.movedesk.core.restrictedpatients.DischargeToHospital(n, "MDI",
                "HAZLWD", null, null, null));
        rp.changeSupportingPrison(StoreFixture.rpOfficer(), n, "LEI");
        assertThat(ready(OutboxChannel.CENTRAL, n)).extracting(OutboxEntry::getAction).containsExactly(OutboxAction.DISCHARGE);
        assertThat(ready(OutboxChannel.TOPIC, n)).hasSize(1);
        OutboxEntry discharge = ready(OutboxChannel.CENTRAL, n).get(0);
        outbox.markInFlight(discharge.getId());
        outbox.markConfirmed(discharge.getId(), null);
        assertThat(ready(OutboxChannel.CENTRAL, n)).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CHANGE_SUPPORTING_PRISON);
    }

    @Test
    void countsAndList() {
        Move m = fixture.bookRequested();
        OutboxCounts before = outbox.counts();
        outbox.markFailed(central(m).get(0).getId(), SyncError.of("x"));
        OutboxCounts after = outbox.counts();
        assertThat(after.failed()).isEqualTo(before.failed() + 1);
        assertThat(outbox.list(OutboxState.FAILED, 10_000)).extracting(OutboxView::aggregateId)
                .contains(m.getId().toString());
        assertThat(outbox.list(OutboxState.FAILED, 10_000).stream().map(OutboxView::label).collect(Collectors.toSet()))
                .anyMatch(l -> l.startsWith("Move "));
    }
}
