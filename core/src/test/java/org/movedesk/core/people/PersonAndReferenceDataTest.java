package org.movedesk.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.desk.DeskSettings;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

class PersonAndReferenceDataTest extends CoreIntegrationTest {

    @Autowired
    PersonService people;
    @Autowired
    LocationService locations;
    @Autowired
    DeskService desk;
    @Autowired
    OutboxService outbox;
    @Autowired
    org.movedesk.core.history.HistoryQueries history;

    @Test
    void recordNewValidatesAndQueuesCreatePerson() {
        assertThatThrownBy(() -> people.recordNew(StoreFixture.staff(), new NewPerson("12345", null, "A", "B", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prisonNumber"))
                .hasMessageContaining("A1234BC");
        assertThatThrownBy(() -> people.recordNew(StoreFixture.staff(), new NewPerson(null, null, " ", "B", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("firstNames"));
        String n = StoreFixture.uniquePrisonNumber();
        Person p = people.recordNew(StoreFixture.staff(), new NewPerson(n.toLowerCase(), "86/123456A", "Kim", "Offline",
                LocalDate.of(1980, 1, 1), "female"));
        assertThat(p.getPrisonNumber()).isEqualTo(n);
        assertThat(p.getCentralId()).isNull();
        assertThat(outbox.forAggregate(AggregateType.PERSON, p.getId().toString())).extracting(OutboxEntry::getAction)
                .containsExactly(OutboxAction.CREATE_PERSON);
        assertThatThrownBy(() -> people.recordNew(StoreFixture.staff(), new NewPerson(n, null, "Kim", "Again", null, null)))
                .hasMessageContaining("already recorded");
        assertThat(people.findByPrisonNumber(" " + n.toLowerCase())).map(Person::getId).contains(p.getId());
        assertThat(people.searchByName("offline k", 50)).extracting(Person::getId).contains(p.getId());
        Profile profile = people.ensureProfile(StoreFixture.staff(), p.getId());
        assertThat(people.ensureProfile(StoreFixture.staff(), p.getId()).getId()).isEqualTo(profile.getId());
        assertThat(outbox.forAggregate(AggregateType.PERSON, p.getId().toString())).hasSize(2);
    }

    @Test
    void upsertFromCentralMatchesByCentralIdThenPrisonNumber() {
        String n = StoreFixture.uniquePrisonNumber();
        Person local = people.recordNew(StoreFixture.staff(), new NewPerson(n, null, "Lee", "Match", null, null));
        Person merged = people.upsertFromCentral(StoreFixture.system(),
                new PersonData("central-" + UUID.randomUUID(), n, null, "Lee", "Match", LocalDate.of(1970, 5, 5), "male", null));
        assertThat(merged.getId()).isEqualTo(local.getId());
        assertThat(merged.getCentralId()).startsWith("central-");
        assertThat(merged.getDateOfBirth()).isEqualTo(LocalDate.of(1970, 5, 5));
    }

    @Test
    void cacheFromCentralKeepsALookedUpPersonForTheOperatorWithoutSendingThemBack() {
        String n = StoreFixture.uniquePrisonNumber();
        String centralId = "central-" + UUID.randomUUID();
        Person cached = people.cacheFromCentral(StoreFixture.staff(),
                new PersonData(centralId, n.toLowerCase(), null, "Ada", "Central", LocalDate.of(1985, 3, 2), "female", "profile-" + centralId));
        assertThat(cached.getPrisonNumber()).isEqualTo(n);
        assertThat(cached.getCentralId()).isEqualTo(centralId);
        assertThat(people.findByPrisonNumber(n)).map(Person::getId).contains(cached.getId());
        // the centre already knows them: nothing waits in the outbox
        assertThat(outbox.forAggregate(AggregateType.PERSON, cached.getId().toString())).isEmpty();
        assertThat(history.forPerson(StoreFixture.supervisor(), n)).singleElement().satisfies(row -> {
            assertThat(row.eventType()).isEqualTo("person.refreshed");
            assertThat(row.operator()).isEqualTo(StoreFixture.staff().username());
            assertThat(row.source()).isEqualTo(org.movedesk.core.history.HistoryEntry.SOURCE_CENTRAL);
        });
        // a second look-up refreshes the same person instead of storing a second one
        Person again = people.cacheFromCentral(StoreFixture.staff(),
                new PersonData(centralId, n, null, "Ada May", "Central", LocalDate.of(1985, 3, 2), "female", null));
        assertThat(again.getId()).isEqualTo(cached.getId());
        assertThat(again.getFirstNames()).isEqualTo("Ada May");
    }

    @Test
    void cacheFromCentralIsForBookingStaffAndNeedsTheCentralId() {
        PersonData someone = new PersonData("central-" + UUID.randomUUID(), StoreFixture.uniquePrisonNumber(), null,
                "Sam", "Supplier", null, null, null);
        assertThatThrownBy(() -> people.cacheFromCentral(StoreFixture.supplier(), someone))
                .isInstanceOf(org.movedesk.core.common.PermissionDeniedException.class)
                .hasMessageContaining("PRISON_STAFF");
        assertThat(people.findByPrisonNumber(someone.prisonNumber())).isEmpty();
        assertThatThrownBy(() -> people.cacheFromCentral(StoreFixture.staff(),
                new PersonData(null, someone.prisonNumber(), null, "Sam", "Nobody", null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("centralId"));
    }

    @Test
    void locationsSearchAndUpsert() {
        fixture.seed();
        assertThat(locations.findByAgencyId("mdi")).map(Location::getId).contains(StoreFixture.MOORLAND);
        assertThat(locations.search("hmp l", Set.of(LocationType.PRISON), 10)).extracting(Location::getId).contains(StoreFixture.LEEDS);
        assertThat(locations.search("HAZLWD", Set.of(), 10)).extracting(Location::getId).containsExactly(StoreFixture.HAZELWOOD_HOSPITAL);
        assertThat(locations.upsertFromCentral(StoreFixture.system(), StoreFixture.referenceLocations())).isZero();
        UUID id = UUID.randomUUID();
        assertThat(locations.upsertFromCentral(StoreFixture.system(), List.of(
                new LocationData(id, "k-" + id, "New Place", LocationType.fromApi("voluntary_hostel"), "NEWP", true)))).isEqualTo(1);
        assertThat(locations.get(id).getType()).isEqualTo(LocationType.VOLUNTARY_HOSTEL);
        assertThat(LocationType.fromApi("something_new")).isEqualTo(LocationType.OTHER);
    }

    @Test
    void deskSettings() {
        DeskSettings before = desk.current();
        assertThat(before.deskId()).isNotBlank();
        DeskSettings after = desk.setOwnLocations(StoreFixture.admin(), Set.of(StoreFixture.MOORLAND, StoreFixture.LEEDS));
        assertThat(after.ownLocationIds()).containsExactlyInAnyOrder(StoreFixture.MOORLAND, StoreFixture.LEEDS);
        assertThat(desk.current().ownLocationIds()).hasSize(2);
        assertThatThrownBy(() -> desk.setOwnLocations(StoreFixture.admin(), Set.of(UUID.randomUUID())))
                .isInstanceOf(ValidationException.class);
        assertThat(desk.rename(StoreFixture.admin(), "Moorland reception").name()).isEqualTo("Moorland reception");
        assertThat(desk.current().deskId()).isEqualTo(before.deskId());
    }
}
