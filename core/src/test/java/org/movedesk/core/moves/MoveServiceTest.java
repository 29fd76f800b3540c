package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.common.IllegalTransitionException;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

class MoveServiceTest extends CoreIntegrationTest {

    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryRepository history;

    @Test
    void bookingWritesMoveHistoryCentralAndTopicEntries() {
        Move move = fixture.bookRequested();

        assertThat(move.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        List<OutboxEntry> entries = outbox.forAggregate(AggregateType.MOVE, move.getId().toString());
        assertThat(entries).extracting(OutboxEntry::getChannel, OutboxEntry::getAction, OutboxEntry::getSeq, OutboxEntry::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutboxChannel.CENTRAL, OutboxAction.CREATE_MOVE, 1L, OutboxState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(OutboxChannel.TOPIC, OutboxAction.PUBLISH_EVENT, 1L, OutboxState.PENDING));
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()))
                .extracting(HistoryEntry::getEventType).containsExactly("move.booked");
    }

    @Test
    void fullLifecycle() {
        Move move = fixture.bookRequested();
        move = moves.accept(StoreFixture.supplier(), move.getId(), move.getVersion(), null);
        assertThat(move.getStatus()).isEqualTo(MoveStatus.BOOKED);
        move = moves.start(StoreFixture.supplier(), move.getId(), move.getVersion(), "left gate");
        move = moves.lockout(StoreFixture.supplier(), move.getId(), move.getVersion(), "arrived after lock-up");
        assertThat(move.getStatus()).isEqualTo(MoveStatus.IN_TRANSIT);
        move = moves.complete(StoreFixture.supplier(), move.getId(), move.getVersion(), null);
        assertThat(move.getStatus()).isEqualTo(MoveStatus.COMPLETED);
        assertThat(outbox.forAggregate(AggregateType.MOVE, move.getId().toString()))
                .filteredOn(e -> e.getChannel() == OutboxChannel.CENTRAL)
                .extracting(OutboxEntry::getAction).containsExactly(OutboxAction.CREATE_MOVE, OutboxAction.ACCEPT,
                        OutboxAction.START, OutboxAction.LOCKOUT, OutboxAction.COMPLETE);
    }

    @Test
    void completingABookedMoveIsRefusedWithAClearMessage() {
        Move move = fixture.bookRequested();
        Move booked = moves.accept(StoreFixture.staff(), move.getId(), null, null);
        assertThatThrownBy(() -> moves.complete(StoreFixture.staff(), booked.getId(), null, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Move (not yet synced, local id " + booked.getId()
                        + ") is booked; it cannot be completed until it has been started.");
    }
}
