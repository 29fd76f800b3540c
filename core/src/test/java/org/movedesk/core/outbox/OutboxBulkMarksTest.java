package org.movedesk.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The round-at-once outbox marks follow the single-entry rules and skip what changed meanwhile. */
class OutboxBulkMarksTest extends CoreIntegrationTest {

    @Autowired
    OutboxBulkMarks bulk;
    @Autowired
    OutboxService outbox;
    @Autowired
    MoveService moves;

    private List<OutboxEntry> topic(Move m) {
        return outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.TOPIC).toList();
    }

    @Test
    void aRoundGoesInFlightAndIsConfirmedWithItsMessageIdsAndTheErrorCleared() {
        Move first = fixture.bookRequested();
        Move second = fixture.bookRequested();
        OutboxEntry a = topic(first).get(0);
        OutboxEntry b = topic(second).get(0);
        // b failed once before: its error and retry time must go on confirmation
        outbox.markInFlight(b.getId());
        outbox.scheduleRetry(b.getId(), Instant.now().minusSeconds(1), new SyncError(null, "TOPIC_UNREACHABLE",
                "Topic not reachable", "connection refused", null));

        assertThat(bulk.markInFlight(List.of(a.getId(), b.getId()))).containsExactly(a.getId(), b.getId());
        assertThat(outbox.get(a.getId()).getState()).isEqualTo(OutboxState.IN_FLIGHT);
        assertThat(outbox.get(a.getId()).getAttempts()).isEqualTo(1);
        assertThat(outbox.get(b.getId()).getAttempts()).isEqualTo(2);

        Map<Long, String> ids = new HashMap<>();
        ids.put(a.getId(), "sns-a");
        ids.put(b.getId(), "sns-b");
        assertThat(bulk.markConfirmed(ids)).isEqualTo(2);
        OutboxEntry confirmedB = outbox.get(b.getId());
        assertThat(confirmedB.getState()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(confirmedB.getCentralId()).isEqualTo("sns-b");
        assertThat(confirmedB.getErrorCode()).isNull();
        assertThat(confirmedB.getNextAttemptAt()).isNull();
        // confirming again changes nothing and is no error
        assertThat(bulk.markConfirmed(ids)).isZero();
        assertThat(outbox.get(a.getId()).getCentralId()).isEqualTo("sns-a");
    }

    @Test
    void entriesThatChangedMeanwhileAreSkippedNotFailed() {
        Move first = fixture.bookRequested();
        Move second = fixture.bookRequested();
        OutboxEntry a = topic(first).get(0);
        OutboxEntry b = topic(second).get(0);
        outbox.discard(StoreFixture.supervisor(), b.getId(), "not wanted");

        assertThat(bulk.markInFlight(List.of(a.getId(), b.getId()))).containsExactly(a.getId());
        assertThat(outbox.get(b.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(outbox.get(b.getId()).getAttempts()).isZero();
        assertThat(bulk.markInFlight(List.of(a.getId()))).as("already in flight").isEmpty();

        Map<Long, String> ids = new HashMap<>();
        ids.put(a.getId(), null);
        ids.put(b.getId(), "sns-b");
        assertThat(bulk.markConfirmed(ids)).isEqualTo(1);
        assertThat(outbox.get(b.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(outbox.get(a.getId()).getState()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(bulk.markInFlight(List.of())).isEmpty();
        assertThat(bulk.markConfirmed(Map.of())).isZero();
    }

    @Test
    void aCreateConfirmedInARoundStillLinksItsCentralId() {
        Move m = fixture.bookRequested();
        OutboxEntry create = outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getAction() == OutboxAction.CREATE_MOVE).findFirst().orElseThrow();
        assertThat(bulk.markInFlight(List.of(create.getId()))).containsExactly(create.getId());
        String central = "central-" + UUID.randomUUID();
        assertThat(bulk.markConfirmed(Map.of(create.getId(), central))).isEqualTo(1);
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getCentralId()).isEqualTo(central);
    }
}
