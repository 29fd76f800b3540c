package org.movedesk.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.sync.testing.Json;
import org.movedesk.sync.testing.ScriptedCentral;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * Paging, retries of lost reads and the "left the window" rule, against a scripted centre. The
 * cache side is a recording {@link CacheWriter}: what core does with a page is core's own tests' job.
 */
class PullPagingTest {

    static final UUID LOC = UUID.fromString("22222222-0000-4000-8000-000000000001");
    static final String COURT = "22222222-0000-4000-8000-000000000002";

    MockWebServer server;
    ScriptedCentral central;
    CentralClients clients;
    SyncStatus status;
    final RecordingCache cache = new RecordingCache();
    final List<String> activities = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        central = new ScriptedCentral();
        server = new MockWebServer();
        server.setDispatcher(central);
        server.start();
        URI base = server.url("/").uri();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        status = new SyncStatus(clock);
        status.addListener(s -> {
            if (s.activity() != null) {
                activities.add(s.activity().describe());
            }
        });
        clients = new CentralClients(CentralProperties.of(base, base, base.resolve("/oauth/token"), "movedesk", "s"),
                Json.MAPPER, status, clock, List.of());
        central.on("GET /api/reference/locations", r -> jsonApi("{\"data\":[{\"id\":\"" + LOC + "\",\"type\":\"locations\","
                + "\"attributes\":{\"key\":\"hmp_x\",\"title\":\"HMP X\",\"location_type\":\"prison\",\"nomis_agency_id\":\"XXI\"}}],"
                + "\"meta\":{\"pagination\":{\"total_pages\":1}}}"));
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.shutdown();
    }

    static MockResponse jsonApi(String body) {
        return new MockResponse().setHeader("Content-Type", "application/vnd.api+json; version=2").setBody(body);
    }

    static String move(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"moves\",\"attributes\":{\"reference\":\"R" + id.substring(0, 7).toUpperCase()
                + "\",\"status\":\"requested\",\"move_type\":\"court_appearance\",\"date\":\"2026-11-26\"},"
                + "\"relationships\":{\"from_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + LOC + "\"}},"
                + "\"to_location\":{\"data\":{\"type\":\"locations\",\"id\":\"" + COURT + "\"}},"
                + "\"profile\":{\"data\":{\"type\":\"profiles\",\"id\":\"p-" + id + "\"}}}}";
    }

    static String page(int total, String... ids) {
        List<String> moves = new ArrayList<>();
        List<String> included = new ArrayList<>();
        for (String id : ids) {
            moves.add(move(id));
            included.add("{\"id\":\"p-" + id + "\",\"type\":\"profiles\",\"relationships\":{\"person\":{\"data\":"
                    + "{\"type\":\"people\",\"id\":\"person-" + id + "\"}}}}");
            included.add("{\"id\":\"person-" + id + "\",\"type\":\"people\",\"attributes\":{\"first_names\":\"A\","
                    + "\"last_name\":\"B\",\"prison_number\":\"A1234BC\",\"date_of_birth\":\"1990-01-02\"}}");
        }
        return "{\"data\":[" + String.join(",", moves) + "],\"included\":[" + String.join(",", included)
                + "],\"meta\":{\"pagination\":{\"per_page\":2,\"total_pages\":" + total + "}}}";
    }

    PullService pull() {
        return new PullService(clients.moves(), cache, status, Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC),
                new PullSettings(1, 14, 2, java.time.Duration.ofMinutes(5)));
    }

    @Test
    void readsEveryPageRetriesALostOneAndMarksWhatLeftTheWindow() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        int[] page2Calls = {0};
        central.on("GET /api/moves", r -> {
            String q = r.getRequestUrl().toString();
            if (q.contains("to_location_id")) {
                return jsonApi(page(1));
            }
            if ("2".equals(r.getRequestUrl().queryParameter("page"))) {
                return page2Calls[0]++ == 0 ? new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)
                        : jsonApi(page(2, c));
            }
            return jsonApi(page(2, a, b));
        });
        UUID gone = UUID.randomUUID();
        cache.refreshed = Map.of(a, UUID.randomUUID(), "left-the-window", gone);

        PullService.Result result = pull().refresh();

        assertThat(result.moves()).isEqualTo(3);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(page2Calls[0]).isEqualTo(2);
        assertThat(cache.moves).extracting(PulledMove::centralId).containsExactly(a, b, c);
        assertThat(cache.moves.get(0).personCentralId()).isEqualTo("person-" + a);
        assertThat(cache.people).containsKey("person-" + a);
        assertThat(cache.notRefreshed).containsExactly(gone);
        assertThat(cache.locations).extracting(PulledLocation::nomisAgencyId).contains("XXI");
        RecordedRequest first = central.requests("GET /api/moves").get(0);
        assertThat(first.getRequestUrl().queryParameter("filter[date_from]")).isEqualTo("2026-11-24");
        assertThat(first.getRequestUrl().queryParameter("filter[date_to]")).isEqualTo("2026-12-09");
        assertThat(first.getRequestUrl().queryParameter("include")).isEqualTo("profile.person,from_location,to_location");
        assertThat(activities).anyMatch(s -> s.startsWith("Pulling moves") && s.contains("/"));
        assertThat(status.current().lastPull()).isNotNull();
        assertThat(status.current().activity()).isNull();
    }

    @Test
    void aBrokenPageStopsTheRefreshWithAClearErrorAndKeepsWhatWasApplied() {
        String a = UUID.randomUUID().toString();
        central.on("GET /api/moves", r -> "2".equals(r.getRequestUrl().queryParameter("page"))
                ? jsonApi("{\"data\":[{\"id\":\"x\",\"type\":\"moves\",\"attributes\":{}}]}")
                : jsonApi(page(2, a)));

        assertThatThrownBy(() -> pull().refresh()).isInstanceOf(IOException.class)
                .hasMessageContaining("lacks id, status or move_type");
        assertThat(cache.moves).extracting(PulledMove::centralId).containsExactly(a);
        assertThat(cache.notRefreshed).as("nothing marked after an incomplete refresh").isEmpty();
        assertThat(status.current().lastPull()).isNull();
        assertThat(status.current().activity()).isNull();
    }

    @Test
    void aRefusedListingStopsTheRefreshWithTheServersWords() {
        central.on("GET /api/moves", r -> new MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/vnd.api+json")
                .setBody("{\"errors\":[{\"title\":\"Bad request\",\"detail\":\"unknown include\"}]}"));

        assertThatThrownBy(() -> pull().refresh()).isInstanceOf(IOException.class).hasMessageContaining("unknown include");
        assertThat(status.current().connectivity()).isEqualTo(SyncSnapshot.Connectivity.ONLINE);
    }

    /** Records what the pull hands to core. */
    static final class RecordingCache implements CacheWriter {
        final List<PulledMove> moves = new CopyOnWriteArrayList<>();
        final Map<String, PulledPerson> people = new java.util.concurrent.ConcurrentHashMap<>();
        final List<PulledLocation> locations = new CopyOnWriteArrayList<>();
        final List<UUID> notRefreshed = new CopyOnWriteArrayList<>();
        Map<String, UUID> refreshed = Map.of();

        @Override
        public void upsertLocations(List<PulledLocation> l) {
            locations.addAll(l);
        }

        @Override
        public int applyPage(Map<String, PulledPerson> p, List<PulledMove> m) {
            people.putAll(p);
            moves.addAll(m);
            return 0;
        }

        @Override
        public Map<String, UUID> refreshedMovesAt(Collection<UUID> locationIds) {
            return refreshed;
        }

        @Override
        public void markNotRefreshed(Collection<UUID> moveIds) {
            notRefreshed.addAll(moveIds);
        }

        @Override
        public Set<UUID> deskLocations() {
            return Set.of(LOC);
        }
    }
}
