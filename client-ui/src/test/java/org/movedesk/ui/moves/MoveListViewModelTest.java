package org.movedesk.ui.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveRow;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Role;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.StoreFixture;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.testing.ViewModelTest;

class MoveListViewModelTest extends ViewModelTest {

    @Autowired MoveQueries queries;
    @Autowired MoveService moves;

    @TempDir Path dir;

    private MoveListViewModel list;
    private UiSettings settings;
    private LocalDate day;
    private Person alice;
    private Move toCourt;
    private Move toLeeds;

    @BeforeEach
    void setUp() {
        signIn(operator("list-staff", Role.PRISON_STAFF));
        settings = UiSettings.load(dir.resolve("ui-settings.json"));
        list = new MoveListViewModel(queries, tasks, events, settings, () -> Set.of(StoreFixture.BRIXTON), session);
        day = StoreFixture.uniqueDate();
        alice = fixture.knownPerson("Listwood");
        toLeeds = fixture.bookRequested(alice, StoreFixture.BRIXTON, StoreFixture.LEEDS, day);
        toCourt = fixture.bookRequested(fixture.knownPerson("Courtney"), StoreFixture.BRIXTON, StoreFixture.GUILDFORD_COURT, day);
        fixture.bookRequested(fixture.knownPerson("Elsewhere"), StoreFixture.MOORLAND, StoreFixture.LEEDS, day);
        list.anchorProperty().set(day);
        list.onlyMyLocationsProperty().set(true);
        list.statuses().clear();
        list.types().clear();
    }

    @Test
    void showsTheDaysMovesOfMyLocationsOnly() {
        list.applyFilters();

        assertThat(list.rows()).extracting(MoveRow::id).containsExactlyInAnyOrder(toLeeds.getId(), toCourt.getId());
        assertThat(list.totalProperty().get()).isEqualTo(2);
        assertThat(list.summaryProperty().get()).startsWith("2 moves");
    }

    @Test
    void searchFindsByPrisonNumberNameOrReference() {
        list.searchProperty().set(alice.getPrisonNumber());
        list.applyFilters();
        assertThat(list.rows()).extracting(MoveRow::id).containsExactly(toLeeds.getId());

        list.searchProperty().set("courtn");
        list.applyFilters();
        assertThat(list.rows()).extracting(MoveRow::id).containsExactly(toCourt.getId());
    }

    @Test
    void statusFilterAndEventsKeepTheListCurrent() {
        list.statuses().add(MoveStatus.BOOKED);
        list.applyFilters();
        assertThat(list.rows()).isEmpty();

        moves.accept(StoreFixture.staff(), toCourt.getId(), null, null);

        assertThat(list.rows()).as("refreshed by the MoveChanged event, no polling")
                .extracting(MoveRow::id).containsExactly(toCourt.getId());
    }

    @Test
    void weekCoversMondayToSundayAndPagesThroughResults() {
        list.periodProperty().set(MoveListViewModel.Period.WEEK);
        list.pageSize(1);
        list.applyFilters();

        assertThat(list.from().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(list.to()).isEqualTo(list.from().plusDays(6));
        assertThat(list.pageCountProperty().get()).isGreaterThanOrEqualTo(2);
        UUID first = list.rows().get(0).id();
        list.goToPage(1);
        assertThat(list.pageProperty().get()).isEqualTo(1);
        assertThat(list.rows().get(0).id()).isNotEqualTo(first);
        list.goToPage(99);
        assertThat(list.pageProperty().get()).isEqualTo(list.pageCountProperty().get() - 1);
    }

    @Test
    void groupsByDestination() {
        list.applyFilters();

        assertThat(list.groups()).extracting(MoveListViewModel.Group::destination)
                .containsExactly("Guildford Crown Court", "HMP Leeds");
    }

    @Test
    void periodStepsMoveTheDate() {
        list.applyFilters();
        list.nextPeriod();
        assertThat(list.anchorProperty().get()).isEqualTo(day.plusDays(1));
        assertThat(list.rows()).isEmpty();
        list.previousPeriod();
        assertThat(list.rows()).hasSize(2);
    }

    @Test
    void filtersAreRememberedForNextTime() {
        list.statuses().add(MoveStatus.REQUESTED);
        list.groupByDestinationProperty().set(true);
        list.periodProperty().set(MoveListViewModel.Period.WEEK);
        list.applyFilters();
        settings.save();

        MoveListViewModel again = new MoveListViewModel(queries, tasks, events, UiSettings.load(settings.file()),
                () -> Set.of(StoreFixture.BRIXTON), session);

        assertThat(again.statuses()).containsExactly(MoveStatus.REQUESTED);
        assertThat(again.groupByDestinationProperty().get()).isTrue();
        assertThat(again.periodProperty().get()).isEqualTo(MoveListViewModel.Period.WEEK);
    }

    @Test
    void aDisposedListNoLongerFollowsEventsAndLetsGoOfTheBus() {
        list.statuses().add(MoveStatus.BOOKED);
        list.applyFilters();
        int listening = events.subscriptionCount();

        list.dispose();

        assertThat(events.subscriptionCount()).isEqualTo(listening - 1);
        int readsBefore = tasks.titles.size();
        moves.accept(StoreFixture.staff(), toCourt.getId(), null, null);
        assertThat(tasks.titles).as("no read for a signed-out operator's list").hasSize(readsBefore);
        assertThat(list.rows()).isEmpty();
    }

    @Test
    void aColumnSortCoversEveryPageNotJustTheOneShown() {
        list.pageSize(1);
        list.applyFilters();
        assertThat(list.pageCountProperty().get()).isEqualTo(2);

        list.sortBy(org.movedesk.core.moves.MoveSort.ascending(org.movedesk.core.moves.MoveSort.Column.NAME));
        assertThat(list.pageProperty().get()).as("a new order starts at the first page").isZero();
        assertThat(list.rows()).extracting(MoveRow::personName).singleElement().asString().startsWith("COURTNEY");
        list.goToPage(1);
        assertThat(list.rows()).extracting(MoveRow::personName).singleElement().asString().startsWith("LISTWOOD");

        list.sortBy(org.movedesk.core.moves.MoveSort.descending(org.movedesk.core.moves.MoveSort.Column.NAME));
        assertThat(list.pageProperty().get()).isZero();
        assertThat(list.rows()).extracting(MoveRow::personName).singleElement().asString().startsWith("LISTWOOD");
        list.goToPage(1);
        assertThat(list.rows()).extracting(MoveRow::personName).singleElement().asString().startsWith("COURTNEY");

        int reads = tasks.titles.size();
        list.sortBy(org.movedesk.core.moves.MoveSort.descending(org.movedesk.core.moves.MoveSort.Column.NAME));
        assertThat(tasks.titles).as("the same order again reads nothing").hasSize(reads);
    }
}
