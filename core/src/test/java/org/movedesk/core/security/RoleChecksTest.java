package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.history.HistoryFilter;
import org.movedesk.core.history.HistoryQueries;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.CentralMove;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveSyncService;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.moves.RejectionReason;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.NewPerson;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.restrictedpatients.DischargeToHospital;
import org.movedesk.core.restrictedpatients.ReleasedToHospital;
import org.movedesk.core.restrictedpatients.RestrictedPatientService;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each service method, called by an operator without the role it needs: refused, nothing written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleChecksTest extends CoreIntegrationTest {

    @Autowired MoveService moves;
    @Autowired MoveSyncService moveSync;
    @Autowired PersonService people;
    @Autowired LocationService locations;
    @Autowired RestrictedPatientService patients;
    @Autowired OutboxService outbox;
    @Autowired OperatorService operators;
    @Autowired DeskService desk;
    @Autowired HistoryQueries historyQueries;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.movedesk.core.moves.MoveQueries moveQueries;

    private static Actor allBut(Role... needed) {
        Set<Role> roles = EnumSet.allOf(Role.class);
        Arrays.asList(needed).forEach(roles::remove);
        return new Actor("limited", roles, StoreFixture.DESK);
    }

    private static Actor only(Role... roles) {
        return new Actor("limited", Set.of(roles), StoreFixture.DESK);
    }

    interface Call {
        void run();
    }

    Stream<Arguments> cases() {
        fixture.seed();
        Person person = fixture.knownPerson("Roles");
        Move move = fixture.bookRequested(person, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate());
        UUID id = move.getId();
        long entry = outbox.forAggregate(AggregateType.MOVE, id.toString()).get(0).getId();
        String patient = person.getPrisonNumber();
        Role[] mover = {Role.PRISON_STAFF};
        Role[] runner = {Role.PRISON_STAFF, Role.SUPPLIER};
        Role[] queue = {Role.PRISON_STAFF, Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE};
        return Stream.of(
                Arguments.of("book", allBut(mover), (Call) () -> moves.book(allBut(mover), new BookMove(person.getId(),
                        MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND, StoreFixture.BRIXTON, StoreFixture.uniqueDate(), null, null, false))),
                Arguments.of("approve", allBut(mover), (Call) () -> moves.approve(allBut(mover), id, null, LocalDate.now(), null)),
                Arguments.of("reject", allBut(mover), (Call) () -> moves.reject(allBut(mover), id, null, RejectionReason.MORE_INFO_REQUIRED, true, null)),
                Arguments.of("cancel", allBut(mover), (Call) () -> moves.cancel(allBut(mover), id, null, CancellationReason.OTHER, null)),
                Arguments.of("redirect", allBut(mover), (Call) () -> moves.redirect(allBut(mover), id, null, StoreFixture.BRIXTON, null)),
                Arguments.of("accept", allBut(runner), (Call) () -> moves.accept(allBut(runner), id, null, null)),
                Arguments.of("start", allBut(runner), (Call) () -> moves.start(allBut(runner), id, null, null)),
                Arguments.of("complete", allBut(runner), (Call) () -> moves.complete(allBut(runner), id, null, null)),
                Arguments.of("lockout", allBut(runner), (Call) () -> moves.lockout(allBut(runner), id, null, null)),
                Arguments.of("get move", only(Role.RP_SEARCH, Role.RP_TRANSFER), (Call) () -> moves.get(only(Role.RP_SEARCH), id)),
                Arguments.of("applyCentral", allBut(Role.SYSTEM), (Call) () -> moveSync.applyCentral(allBut(Role.SYSTEM),
                        new CentralMove("c", "ABCDEFGH", MoveStatus.BOOKED, MoveType.PRISON_TRANSFER, LocalDate.now(), null,
                                StoreFixture.MOORLAND, StoreFixture.LEEDS, "p", patient, "A", "B", null, null, null, null, null, null))),
                Arguments.of("recordNew", allBut(mover), (Call) () -> people.recordNew(allBut(mover),
                        new NewPerson(StoreFixture.uniquePrisonNumber(), null, "A", "B", null, null))),
                Arguments.of("ensureProfile", allBut(mover), (Call) () -> people.ensureProfile(allBut(mover), person.getId())),
                Arguments.of("person upsertFromCentral", allBut(Role.SYSTEM), (Call) () -> people.upsertFromCentral(allBut(Role.SYSTEM),
                        new PersonData("x", StoreFixture.uniquePrisonNumber(), null, "A", "B", null, null, null))),
                Arguments.of("location upsertFromCentral", allBut(Role.SYSTEM, Role.ADMIN), (Call) () -> locations.upsertFromCentral(
                        allBut(Role.SYSTEM, Role.ADMIN), StoreFixture.referenceLocations())),
                Arguments.of("discharge", allBut(Role.RP_TRANSFER), (Call) () -> patients.dischargeToHospital(allBut(Role.RP_TRANSFER),
                        new DischargeToHospital(patient, "MDI", "HAZLWD", null, null, null))),
                Arguments.of("migrateIn", allBut(Role.RP_MIGRATE), (Call) () -> patients.migrateIn(allBut(Role.RP_MIGRATE), patient,
                        "HAZLWD", "MDI", LocalDateTime.now())),
                Arguments.of("changeSupportingPrison", allBut(Role.RP_TRANSFER), (Call) () -> patients.changeSupportingPrison(
                        allBut(Role.RP_TRANSFER), patient, "LEI")),
                Arguments.of("remove patient", allBut(Role.RP_REMOVE), (Call) () -> patients.remove(allBut(Role.RP_REMOVE), patient)),
                Arguments.of("find patient", allBut(Role.RP_SEARCH, Role.SYSTEM), (Call) () -> patients.find(allBut(Role.RP_SEARCH, Role.SYSTEM), patient)),
                Arguments.of("list patients", allBut(Role.RP_SEARCH, Role.SYSTEM), (Call) () -> patients.list(allBut(Role.RP_SEARCH, Role.SYSTEM), "", 0, 10)),
                Arguments.of("onPrisonerReceived", allBut(Role.SYSTEM), (Call) () -> patients.onPrisonerReceived(allBut(Role.SYSTEM), patient)),
                Arguments.of("onReleasedToHospital", allBut(Role.SYSTEM), (Call) () -> patients.onReleasedToHospital(allBut(Role.SYSTEM),
                        new ReleasedToHospital(patient, "MDI", "HAZLWD", LocalDateTime.now(), null))),
                Arguments.of("onPrisonerMerged", allBut(Role.SYSTEM), (Call) () -> patients.onPrisonerMerged(allBut(Role.SYSTEM), patient, "A0000AA")),
                Arguments.of("discard", allBut(queue), (Call) () -> outbox.discard(allBut(queue), entry, "why")),
                Arguments.of("resend", allBut(queue), (Call) () -> outbox.resend(allBut(queue), entry, null)),
                Arguments.of("keepMine", allBut(queue), (Call) () -> outbox.keepMine(allBut(queue), entry)),
                Arguments.of("takeTheirs", allBut(queue), (Call) () -> outbox.takeTheirs(allBut(queue), entry)),
                Arguments.of("create operator", allBut(Role.ADMIN), (Call) () -> operators.create(allBut(Role.ADMIN),
                        new NewOperator("newbie", "New Bie", "long-enough-password".toCharArray(), Set.of(Role.SUPPLIER)))),
                Arguments.of("setRoles", allBut(Role.ADMIN), (Call) () -> operators.setRoles(allBut(Role.ADMIN), "staff", Set.of(Role.ADMIN))),
                Arguments.of("setEnabled", allBut(Role.ADMIN), (Call) () -> operators.setEnabled(allBut(Role.ADMIN), "staff", false)),
                Arguments.of("changePassword of another", allBut(Role.ADMIN), (Call) () -> operators.changePassword(allBut(Role.ADMIN),
                        "someone-else", "long-enough-password".toCharArray())),
                Arguments.of("list operators", allBut(Role.ADMIN, Role.SUPERVISOR), (Call) () -> operators.list(allBut(Role.ADMIN, Role.SUPERVISOR))),
                Arguments.of("desk locations", allBut(Role.ADMIN), (Call) () -> desk.setOwnLocations(allBut(Role.ADMIN), Set.of(StoreFixture.LEEDS))),
                Arguments.of("desk rename", allBut(Role.ADMIN), (Call) () -> desk.rename(allBut(Role.ADMIN), "Hacked")),
                Arguments.of("history of another operator", allBut(Role.SUPERVISOR, Role.ADMIN), (Call) () -> historyQueries.forOperator(
                        allBut(Role.SUPERVISOR, Role.ADMIN), "staff")),
                Arguments.of("history search", allBut(Role.SUPERVISOR, Role.ADMIN), (Call) () -> historyQueries.search(
                        allBut(Role.SUPERVISOR, Role.ADMIN), HistoryFilter.all(), 0, 10)),
                Arguments.of("history of a move", only(Role.RP_SEARCH), (Call) () -> historyQueries.forMove(only(Role.RP_SEARCH), id)),
                Arguments.of("list moves", only(Role.RP_SEARCH), (Call) () -> moveQueries.list(only(Role.RP_SEARCH),
                        org.movedesk.core.moves.MoveFilter.day(Set.of(), LocalDate.now()), 0, 10)),
                Arguments.of("search moves", only(Role.RP_TRANSFER), (Call) () -> moveQueries.search(only(Role.RP_TRANSFER), "A", 10)),
                Arguments.of("nobody signed in", null, (Call) () -> moves.accept(null, id, null, null)));
    }

    private List<Long> counts() {
        return Stream.of("move", "history", "outbox", "restricted_patient", "person", "profile", "operator")
                .map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithoutTheRole(String name, Actor actor, Call call) {
        List<Long> before = counts();
        assertThatThrownBy(call::run).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining(actor == null ? "sign in" : "may not");
        assertThat(counts()).isEqualTo(before);
    }
}
