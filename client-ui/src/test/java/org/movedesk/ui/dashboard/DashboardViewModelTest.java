package org.movedesk.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.testing.ViewModelTest;

class DashboardViewModelTest extends ViewModelTest {

    @Autowired MoveQueries queries;
    @Autowired MoveService moves;
    @Autowired OutboxService outbox;

    private DashboardViewModel dashboard;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        signIn(operator("dash-staff", Role.PRISON_STAFF));
        // the clock the view model reads "today" from: the test clock, in UTC
        dashboard = new DashboardViewModel(queries, outbox, tasks, events, () -> Set.of(StoreFixture.RAMPTON_HOSPITAL),
                clock.withZone(ZoneOffset.UTC), session);
        today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Test
    void todaysMovesInAndOutOfMyLocationsWithCountsAndAttention() {
        Move out = fixture.bookRequested(fixture.knownPerson("Outgoing"), StoreFixture.RAMPTON_HOSPITAL, StoreFixture.LEEDS, today);
        Move in = fixture.bookRequested(fixture.knownPerson("Incoming"), StoreFixture.LEEDS, StoreFixture.RAMPTON_HOSPITAL, today);
        moves.accept(StoreFixture.staff(), in.getId(), null, null);
        OutboxEntry create = outbox.forAggregate(AggregateType.MOVE, out.getId().toString()).get(0);
        outbox.markInFlight(create.getId());
        outbox.markFailed(create.getId(), new SyncError(422, "invalid", "Unprocessable", "to_location is closed", null));

        dashboard.refresh();

        assertThat(dashboard.outgoing()).extracting(MoveRow::id).contains(out.getId()).doesNotContain(in.getId());
        assertThat(dashboard.incoming()).extracting(MoveRow::id).contains(in.getId()).doesNotContain(out.getId());
        assertThat(dashboard.counts().get(MoveStatus.REQUESTED)).isGreaterThanOrEqualTo(1L);
        assertThat(dashboard.counts().get(MoveStatus.BOOKED)).isGreaterThanOrEqualTo(1L);
        assertThat(dashboard.attention()).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo("Failed");
            assertThat(item.detail()).isEqualTo("to_location is closed");
        });
        assertThat(dashboard.headingProperty().get()).startsWith("Today");
    }

    @Test
    void refreshesWhenCoreSaysAMoveChanged() {
        dashboard.refresh();
        int before = dashboard.outgoing().size();

        fixture.bookRequested(fixture.knownPerson("Later"), StoreFixture.RAMPTON_HOSPITAL, StoreFixture.LEEDS_COURT, today);

        assertThat(dashboard.outgoing()).hasSize(before + 1);
    }

    @Test
    void deskWithoutOwnLocationsSaysSo() {
        DashboardViewModel unset = new DashboardViewModel(queries, outbox, tasks, events, Set::of, clock.withZone(ZoneOffset.UTC), session);
        unset.refresh();
        assertThat(unset.noteProperty().get()).contains("no own locations");
    }
}
