package org.movedesk.core.history.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The merge of local history and the central timeline, with a fake central source. */
class CentralTimelineMergeTest extends CoreIntegrationTest {

    @Autowired
    CentralTimelineService timelines;
    @Autowired
    MoveService moves;
    @Autowired
    MoveSyncService sync;

    /** Plays the centre: answers what it was given, or "unreachable". */
    static final class FakeCentre implements CentralTimelineSource {
        final Map<String, List<CentralTimelineEvent>> byMove = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        boolean reachable = true;

        @Override
        public Optional<List<CentralTimelineEvent>> fetch(String centralMoveId) {
            asked.add(centralMoveId);
            return reachable ? Optional.of(byMove.getOrDefault(centralMoveId, List.of())) : Optional.empty();
        }
    }

    @Test
    void entriesSeenOnBothSidesAreMarkedBothAndTheRestLocalOrCentral() {
        Move m = fixture.bookRequested();
        m = moves.accept(StoreFixture.supplier(), m.getId(), null, null);
        Instant accepted = clock.instant();
        String centralId = UUID.randomUUID().toString();
        sync.linkCentral(m.getId(), centralId, "ABC1234D");
        FakeCentre centre = new FakeCentre();
        centre.byMove.put(centralId, List.of(
                // the centre applied the offline booking 40 minutes later: still the same event
                new CentralTimelineEvent("c1", "MoveCreate", accepted.plus(Duration.ofMinutes(40)), Map.of()),
                // the accept reached the centre quickly
                new CentralTimelineEvent("c2", "MoveAccept", accepted.plusSeconds(3), Map.of()),
                // someone else started it at the centre
                new CentralTimelineEvent("c3", "MoveStart", accepted.plus(Duration.ofHours(2)), Map.of("notes", "left gate"))));

        MergedTimeline t = timelines.merged(StoreFixture.supervisor(), m.getId(), centre);

        assertThat(centre.asked).containsExactly(centralId);
        assertThat(t.centralAvailable()).isTrue();
        // linking to the central id is sync's own bookkeeping: a local line with no central twin
        assertThat(t.entries()).extracting(MergedTimelineEntry::kind, MergedTimelineEntry::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("create", TimelineSource.BOTH),
                org.assertj.core.groups.Tuple.tuple("accept", TimelineSource.BOTH),
                org.assertj.core.groups.Tuple.tuple("move.linked", TimelineSource.LOCAL),
                org.assertj.core.groups.Tuple.tuple("start", TimelineSource.CENTRAL));
        assertThat(t.entries().get(1).central().id()).isEqualTo("c2");
        assertThat(t.entries().get(3).local()).isNull();
    }

    @Test
    void eventsOutsideTheToleranceOrOfAnotherKindStaySeparate() {
        Move m = fixture.bookRequested();
        Instant booked = clock.instant();
        String centralId = UUID.randomUUID().toString();
        sync.linkCentral(m.getId(), centralId, "XYZ9876A");
        FakeCentre centre = new FakeCentre();
        centre.byMove.put(centralId, List.of(
                new CentralTimelineEvent("late", "MoveCreate", booked.plus(Duration.ofHours(3)), Map.of()),
                new CentralTimelineEvent("other", "MoveCancel", booked.plusSeconds(1), Map.of())));

        MergedTimeline t = timelines.merged(StoreFixture.supervisor(), m.getId(), centre, Duration.ofMinutes(30));

        assertThat(t.entries()).filteredOn(e -> !e.kind().equals("move.linked"))
                .extracting(MergedTimelineEntry::source).containsExactly(TimelineSource.LOCAL,
                TimelineSource.CENTRAL, TimelineSource.CENTRAL);
    }

    @Test
    void anUnreachableCentreOrAnUnsyncedMoveGivesLocalEntriesAndSaysWhy() {
        Move unsynced = fixture.bookRequested();
        FakeCentre centre = new FakeCentre();
        MergedTimeline notYet = timelines.merged(StoreFixture.supervisor(), unsynced.getId(), centre);
        assertThat(notYet.centralAvailable()).isFalse();
        assertThat(notYet.note()).contains("not synced");
        assertThat(centre.asked).isEmpty();
        assertThat(notYet.entries()).extracting(MergedTimelineEntry::source).containsOnly(TimelineSource.LOCAL);

        sync.linkCentral(unsynced.getId(), UUID.randomUUID().toString(), "QWE1234R");
        centre.reachable = false;
        MergedTimeline offline = timelines.merged(StoreFixture.supervisor(), unsynced.getId(), centre);
        assertThat(offline.centralAvailable()).isFalse();
        assertThat(offline.note()).contains("could not be fetched");
        assertThat(offline.entries()).extracting(MergedTimelineEntry::kind).containsExactly("create", "move.linked");
    }

    @Test
    void centralTypesInEitherSpellingMapToTheSameKind() {
        assertThat(TimelineMerger.centralKind("MoveAccept")).isEqualTo("accept");
        assertThat(TimelineMerger.centralKind("move_accept")).isEqualTo("accept");
        assertThat(TimelineMerger.localKind("move.locked-out")).isEqualTo("lockout");
        assertThat(TimelineMerger.centralKind("PerViolentDangerous")).isEqualTo("PerViolentDangerous");
    }
}
