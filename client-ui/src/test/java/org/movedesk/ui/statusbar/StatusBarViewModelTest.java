package org.movedesk.ui.statusbar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.UiExecutor;
import org.movedesk.ui.testing.ViewModelTest;

class StatusBarViewModelTest extends ViewModelTest {

    @Autowired OutboxService outbox;
    @Autowired MoveService moves;

    @Test
    void pendingCountRisesWithEachOfflineActionWithoutPolling() {
        StatusBarViewModel bar = new StatusBarViewModel(new OutboxSyncStatusSource(outbox), tasks, events,
                UiExecutor.direct(), clock.withZone(ZoneOffset.UTC));
        bar.refresh();
        long before = bar.pendingProperty().get();

        Move move = fixture.bookRequested();
        long afterBooking = bar.pendingProperty().get();
        assertThat(afterBooking).isGreaterThan(before);
        moves.accept(StoreFixture.staff(), move.getId(), null, null);

        assertThat(bar.pendingProperty().get()).isGreaterThan(afterBooking)
                .isEqualTo(outbox.counts().pending());
        assertThat(bar.onlineProperty().get()).isFalse();
        assertThat(bar.onlineTextProperty().get()).contains("Offline");
        assertThat(bar.lastSyncTextProperty().get()).isEqualTo("Last sync: never");
    }

    @Test
    void showsWhatASyncSourceReports() {
        Instant lastSync = clock.instant().minus(Duration.ofMinutes(3));
        SyncStatusSource source = () -> new SyncSnapshot(true, true, 4, 1, 2, lastSync, "Sending 4 changes");
        StatusBarViewModel bar = new StatusBarViewModel(source, tasks, events, UiExecutor.direct(), clock.withZone(ZoneOffset.UTC));

        bar.refresh();

        assertThat(bar.onlineTextProperty().get()).isEqualTo("Online");
        assertThat(bar.pendingProperty().get()).isEqualTo(4);
        assertThat(bar.failedProperty().get()).isEqualTo(1);
        assertThat(bar.conflictsProperty().get()).isEqualTo(2);
        assertThat(bar.lastSyncTextProperty().get()).matches("Last sync: \\d\\d:\\d\\d");
        assertThat(bar.activityProperty().get()).isEqualTo("Sending 4 changes");
    }

    @Test
    void syncActivityIsClearedWhenSyncGoesIdle() {
        String[] activity = {"Pulling moves 1/2"};
        SyncStatusSource source = () -> new SyncSnapshot(true, true, 0, 0, 0, clock.instant(), activity[0]);
        StatusBarViewModel bar = new StatusBarViewModel(source, tasks, events, UiExecutor.direct(), clock.withZone(ZoneOffset.UTC));
        bar.refresh();
        assertThat(bar.activityProperty().get()).isEqualTo("Pulling moves 1/2");

        activity[0] = null;
        bar.refresh();

        assertThat(bar.activityProperty().get()).isEmpty();
    }

    @Test
    void aBrokenSourceSaysSoInsteadOfFailingTheWindow() {
        SyncStatusSource broken = () -> {
            throw new IllegalStateException("store closed");
        };
        StatusBarViewModel bar = new StatusBarViewModel(broken, tasks, events, UiExecutor.direct(), clock.withZone(ZoneOffset.UTC));

        bar.refresh();

        assertThat(bar.onlineTextProperty().get()).contains("store closed");
    }
}
