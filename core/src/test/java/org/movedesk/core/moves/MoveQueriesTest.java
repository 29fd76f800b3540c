package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

class MoveQueriesTest extends CoreIntegrationTest {

    @Autowired
    MoveQueries queries;
    @Autowired
    MoveService moves;
    @Autowired
    LocationService locations;

    /** Two private locations so this test's counts are not disturbed by other tests' moves. */
    private UUID[] privateLocations() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        locations.upsertFromCentral(StoreFixture.system(), java.util.List.of(
                new LocationData(a, "qa-" + a, "Query Prison " + a, LocationType.PRISON, null, true),
                new LocationData(b, "qb-" + b, "Query Court " + b, LocationType.COURT, null, true)));
        return new UUID[] {a, b};
    }

    @Test
    void aSortByColumnOrdersTheWholeFilteredListBeforeItIsPaged() {
        UUID[] mine = privateLocations();
        LocalDate day = StoreFixture.uniqueDate();
        // booked in an order that is neither the name order nor its reverse
        for (String name : new String[] {"Sortmid", "Sortzed", "Sortaaa", "Sortkay", "Sortbee"}) {
            fixture.bookRequested(fixture.knownPerson(name), mine[0], StoreFixture.LEEDS, day);
        }
        MoveFilter filter = MoveFilter.day(Set.of(mine[0]), day);

        java.util.List<String> ascending = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<MoveRow> rows = queries.list(StoreFixture.staff(), filter, MoveSort.ascending(MoveSort.Column.NAME), page, 2);
            assertThat(rows.getTotalPages()).isEqualTo(3);
            rows.getContent().forEach(row -> ascending.add(row.personName()));
        }
        assertThat(ascending).as("every page continues the same order")
                .containsExactly("SORTAAA, Alex", "SORTBEE, Alex", "SORTKAY, Alex", "SORTMID, Alex", "SORTZED, Alex");

        assertThat(queries.list(filter, MoveSort.descending(MoveSort.Column.NAME), 0, 2).getContent())
                .extracting(MoveRow::personName).containsExactly("SORTZED, Alex", "SORTMID, Alex");
        assertThat(queries.list(filter, MoveSort.descending(MoveSort.Column.NAME), 2, 2).getContent())
                .extracting(MoveRow::personName).containsExactly("SORTAAA, Alex");
        assertThat(queries.list(filter, null, 0, 5).getContent()).as("no sort chosen: date and time, as before")
                .extracting(MoveRow::id).containsExactlyElementsOf(queries.list(filter, 0, 5).getContent().stream().map(MoveRow::id).toList());
        for (MoveSort.Column column : MoveSort.Column.values()) {
            assertThat(queries.list(filter, MoveSort.descending(column), 0, 5).getContent()).as(column.name()).hasSize(5);
        }
    }

    @Test
    void movesInAndOutOfMyLocationsWithFiltersAndPaging() {
        UUID[] mine = privateLocations();
        LocalDate day = StoreFixture.uniqueDate();
        Person p1 = fixture.knownPerson("Outbound");
        Person p2 = fixture.knownPerson("Inbound");
        Person p3 = fixture.knownPerson("Between");
        Move out = fixture.bookRequested(p1, mine[0], StoreFixture.LEEDS, day);
        Move in = fixture.bookRequested(p2, StoreFixture.LEEDS, mine[0], day);
        Move both = fixture.bookRequested(p3, mine[0], mine[1], day.plusDays(1));
        fixture.bookRequested(fixture.knownPerson("Elsewhere"), StoreFixture.LEEDS, StoreFixture.BRIXTON, day);
        moves.accept(StoreFixture.staff(), in.getId(), null, null);

        Page<MoveRow> week = queries.list(MoveFilter.week(Set.of(mine[0], mine[1]), day), 0, 50);
        assertThat(week.getTotalElements()).isEqualTo(3);
        assertThat(week.getContent()).extracting(MoveRow::id).containsExactlyInAnyOrder(out.getId(), in.getId(), both.getId());
        assertThat(week.getContent().get(2).id()).as("ordered by date").isEqualTo(both.getId());
        assertThat(queries.list(MoveFilter.day(Set.of(mine[0]), day), 0, 50).getContent()).hasSize(2);
        assertThat(queries.list(new MoveFilter(Set.of(mine[0]), day, day.plusDays(6), Set.of(MoveStatus.BOOKED), Set.of(), null), 0, 50)
                .getContent()).extracting(MoveRow::id).containsExactly(in.getId());
        assertThat(queries.list(new MoveFilter(Set.of(mine[0]), day, day.plusDays(6), Set.of(), Set.of(MoveType.COURT_APPEARANCE), null), 0, 50)
                .getContent()).isEmpty();
        assertThat(queries.list(new MoveFilter(Set.of(mine[0]), day, day.plusDays(6), Set.of(), Set.of(), "inbound"), 0, 50)
                .getContent()).extracting(MoveRow::id).containsExactly(in.getId());

        Page<MoveRow> page0 = queries.list(MoveFilter.week(Set.of(mine[0]), day), 0, 2);
        Page<MoveRow> page1 = queries.list(MoveFilter.week(Set.of(mine[0]), day), 1, 2);
        assertThat(page0.getContent()).hasSize(2);
        assertThat(page1.getContent()).hasSize(1);
        assertThat(page0.getTotalPages()).isEqualTo(2);

        MoveRow row = week.getContent().stream().filter(r -> r.id().equals(out.getId())).findFirst().orElseThrow();
        assertThat(row.fromTitle()).startsWith("Query Prison");
        assertThat(row.toTitle()).isEqualTo("HMP Leeds");
        assertThat(row.personName()).isEqualTo("OUTBOUND, Alex");
        assertThat(row.pendingSync()).isTrue();
    }

    @Test
    void oneDayOfMyLocationsWithCountsOverAllOfItsMovesNotOnlyTheRowsRead() {
        UUID[] mine = privateLocations();
        LocalDate day = StoreFixture.uniqueDate();
        Move out = fixture.bookRequested(fixture.knownPerson("DayOut"), mine[0], StoreFixture.LEEDS, day);
        Move in = fixture.bookRequested(fixture.knownPerson("DayIn"), StoreFixture.LEEDS, mine[1], day);
        Move between = fixture.bookRequested(fixture.knownPerson("DayBetween"), mine[0], mine[1], day);
        fixture.bookRequested(fixture.knownPerson("DayElsewhere"), StoreFixture.LEEDS, StoreFixture.BRIXTON, day);
        fixture.bookRequested(fixture.knownPerson("DayTomorrow"), mine[0], StoreFixture.LEEDS, day.plusDays(1));
        moves.accept(StoreFixture.staff(), in.getId(), null, null);

        MoveDay mineToday = queries.day(StoreFixture.staff(), Set.of(mine[0], mine[1]), day, 2);
        assertThat(mineToday.total()).as("each move once, even from one of mine to another").isEqualTo(3);
        assertThat(mineToday.rows()).as("only as many rows as asked for").hasSize(2);
        assertThat(mineToday.counts().get(MoveStatus.BOOKED)).isEqualTo(1);
        assertThat(mineToday.counts().get(MoveStatus.REQUESTED)).as("counted beyond the rows read").isEqualTo(2);
        assertThat(mineToday.counts().get(MoveStatus.CANCELLED)).isZero();
        assertThat(queries.day(StoreFixture.staff(), Set.of(mine[0], mine[1]), day, 50).rows())
                .extracting(MoveRow::id).containsExactlyInAnyOrder(out.getId(), in.getId(), between.getId());

        MoveDay everywhere = queries.day(StoreFixture.staff(), Set.of(), day, 2000);
        assertThat(everywhere.total()).as("no own locations: every move of the day").isEqualTo(4);
        assertThat(queries.day(StoreFixture.staff(), Set.of(mine[0]), day.plusDays(2), 50).total()).isZero();
    }

    @Test
    void searchByPrisonNumberNameAndReference(@Autowired MoveSyncService sync) {
        Person p = fixture.knownPerson("Searchable" + UUID.randomUUID().toString().substring(0, 6));
        Move m = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate());
        assertThat(queries.search(p.getPrisonNumber().toLowerCase(), 10)).extracting(MoveRow::id).containsExactly(m.getId());
        assertThat(queries.search(p.getLastName().substring(0, 12), 10)).extracting(MoveRow::id).containsExactly(m.getId());
        String ref = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
        sync.linkCentral(m.getId(), UUID.randomUUID().toString(), ref);
        assertThat(queries.search(ref, 10)).extracting(MoveRow::reference).containsExactly(ref);
        assertThat(queries.search("", 10)).isEmpty();
    }

    @Test
    void detailShowsEverything() {
        Move m = fixture.bookRequested();
        MoveDetail d = queries.detail(m.getId()).orElseThrow();
        assertThat(d.row().status()).isEqualTo(MoveStatus.REQUESTED);
        assertThat(d.version()).isEqualTo(m.getVersion());
        assertThat(d.personId()).isEqualTo(m.getPerson().getId());
        assertThat(d.createdAt()).isNotNull();
        assertThat(queries.detail(UUID.randomUUID())).isEmpty();
    }
}
