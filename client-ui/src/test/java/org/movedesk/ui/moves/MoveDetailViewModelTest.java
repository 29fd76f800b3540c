package org.movedesk.ui.moves;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveAction;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class MoveDetailViewModelTest extends ViewModelTest {

    @Autowired MoveService moves;
    @Autowired HistoryQueries history;
    @Autowired OutboxService outbox;

    private MoveDetailViewModel detail;
    private Move move;

    @BeforeEach
    void setUp() {
        signIn(operator("detail-staff", Role.PRISON_STAFF));
        detail = new MoveDetailViewModel(moves, new HistoryMoveTimeline(history), session, tasks, events);
        move = fixture.bookRequested();
    }

    @Test
    void showsPersonRouteStatusAndTheActionsStaffMayTakeNow() {
        detail.load(move.getId());

        assertThat(detail.personProperty().get()).contains("FIXTURE");
        assertThat(detail.routeProperty().get()).isEqualTo("HMP Moorland  \u2192  HMP Leeds");
        assertThat(detail.statusProperty().get()).isEqualTo("Requested");
        assertThat(detail.allowedActions()).contains(MoveAction.ACCEPT, MoveAction.CANCEL, MoveAction.REJECT)
                .doesNotContain(MoveAction.START, MoveAction.COMPLETE);
        assertThat(detail.timeline()).first().satisfies(item -> assertThat(item.what()).isEqualTo("Booked"));
    }

    @Test
    void acceptStartCompleteWorkOfflineAndEachGoesToTheOutbox() {
        detail.load(move.getId());

        detail.perform(MoveAction.ACCEPT, MoveDetailViewModel.ActionInput.notes("van 12"));
        assertThat(detail.statusProperty().get()).isEqualTo("Booked");
        assertThat(detail.allowedActions()).contains(MoveAction.START);
        detail.perform(MoveAction.START, MoveDetailViewModel.ActionInput.notes(null));
        assertThat(detail.statusProperty().get()).isEqualTo("In transit");
        detail.perform(MoveAction.COMPLETE, MoveDetailViewModel.ActionInput.notes(null));

        assertThat(detail.statusProperty().get()).isEqualTo("Completed");
        assertThat(detail.doneProperty().get()).contains("completed").contains("sent when online");
        assertThat(detail.allowedActions()).doesNotContain(MoveAction.ACCEPT, MoveAction.START, MoveAction.COMPLETE);
        assertThat(outbox.forAggregate(AggregateType.MOVE, move.getId().toString()))
                .filteredOn(entry -> entry.getChannel() == OutboxChannel.CENTRAL)
                .extracting(entry -> entry.getAction())
                .containsExactly(OutboxAction.CREATE_MOVE, OutboxAction.ACCEPT, OutboxAction.START, OutboxAction.COMPLETE);
        assertThat(detail.timeline()).extracting(MoveDetailViewModel.TimelineItem::what)
                .startsWith("Completed", "Started", "Accepted");
    }

    @Test
    void cancelCarriesTheReasonAndComment() {
        detail.load(move.getId());

        detail.perform(MoveAction.CANCEL, new MoveDetailViewModel.ActionInput("court adjourned",
                CancellationReason.CASE_NOT_COURT_READY, null, false, null, null));

        assertThat(moves.get(session.require(), move.getId()).getStatus()).isEqualTo(MoveStatus.CANCELLED);
        assertThat(detail.statusProperty().get()).contains("Cancelled").contains("Case not court ready")
                .contains("court adjourned");
        assertThat(detail.allowedActions()).isEmpty();
    }

    @Test
    void cancelWithoutAReasonShowsCoresMessageAndChangesNothing() {
        detail.load(move.getId());

        detail.perform(MoveAction.CANCEL, MoveDetailViewModel.ActionInput.notes("no reason"));

        assertThat(detail.errorProperty().get()).isNotBlank();
        assertThat(moves.get(session.require(), move.getId()).getStatus()).isEqualTo(MoveStatus.REQUESTED);
    }

    @Test
    void supplierIsOfferedOnlyTheSuppliersActions() {
        signIn(operator("detail-supplier", Role.SUPPLIER));
        detail.load(move.getId());

        assertThat(detail.allowedActions()).containsExactly(MoveAction.ACCEPT);
    }

    @Test
    void aChangeMadeMeanwhileIsReportedNotOverwritten() {
        detail.load(move.getId());
        Actor other = StoreFixture.staff();
        moves.accept(other, move.getId(), null, "someone else was quicker");

        // the view was refreshed by the MoveChanged event; act on a stale copy to prove the check
        MoveDetailViewModel stale = new MoveDetailViewModel(moves, new HistoryMoveTimeline(history), session, tasks,
                new org.movedesk.ui.common.UiEventBus());
        stale.load(move.getId());
        moves.start(other, move.getId(), null, null);
        stale.perform(MoveAction.CANCEL, new MoveDetailViewModel.ActionInput(null, CancellationReason.OTHER, null,
                false, null, null));

        assertThat(stale.errorProperty().get()).isNotBlank();
        assertThat(moves.get(session.require(), move.getId()).getStatus()).isEqualTo(MoveStatus.IN_TRANSIT);
    }

    @Test
    void coreEventsRefreshTheOpenMove() {
        detail.load(move.getId());

        moves.accept(StoreFixture.staff(), move.getId(), null, null);

        assertThat(detail.statusProperty().get()).isEqualTo("Booked");
    }
}
