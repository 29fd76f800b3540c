package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.DuplicateMoveException;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The central booking rules, refused up front with the field to fix; nothing stored. */
class BookingValidationTest extends CoreIntegrationTest {

    @Autowired
    MoveService moves;
    @Autowired
    JdbcTemplate jdbc;

    private long moveCount() {
        return jdbc.queryForObject("select count(*) from move", Long.class);
    }

    private void refused(BookMove b, String field, String messagePart) {
        long before = moveCount();
        assertThatThrownBy(() -> moves.book(StoreFixture.staff(), b))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
        assertThat(moveCount()).isEqualTo(before);
    }

    @Test
    void fromLocationIsRequired() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(p.getId(), MoveType.PRISON_TRANSFER, null, StoreFixture.LEEDS, LocalDate.now(), null, null, false),
                "fromId", "from location is required");
    }

    @Test
    void toLocationIsRequiredExceptRecallAndVideoRemand() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(p.getId(), MoveType.COURT_APPEARANCE, StoreFixture.MOORLAND, null, StoreFixture.uniqueDate(),
                null, null, false), "toId", "to location is required");
        Move recall = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_RECALL,
                StoreFixture.LEEDS_POLICE, null, StoreFixture.uniqueDate(), null, null, false));
        assertThat(recall.getTo()).isNull();
        Move video = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.VIDEO_REMAND,
                StoreFixture.MOORLAND, null, StoreFixture.uniqueDate(), null, null, false));
        assertThat(video.getStatus()).isEqualTo(MoveStatus.REQUESTED);
    }

    @Test
    void toMustDifferFromFrom() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.LEEDS, StoreFixture.LEEDS,
                StoreFixture.uniqueDate(), null, null, false), "toId", "must differ");
    }

    @Test
    void dateIsRequiredUnlessProposed() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND, StoreFixture.LEEDS, null, null,
                null, false), "date", "date");
        Move proposed = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER,
                StoreFixture.MOORLAND, StoreFixture.LEEDS, null, null, null, true));
        assertThat(proposed.getStatus()).isEqualTo(MoveStatus.PROPOSED);
        assertThat(proposed.getDate()).isNull();
    }

    @Test
    void personAndTypeAreRequired() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(null, MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND, StoreFixture.LEEDS,
                StoreFixture.uniqueDate(), null, null, false), "personId", "person");
        refused(new BookMove(p.getId(), null, StoreFixture.MOORLAND, StoreFixture.LEEDS,
                StoreFixture.uniqueDate(), null, null, false), "moveType", "type");
    }

    @Test
    void unknownPersonOrLocationIsRefused() {
        Person p = fixture.knownPerson("Val");
        assertThatThrownBy(() -> moves.book(StoreFixture.staff(), new BookMove(UUID.randomUUID(), MoveType.PRISON_TRANSFER,
                StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate(), null, null, false)))
                .isInstanceOf(NotFoundException.class);
        refused(new BookMove(p.getId(), MoveType.PRISON_TRANSFER, UUID.randomUUID(), StoreFixture.LEEDS,
                StoreFixture.uniqueDate(), null, null, false), "fromId", "not known");
    }

    @Test
    void notesAreLimited() {
        Person p = fixture.knownPerson("Val");
        refused(new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND, StoreFixture.LEEDS,
                StoreFixture.uniqueDate(), null, "x".repeat(4001), false), "notes", "4000");
    }

    @Test
    void duplicateActiveMoveIsRefusedNamingTheExistingOne() {
        Person p = fixture.knownPerson("Dup");
        LocalDate date = StoreFixture.uniqueDate();
        Move first = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        long before = moveCount();
        assertThatThrownBy(() -> fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date))
                .isInstanceOfSatisfying(DuplicateMoveException.class, e -> {
                    assertThat(e.existingMoveId()).isEqualTo(first.getId());
                    assertThat(e.existingReference()).isNull();
                })
                .hasMessageContaining("not yet synced, local id " + first.getId());
        assertThat(moveCount()).isEqualTo(before);
    }

    @Test
    void duplicateNamesTheCentralReferenceOnceKnown(@Autowired MoveSyncService sync) {
        Person p = fixture.knownPerson("Dup");
        LocalDate date = StoreFixture.uniqueDate();
        Move first = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        sync.linkCentral(first.getId(), UUID.randomUUID().toString(), "JHY4716X");
        assertThatThrownBy(() -> fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date))
                .isInstanceOfSatisfying(DuplicateMoveException.class,
                        e -> assertThat(e.existingReference()).isEqualTo("JHY4716X"))
                .hasMessageContaining("(JHY4716X)");
    }

    @Test
    void cancelledAndProposedMovesAreNotDuplicates() {
        Person p = fixture.knownPerson("Dup");
        LocalDate date = StoreFixture.uniqueDate();
        Move first = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        moves.cancel(StoreFixture.staff(), first.getId(), null, CancellationReason.MADE_IN_ERROR, null);
        moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND,
                StoreFixture.LEEDS, date, null, null, true));
        Move again = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        assertThat(again.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        // a different route the same day is fine too
        assertThat(fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.BRIXTON, date)).isNotNull();
    }
}
