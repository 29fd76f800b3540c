package org.movedesk.ui.synccentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.movedesk.core.moves.Move;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.outbox.OutboxView;
import org.movedesk.core.outbox.SyncError;
import org.movedesk.core.people.Person;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.sync.events.DeadLetterStore;
import org.movedesk.sync.events.NeedsAttentionService;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.common.UiExecutor;
import org.movedesk.ui.testing.ViewModelTest;

class SyncCentreViewModelTest extends ViewModelTest {

    @Autowired OutboxService outbox;
    @Autowired RestrictedPatientService patients;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationEventPublisher publisher;

    private final SyncStatus status = new SyncStatus(Clock.systemUTC());
    private final RecordingControls controls = new RecordingControls(status);
    private NeedsAttentionService needsAttention;
    private SyncCentreViewModel centre;

    /** The real status model of sync, with the engine's buttons recorded (there is no engine in this test). */
    static final class RecordingControls implements SyncControls {
        final SyncStatus status;
        int syncNow;
        int pauses;
        int resumes;

        RecordingControls(SyncStatus status) {
            this.status = status;
        }

        @Override
        public Optional<SyncSnapshot> snapshot() {
            return Optional.of(status.current());
        }

        @Override
        public Runnable onChange(Consumer<SyncSnapshot> listener) {
            status.addListener(listener);
            return () -> status.removeListener(listener);
        }

        @Override
        public boolean engineRunning() {
            return true;
        }

        @Override
        public void syncNow() {
            syncNow++;
        }

        @Override
        public void pause() {
            pauses++;
            status.paused(true, "Paused by the operator");
        }

        @Override
        public void resume() {
            resumes++;
            status.paused(false, null);
        }
    }

    @BeforeEach
    void setUp() {
        signIn(operator("sync-staff", Role.PRISON_STAFF, Role.SUPERVISOR));
        needsAttention = new NeedsAttentionService(new DeadLetterStore(jdbc), publisher, Clock.systemUTC());
        centre = new SyncCentreViewModel(outbox, () -> needsAttention, controls, session, tasks, events,
                UiExecutor.direct(), Clock.systemUTC());
        centre.open();
    }

    /** A discharge the centre refused, with its error pointer. */
    private OutboxEntry failedDischarge() {
        Person person = fixture.knownPerson("Failing");
        patients.dischargeToHospital(StoreFixture.rpOfficer(), new DischargeToHospital(person.getPrisonNumber(), "MDI", "HAZLWD",
                null, LocalDateTime.of(2026, 3, 2, 9, 0), null));
        OutboxEntry entry = outbox.forAggregate(AggregateType.PATIENT, person.getPrisonNumber()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).findFirst().orElseThrow();
        outbox.markInFlight(entry.getId());
        return outbox.markFailed(entry.getId(), new SyncError(400, "VALIDATION_FAILURE", "Validation failure",
                "hospitalLocationCode: must not be a prison", "/hospitalLocationCode"));
    }

    private OutboxView view(long id, List<OutboxView> rows) {
        return rows.stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aFailedEntryShowsTheCentresTitleDetailAndPointerAndCanBeRetried() {
        OutboxEntry entry = failedDischarge();
        OutboxView failed = view(entry.getId(), centre.failed());
        centre.selectedFailedProperty().set(failed);

        assertThat(centre.failedReasonProperty().get()).contains("Validation failure")
                .contains("hospitalLocationCode: must not be a prison").contains("Field: /hospitalLocationCode")
                .contains("VALIDATION_FAILURE");
        assertThat(centre.failedPayloadProperty().get()).contains("\"hospitalLocationCode\" : \"HAZLWD\"");

        centre.retry(failed);
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.PENDING);
        assertThat(centre.failed()).noneMatch(v -> v.id() == entry.getId());
        assertThat(centre.pending()).anyMatch(v -> v.id() == entry.getId());
    }

    @Test
    void editAndResendValidatesEveryFieldAndSendsTheCorrectedPayloadWithANewKey() {
        OutboxEntry entry = failedDischarge();
        OutboxView failed = view(entry.getId(), centre.failed());
        PayloadEditor editor = centre.edit(failed);
        PayloadEditor.Field hospital = editor.fields().stream().filter(f -> f.name().equals("hospitalLocationCode")).findFirst().orElseThrow();
        PayloadEditor.Field time = editor.fields().stream().filter(f -> f.name().equals("dischargeTime")).findFirst().orElseThrow();

        hospital.textProperty().set("MUCH-TOO-LONG-CODE");
        time.textProperty().set("yesterday");
        assertThat(centre.resendEdited(failed, editor)).isFalse();
        assertThat(centre.errorProperty().get()).contains("hospitalLocationCode can be at most 10 characters")
                .contains("dischargeTime must be a date and time");
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.FAILED);

