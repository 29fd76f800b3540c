package org.movedesk.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated data: deterministic per seed, well-formed identifiers, every kind of place. */
class SeedDataTest {

    private static SandboxConfig config(long seed, int people, int moves) {
        // a fixed clock so "today" and released-at times are the same in both runs
        return SandboxConfig.builder().seed(seed).people(people).moves(moves)
                .clock(MutableClock.startingAt(Instant.parse("2026-11-25T08:00:00Z"))).build();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        try (Sandbox a = Sandbox.start(config(7, 500, 200)); Sandbox b = Sandbox.start(config(7, 500, 200))) {
            assertThat(a.state().people()).isEqualTo(b.state().people());
            assertThat(a.state().moves()).isEqualTo(b.state().moves());
            assertThat(a.state().patients()).isEqualTo(b.state().patients());
            assertThat(a.state().locations()).isEqualTo(b.state().locations());
        }
    }

    @Test
    void anotherSeedGivesOtherPeople() {
        try (Sandbox a = Sandbox.start(config(1, 100, 0)); Sandbox b = Sandbox.start(config(2, 100, 0))) {
            assertThat(a.state().people().get(0).prisonNumber()).isNotEqualTo(b.state().people().get(0).prisonNumber());
        }
    }

    @Test
    void twoThousandPeopleWithValidUniqueIdentifiers() {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().build())) {
            List<SandboxState.PersonSnapshot> people = sandbox.state().people();
            assertThat(people).hasSize(2000);
            Set<String> numbers = new HashSet<>();
            for (SandboxState.PersonSnapshot p : people) {
                assertThat(p.prisonNumber()).matches("[A-Z][0-9]{4}[A-Z]{2}");
                assertThat(numbers.add(p.prisonNumber())).isTrue();
                assertThat(p.policeNationalComputer()).matches("[0-9]{2}/[0-9]{6}[A-Z]");
                assertThat(p.firstNames()).isNotBlank();
                assertThat(p.lastName()).isNotBlank();
                assertThat(p.dateOfBirth()).isBetween(java.time.LocalDate.of(1955, 1, 1), java.time.LocalDate.of(2005, 12, 31));
                assertThat(p.profileIds()).hasSize(1);
            }
            assertThat(sandbox.state().peopleInPrison().size()).isBetween(1500, 1850);
            assertThat(sandbox.state().peopleToMigrate()).isNotEmpty();
            assertThat(sandbox.state().patients()).isNotEmpty();
        }
    }

    @Test
    void everyKindOfPlaceIsThere() {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().people(0).build())) {
            SandboxState state = sandbox.state();
            assertThat(state.locationsOfType("prison")).extracting(SandboxState.LocationSnapshot::nomisAgencyId)
                    .contains("MDI", "LEI", "WWI");
            assertThat(state.locationsOfType("high_security_hospital")).hasSize(3);
            assertThat(state.locationsOfType("hospital")).isNotEmpty();
            assertThat(state.locationsOfType("court")).isNotEmpty();
            assertThat(state.locationsOfType("approved_premises")).isNotEmpty();
            assertThat(state.locationsOfType("police")).isNotEmpty();
            assertThat(state.locations()).extracting(SandboxState.LocationSnapshot::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void movesNeedPeopleInPrison() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sandbox.start(SandboxConfig.builder().people(0).moves(5).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("people");
    }
}
