package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.movedesk.core.common.IllegalTransitionException;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** Every action from every status: the central state machine, allowed and refused. */
class MoveTransitionTest extends CoreIntegrationTest {

    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryRepository history;

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (MoveStatus s : MoveStatus.values()) {
            for (MoveAction a : MoveAction.values()) {
                rows.add(Arguments.of(s, a, MoveStateMachine.allows(s, a)));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} from {0}: allowed={2}")
    @MethodSource("table")
    void actionFromStatus(MoveStatus status, MoveAction action, boolean allowed) {
        Move move = moveIn(status);
        int historyBefore = history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()).size();
        int outboxBefore = outbox.forAggregate(AggregateType.MOVE, move.getId().toString()).size();

        if (allowed) {
            Move after = apply(move, action);
            assertThat(after.getStatus()).isEqualTo(MoveStateMachine.target(action, status));
            assertThat(outbox.forAggregate(AggregateType.MOVE, move.getId().toString()))
                    .extracting(OutboxEntry::getAction).contains(action.outboxAction());
            assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()))
                    .last().extracting(HistoryEntry::getEventType).isEqualTo(action.historyType());
        } else {
            assertThatThrownBy(() -> apply(move, action))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageStartingWith("Move " + move.label() + " is");
            assertThat(moves.get(StoreFixture.staff(), move.getId()).getStatus()).isEqualTo(status);
            assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()))
                    .hasSize(historyBefore);
            assertThat(outbox.forAggregate(AggregateType.MOVE, move.getId().toString())).hasSize(outboxBefore);
        }
    }

    @org.junit.jupiter.api.Test
    void messagesSayWhatMustHappenFirst() {
        assertThat(MoveStateMachine.refusal("JHY4716X", MoveStatus.BOOKED, MoveAction.COMPLETE))
                .isEqualTo("Move JHY4716X is booked; it cannot be completed until it has been started.");
        assertThat(MoveStateMachine.refusal("JHY4716X", MoveStatus.REQUESTED, MoveAction.START))
                .isEqualTo("Move JHY4716X is requested; it cannot be started until it has been accepted.");
        assertThat(MoveStateMachine.refusal("JHY4716X", MoveStatus.CANCELLED, MoveAction.CANCEL))
                .isEqualTo("Move JHY4716X is already cancelled.");
        assertThat(MoveStateMachine.refusal("JHY4716X", MoveStatus.PROPOSED, MoveAction.ACCEPT))
                .isEqualTo("Move JHY4716X is proposed; it cannot be accepted until it has been approved.");
    }

    private Move apply(Move m, MoveAction action) {
        var staff = StoreFixture.staff();
        return switch (action) {
            case APPROVE -> moves.approve(staff, m.getId(), m.getVersion(), StoreFixture.uniqueDate(), null);
            case REJECT -> moves.reject(staff, m.getId(), m.getVersion(), RejectionReason.NO_TRANSPORT_AVAILABLE, false, null);
            case ACCEPT -> moves.accept(staff, m.getId(), m.getVersion(), null);
            case START -> moves.start(staff, m.getId(), m.getVersion(), null);
            case COMPLETE -> moves.complete(staff, m.getId(), m.getVersion(), null);
            case CANCEL -> moves.cancel(staff, m.getId(), m.getVersion(), CancellationReason.MADE_IN_ERROR, null);
            case LOCKOUT -> moves.lockout(staff, m.getId(), m.getVersion(), "arrived after lock-up");
            case REDIRECT -> moves.redirect(staff, m.getId(), m.getVersion(),
                    m.getTo() != null && m.getTo().getId().equals(StoreFixture.BRIXTON) ? StoreFixture.LEEDS : StoreFixture.BRIXTON, null);
        };
    }

    private Move moveIn(MoveStatus status) {
        var staff = StoreFixture.staff();
        var person = fixture.knownPerson("Transition");
        if (status == MoveStatus.PROPOSED) {
            return moves.book(staff, new BookMove(person.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND,
                    StoreFixture.LEEDS, null, null, null, true));
        }
        Move m = fixture.bookRequested(person, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate());
        switch (status) {
            case CANCELLED -> m = moves.cancel(staff, m.getId(), null, CancellationReason.OTHER, "test");
            case BOOKED -> m = moves.accept(staff, m.getId(), null, null);
            case IN_TRANSIT -> m = moves.start(staff, moves.accept(staff, m.getId(), null, null).getId(), null, null);
            case COMPLETED -> m = moves.complete(staff,
                    moves.start(staff, moves.accept(staff, m.getId(), null, null).getId(), null, null).getId(), null, null);
            default -> { }
        }
        return m;
    }
}
