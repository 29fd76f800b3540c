package org.movedesk.sync.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.movedesk.core.locations.LocationData;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.locations.LocationType;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.OutboxCounts;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.PersonData;
import org.movedesk.core.people.PersonRepository;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.people.ProfileRepository;
import org.movedesk.core.store.StoreUrl;
import org.movedesk.core.testing.CoreTestApplication;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.CoreAdapters;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.pull.PullService;
import org.movedesk.sync.pull.PullSettings;
import org.movedesk.sync.push.Backoff;
import org.movedesk.sync.push.CoreLocalLookup;
import org.movedesk.sync.push.MoveActionSender;
import org.movedesk.sync.push.PatientActionSender;
import org.movedesk.sync.push.PersonActionSender;
import org.movedesk.sync.push.PushSettings;
import org.movedesk.sync.push.PushWorker;
import org.movedesk.sync.status.SyncStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A desk for tests: core on a real H2 file, sync's clients and push worker pointed at a central
 * service (the sandbox or a MockWebServer), with every request recorded for the contract check.
 * Built by hand rather than through SyncConfiguration so tests choose when the worker starts.
 */
public final class DeskHarness implements AutoCloseable {

    public static final String DESK = "test-desk";

    public final ConfigurableApplicationContext ctx;
    public final TrafficRecorder recorder = new TrafficRecorder();
    public final SyncStatus status;
    public final CentralClients clients;
    public final PushWorker push;
    public final PullService pull;
    public final CoreAdapters core;
    public final org.movedesk.sync.patients.PatientLookup patients;

    private DeskHarness(Path storeDir, URI central, PushSettings settings, CentralProperties.Timeouts timeouts) {
        ctx = new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.datasource.url=" + StoreUrl.forDirectory(storeDir),
                        "spring.main.banner-mode=off",
                        "movedesk.desk.id=" + DESK)
                .run();
        Clock clock = ctx.getBean(Clock.class);
        status = new SyncStatus(clock);
        CentralProperties props = CentralProperties.of(central, central, central.resolve("/oauth/token"), "movedesk",
                "movedesk-secret").withTimeouts(timeouts);
        clients = new CentralClients(props, Json.MAPPER, status, clock, List.of(recorder));
        clients.tokens().onProblemChange(() -> status.tokenProblem(clients.tokens().problem()));
        CoreLocalLookup lookup = new CoreLocalLookup(ctx.getBean(org.movedesk.core.moves.CentralIdLookup.class));
        core = new CoreAdapters(ctx.getBean(org.movedesk.core.moves.MoveSyncService.class), outbox(),
                ctx.getBean(org.movedesk.core.desk.DeskService.class), ctx.getBean(LocationService.class),
                ctx.getBean(PersonService.class),
                ctx.getBean(org.movedesk.core.restrictedpatients.RestrictedPatientService.class));
        push = new PushWorker(outbox(), new MoveActionSender(clients.moves(), lookup, Json.MAPPER),
                new PersonActionSender(clients.moves(), lookup, Json.MAPPER),
                new PatientActionSender(clients.patients(), Json.MAPPER), core, status, Json.MAPPER, clock, settings);
        pull = new PullService(clients.moves(), core, status, clock, PullSettings.defaults());
        patients = new org.movedesk.sync.patients.PatientLookup(clients.patients(),
                ctx.getBean(org.movedesk.core.restrictedpatients.RestrictedPatientService.class), system());
    }

    public static DeskHarness start(Path storeDir, URI central) {
        return new DeskHarness(storeDir, central, fastSettings(), CentralProperties.Timeouts.defaults());
    }

    public static DeskHarness start(Path storeDir, URI central, PushSettings settings, CentralProperties.Timeouts timeouts) {
        return new DeskHarness(storeDir, central, settings, timeouts);
    }

    /** Short back-off so retries happen within a test's patience; the shape is the production one. */
    public static PushSettings fastSettings() {
        return new PushSettings(4, 64, Duration.ofMillis(50), new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
    }

    public OutboxService outbox() {
        return ctx.getBean(OutboxService.class);
    }

    public MoveService moves() {
        return ctx.getBean(MoveService.class);
    }

    public PersonService people() {
        return ctx.getBean(PersonService.class);
    }

    public <T> T bean(Class<T> type) {
        return ctx.getBean(type);
    }

    public static Actor staff() {
        return new Actor("jbloggs", java.util.Set.of(Role.PRISON_STAFF, Role.SUPPLIER), DESK);
    }

    public static Actor rpOfficer() {
        return new Actor("rp-officer", java.util.Set.of(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE), DESK);
    }

    public static Actor system() {
        return Actor.system("test", DESK);
    }

    public void locations(List<LocationData> data) {
        bean(LocationService.class).upsertFromCentral(system(), data);
    }

    public static LocationData location(String id, String key, LocationType type, String agency) {
        return new LocationData(UUID.fromString(id), key, key, type, agency, true);
    }

    /** A person the centre knows: central person and profile ids given. */
    public UUID knownPerson(String centralId, String prisonNumber, String profileCentralId) {
        return people().upsertFromCentral(system(), new PersonData(centralId, prisonNumber, null, "Alex", "Tester",
                java.time.LocalDate.of(1990, 1, 2), "male", profileCentralId)).getId();
    }

    public void startPush() {
        push.start();
    }

    /** CENTRAL entries still PENDING or IN_FLIGHT (the TOPIC channel belongs to the event publisher). */
    public long centralOpen() {
        Long n = bean(NamedParameterJdbcTemplate.class).queryForObject("select count(*) from outbox where channel = 'CENTRAL'"
                + " and state in ('PENDING', 'IN_FLIGHT')", java.util.Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /** Waits until no CENTRAL entry is PENDING or IN_FLIGHT. */
    public OutboxCounts awaitDrained(Duration max) {
        try {
            Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(50))
                    .until(() -> centralOpen() == 0 && push.idle());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("outbox did not drain: " + outbox().counts() + "\n" + describeOpen(), e);
        }
        return outbox().counts();
    }

    /** Open entries with their errors, for a failure message. */
    public String describeOpen() {
        StringBuilder sb = new StringBuilder();
        outbox().list(null, 5000).stream().filter(v -> v.state().isOpen() && v.channel() == org.movedesk.core.outbox.OutboxChannel.CENTRAL).limit(30).forEach(v -> sb.append(v.id())
                .append(' ').append(v.action()).append(' ').append(v.state()).append(" attempts=").append(v.attempts())
                .append(" error=").append(v.errorStatus()).append(' ').append(v.errorTitle()).append(" - ")
                .append(v.errorDetail()).append('\n'));
        return sb.toString();
    }

    public List<String> contractProblems() {
        return new ArrayList<>(ContractValidator.problems(recorder.all()));
    }

    @Override
    public void close() {
        push.close();
        clients.close();
        ctx.close();
    }
}
