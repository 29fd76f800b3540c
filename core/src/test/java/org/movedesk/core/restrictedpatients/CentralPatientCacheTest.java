package org.movedesk.core.restrictedpatients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk's cache of the centre's restricted patients (what the event listener and the look-up
 * screen apply): history for each change, no outbox entry, a pending local change wins.
 */
class CentralPatientCacheTest extends CoreIntegrationTest {

    @Autowired
    RestrictedPatientService service;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryRepository history;

    private static final LocalDateTime DISCHARGED = LocalDateTime.of(2026, 11, 2, 10, 15);

    private List<HistoryEntry> refreshes(String n) {
        return history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.PATIENT, n).stream()
                .filter(h -> h.getEventType().equals("patient.refreshed")).toList();
    }

    @Test
    void theCentresRecordIsCachedOnceAndEachChangeHasAHistoryEntryButNoOutboxEntry() {
        String n = StoreFixture.uniquePrisonNumber();
        CentralPatient central = new CentralPatient(n, "MDI", "HAZLWD", null, DISCHARGED, "at the centre");

        assertThat(service.cacheFromCentral(StoreFixture.system(), central)).isTrue();
        RestrictedPatient cached = service.find(StoreFixture.system(), n).orElseThrow();
        assertThat(cached.getSupportingPrisonId()).as("defaults to the prison discharged from").isEqualTo("MDI");
        assertThat(refreshes(n)).hasSize(1);
        assertThat(refreshes(n).get(0).getSource()).isEqualTo(HistoryEntry.SOURCE_CENTRAL);
        assertThat(refreshes(n).get(0).getBefore()).isNull();

        assertThat(service.cacheFromCentral(StoreFixture.system(), central)).as("nothing new").isFalse();
        assertThat(refreshes(n)).hasSize(1);

        assertThat(service.cacheFromCentral(StoreFixture.system(),
                new CentralPatient(n, "MDI", "HAZLWD", "LEI", DISCHARGED, "at the centre"))).isTrue();
        assertThat(service.find(StoreFixture.system(), n).orElseThrow().getSupportingPrisonId()).isEqualTo("LEI");
        assertThat(refreshes(n)).hasSize(2);
        assertThat(refreshes(n).get(1).getBefore()).contains("\"supportingPrisonId\":\"MDI\"");
        assertThat(refreshes(n).get(1).getAfter()).contains("\"supportingPrisonId\":\"LEI\"");

        assertThat(service.forgetFromCentral(StoreFixture.system(), n)).isTrue();
        assertThat(service.find(StoreFixture.system(), n)).isEmpty();
        assertThat(refreshes(n)).hasSize(3);
        assertThat(refreshes(n).get(2).getAfter()).isNull();
        assertThat(refreshes(n).get(2).getNotes()).isEqualTo("not a restricted patient centrally");
        assertThat(service.forgetFromCentral(StoreFixture.system(), n)).as("nothing left to forget").isFalse();

        assertThat(outbox.forAggregate(AggregateType.PATIENT, n)).isEmpty();
    }

    @Test
    void aLocalChangeNotYetConfirmedByTheCentreIsNeitherOverwrittenNorForgotten() {
        String n = fixture.knownPerson("Cached").getPrisonNumber();
        service.dischargeToHospital(StoreFixture.rpOfficer(), new DischargeToHospital(n, "MDI", "HAZLWD", null, null,
                "local"));

        assertThat(service.cacheFromCentral(StoreFixture.system(),
                new CentralPatient(n, "LEI", "RAMPTN", "LEI", DISCHARGED, "centre"))).isFalse();
        assertThat(service.forgetFromCentral(StoreFixture.system(), n)).isFalse();
        RestrictedPatient kept = service.find(StoreFixture.system(), n).orElseThrow();
        assertThat(kept.getHospitalLocationCode()).isEqualTo("HAZLWD");
        assertThat(kept.getCommentText()).isEqualTo("local");
        assertThat(refreshes(n)).isEmpty();
    }

    @Test
    void onlyTheSystemActorAppliesCentralState() {
        String n = StoreFixture.uniquePrisonNumber();
        assertThatThrownBy(() -> service.cacheFromCentral(StoreFixture.rpOfficer(),
                new CentralPatient(n, "MDI", "HAZLWD", null, DISCHARGED, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.forgetFromCentral(StoreFixture.staff(), n))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(service.find(StoreFixture.system(), n)).isEmpty();
    }
}