        hospital.textProperty().set("RAMPTN");
        time.textProperty().set("2026-03-02T09:00:00");
        assertThat(centre.resendEdited(failed, editor)).isTrue();
        OutboxEntry resent = outbox.get(entry.getId());
        assertThat(resent.getState()).isEqualTo(OutboxState.PENDING);
        assertThat(resent.getPayload()).contains("\"hospitalLocationCode\":\"RAMPTN\"");
        assertThat(resent.getIdempotencyKey()).isNotEqualTo(entry.getIdempotencyKey());
    }

    @Test
    void discardNeedsAReasonAndTheHistoryKeepsIt() {
        OutboxEntry entry = failedDischarge();
        OutboxView failed = view(entry.getId(), centre.failed());

        assertThat(centre.discard(failed, "  ")).isFalse();
        assertThat(centre.errorProperty().get()).contains("Say why");
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.FAILED);

        assertThat(centre.discard(failed, "Patient went to a different hospital")).isTrue();
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(jdbc.queryForObject("select count(*) from history where aggregate_id = ? and event_type = 'outbox.discarded'"
                + " and notes like 'Patient went to a different hospital%'", Long.class, entry.getAggregateId())).isEqualTo(1L);
    }

    private OutboxEntry conflicted() {
        Move move = fixture.bookRequested();
        OutboxEntry entry = outbox.forAggregate(AggregateType.MOVE, move.getId().toString()).stream()
                .filter(e -> e.getAction() == OutboxAction.CREATE_MOVE).findFirst().orElseThrow();
        outbox.markInFlight(entry.getId());
        return outbox.markConflict(entry.getId(), "{\"status\":\"requested\",\"date\":\"2030-01-05\"}",
                "{\"status\":\"cancelled\",\"date\":\"2030-01-05\"}");
    }

    @Test
    void aConflictIsComparedFieldByFieldAndKeepMineSendsItAgainWithHistory() {
        OutboxEntry entry = conflicted();
        centre.reload();
        OutboxView conflict = view(entry.getId(), centre.conflicts());
        centre.selectedConflictProperty().set(conflict);

        assertThat(centre.compareRows()).containsExactly(
                new SyncCentreViewModel.CompareRow("status", "requested", "cancelled", true),
                new SyncCentreViewModel.CompareRow("date", "2030-01-05", "2030-01-05", false));

        centre.keepMine(conflict);
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.PENDING);
        assertThat(centre.conflicts()).noneMatch(v -> v.id() == entry.getId());
        assertThat(jdbc.queryForObject("select count(*) from history where aggregate_id = ? and event_type = 'outbox.kept-mine'",
                Long.class, entry.getAggregateId())).isEqualTo(1L);
    }

    @Test
    void takeTheirsDiscardsTheDesksChangeAndTakesTheCentralStatus() {
        OutboxEntry entry = conflicted();
        centre.reload();
        centre.takeTheirs(view(entry.getId(), centre.conflicts()));
        assertThat(outbox.get(entry.getId()).getState()).isEqualTo(OutboxState.DISCARDED);
        assertThat(jdbc.queryForObject("select status from move where id = ?", String.class,
                java.util.UUID.fromString(entry.getAggregateId()))).isEqualTo("CANCELLED");
        assertThat(centre.noticeProperty().get()).contains("Took the centre's version");
    }

    @Test
    void needsAttentionItemsAreListedAndResolvedWithANote() {
        new DeadLetterStore(jdbc).recordDead("key-" + System.nanoTime(), "sqs-1", "prison-offender-events.prisoner.merged",
                "{\"nomsNumber\":\"A1111AA\"}", "Merge of A1111AA and B2222BB touches a restricted patient at HAZLWD",
                true, 5, Instant.now());
        centre.reload();
        var item = centre.attention().stream().filter(a -> a.reason().contains("A1111AA")).findFirst().orElseThrow();
        centre.selectedAttentionProperty().set(item);
        assertThat(centre.attentionDetailProperty().get()).contains("B2222BB").contains("prisoner.merged");

        assertThat(centre.resolve(item, "")).isFalse();
        assertThat(centre.resolve(item, "Merged by hand in NOMIS")).isTrue();
        assertThat(centre.attention()).noneMatch(a -> a.id() == item.id());
        assertThat(centre.canResolveProperty().get()).isTrue();
    }

    @Test
    void showsSyncStatusAndDrivesTheEngineButtons() throws IOException {
        status.onAnswer(200, Instant.now().plus(Duration.ofMinutes(3)), Instant.now());
        status.activity("Refreshing moves", 2, 8);
        status.tokenProblem("invalid_client");
        assertThat(centre.connectivityProperty().get()).isEqualTo("Online");
        assertThat(centre.activityProperty().get()).isEqualTo("Refreshing moves 2/8");
        assertThat(centre.activityProgressProperty().get()).isEqualTo(0.25);
        assertThat(centre.tokenProblemProperty().get()).contains("invalid_client").contains("client id and secret");
        assertThat(centre.clockWarningProperty().get()).contains("behind the centre");

        status.onNoAnswer(new java.net.ConnectException("refused"));
        assertThat(centre.connectivityProperty().get()).startsWith("Offline");

        centre.syncNow();
        centre.togglePause();
        assertThat(centre.pausedProperty().get()).isTrue();
        assertThat(centre.connectivityProperty().get()).endsWith("sync paused: Paused by the operator");
        centre.togglePause();
        assertThat(centre.pausedProperty().get()).isFalse();
        assertThat(controls.syncNow).isEqualTo(1);
        assertThat(controls.pauses).isEqualTo(1);
        assertThat(controls.resumes).isEqualTo(1);
    }
}
