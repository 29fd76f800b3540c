package org.movedesk.sync.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.movedesk.sync.status.SyncSnapshot.Connectivity;
import org.movedesk.sync.testing.TestClock;

class SyncStatusTest {

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    final SyncStatus status = new SyncStatus(clock);
    final List<SyncSnapshot> seen = new ArrayList<>();

    @Test
    void listenersGetTheCurrentValueAtOnceAndEveryChange() {
        status.addListener(seen::add);
        status.counts(3, 1, 2);
        status.activity("Pulling moves", 3, 12);

        assertThat(seen).hasSize(3);
        SyncSnapshot last = seen.get(2);
        assertThat(last.pending()).isEqualTo(3);
        assertThat(last.failed()).isEqualTo(1);
        assertThat(last.conflicts()).isEqualTo(2);
        assertThat(last.activity().describe()).isEqualTo("Pulling moves 3/12");
        assertThat(last.activity().progress()).isEqualTo(0.25);
    }

    @Test
    void anUnchangedValueDoesNotNotify() {
        status.addListener(seen::add);
        status.counts(1, 0, 0);
        status.counts(1, 0, 0);
        assertThat(seen).hasSize(2);
    }

    @Test
    void onlineFollowsRealAnswersAndARefusedConnectionIsOfflineAtOnce() {
        assertThat(status.current().connectivity()).isEqualTo(Connectivity.UNKNOWN);
        status.onAnswer(503, null, clock.instant());
        assertThat(status.current().connectivity()).isEqualTo(Connectivity.ONLINE);
        status.onNoAnswer(new ConnectException("Connection refused"));
        assertThat(status.current().connectivity()).isEqualTo(Connectivity.OFFLINE);
        status.onAnswer(200, null, clock.instant());
        assertThat(status.current().online()).isTrue();
    }

    @Test
    void oneLostAnswerIsNotYetOfflineButThreeInARowAre() {
        status.onAnswer(200, null, clock.instant());
        IOException lost = new SocketTimeoutException("timeout");
        status.onNoAnswer(lost);
        status.onNoAnswer(lost);
        assertThat(status.current().online()).isTrue();
        status.onNoAnswer(lost);
        assertThat(status.current().connectivity()).isEqualTo(Connectivity.OFFLINE);
    }

    @Test
    void clockSkewBeyondAMinuteIsAWarningEitherWay() {
        status.onAnswer(200, clock.instant().plusSeconds(59), clock.instant());
        assertThat(status.current().clockSkewWarning()).isFalse();
        status.onAnswer(200, clock.instant().minus(Duration.ofMinutes(2)), clock.instant());
        assertThat(status.current().clockSkewWarning()).isTrue();
        assertThat(status.current().clockSkew()).isEqualTo(Duration.ofMinutes(-2));
        status.onAnswer(200, null, clock.instant()); // no Date header: keep what we knew
        assertThat(status.current().clockSkewWarning()).isTrue();
    }

    @Test
    void pauseCarriesItsReasonAndPushAndPullTimesAreKept() {
        status.paused(true, "Paused by the operator");
        assertThat(status.current().pauseReason()).isEqualTo("Paused by the operator");
        status.pushSucceeded();
        clock.advance(Duration.ofMinutes(1));
        status.pullSucceeded();
        status.paused(false, "ignored");
        assertThat(status.current().paused()).isFalse();
        assertThat(status.current().pauseReason()).isNull();
        assertThat(status.current().lastPush()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(status.current().lastPull()).isEqualTo(Instant.parse("2026-11-25T10:01:00Z"));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        status.addListener(s -> {
            if (s.pending() > 0) {
                throw new IllegalStateException("broken view");
            }
        });
        status.addListener(seen::add);
        status.counts(5, 0, 0);
        assertThat(seen).last().extracting(SyncSnapshot::pending).isEqualTo(5L);
    }
}
