package org.movedesk.sync.pull;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.http.ErrorBodies;
import org.movedesk.sync.moves.MoveListQuery;
import org.movedesk.sync.moves.MovesApiClient;
import org.movedesk.sync.status.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the desk's cache from the centre. There is no "changed since" feed, so it reads the
 * whole window (yesterday to two weeks ahead by default) for each of the desk's locations, page by
 * page, and lets core merge each page; moves it no longer sees are kept and marked not refreshed.
 */
public class PullService {

    private static final Logger log = LoggerFactory.getLogger(PullService.class);
    static final String SYSTEM_USER = "movedesk-sync";

    private final MovesApiClient api;
    private final CacheWriter cache;
    private final SyncStatus status;
    private final Clock clock;
    private final PullSettings settings;

    public PullService(MovesApiClient api, CacheWriter cache, SyncStatus status, Clock clock, PullSettings settings) {
        this.api = api;
        this.cache = cache;
        this.status = status;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Result of one refresh, for the log and the bench: {@code readMillis} is the time spent
     * waiting for and reading the centre's pages, {@code applyMillis} the time core spent merging them.
     */
    public record Result(int pages, int moves, int people, int markedNotRefreshed, long readMillis, long applyMillis) {
    }

    /** One full refresh. Throws on a transport or answer problem; the cache keeps what earlier pages applied. */
    public synchronized Result refresh() throws IOException {
        try {
            refreshLocations();
            LocalDate today = LocalDate.now(clock);
            LocalDate from = today.minusDays(settings.daysBefore());
            LocalDate to = today.plusDays(settings.daysAfter());
            Set<UUID> locations = cache.deskLocations();
            List<MoveListQuery> queries = new ArrayList<>();
            for (UUID loc : locations) {
                queries.add(MoveListQuery.leaving(loc.toString(), from, to));
                queries.add(MoveListQuery.arriving(loc.toString(), from, to));
            }
            Set<String> seen = new HashSet<>();
            int skipped = 0;
            int pages = 0;
            int moves = 0;
            int people = 0;
            int expectedPages = queries.size();
            long readNanos = 0;
            long applyNanos = 0;
            for (MoveListQuery q : queries) {
                int page = 1;
                int total = 1;
                while (page <= total) {
                    status.activity("Pulling moves", pages, Math.max(expectedPages, pages + 1));
                    final int pageNo = page;
                    long t0 = System.nanoTime();
                    ApiResponse r = reading(() -> api.listMoves(q, pageNo, settings.perPage(), SYSTEM_USER));
                    if (!r.ok()) {
                        throw new BadAnswerException(r.status(), "refresh stopped: " + ErrorBodies.fromJsonApi(r).summary());
                    }
                    PageReader.Page p = PageReader.read(r.requireJson());
                    long t1 = System.nanoTime();
                    readNanos += t1 - t0;
                    if (page == 1) {
                        total = Math.max(1, p.totalPages());
                        expectedPages += total - 1;
                    }
                    if (!p.locations().isEmpty()) {
                        cache.upsertLocations(p.locations());
                    }
                    skipped += cache.applyPage(p.people(), p.moves());
                    applyNanos += System.nanoTime() - t1;
                    p.moves().forEach(m -> seen.add(m.centralId()));
                    pages++;
                    moves += p.moves().size();
                    people += p.people().size();
                    if (p.moves().isEmpty()) {
                        break; // a shrinking result set: nothing more to read
                    }
                    page++;
                }
            }
            Set<UUID> left = new HashSet<>();
            cache.refreshedMovesAt(locations).forEach((central, local) -> {
                if (!seen.contains(central)) {
                    left.add(local);
                }
            });
            if (!left.isEmpty()) {
                cache.markNotRefreshed(left);
            }
            status.pullSucceeded();
            if (skipped > 0) {
                log.warn("refresh: {} moves refer to locations this desk does not know", skipped);
            }
            log.info("refresh: {} pages, {} moves, {} people, {} no longer in the window; reading {} ms, merging {} ms",
                    pages, moves, people, left.size(), readNanos / 1_000_000, applyNanos / 1_000_000);
            return new Result(pages, seen.size(), people, left.size(), readNanos / 1_000_000, applyNanos / 1_000_000);
        } finally {
            status.idle();
        }
    }

    /**
     * A read is safe to repeat: a lost answer (a pooled connection the server had closed, a reset)
     * is retried a few times with a short back-off before the refresh gives up until next time.
     */
    private ApiResponse reading(io.github.resilience4j.core.functions.CheckedSupplier<ApiResponse> call) throws IOException {
        try {
            return READS.executeCheckedSupplier(() -> {
                ApiResponse r = call.get();
                if (r.ok()) {
                    r.requireJson(); // a truncated or garbled page is as lost as a dropped one
                }
                return r;
            });
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    private static final io.github.resilience4j.retry.Retry READS = io.github.resilience4j.retry.Retry.of("central-reads",
            io.github.resilience4j.retry.RetryConfig.custom()
                    .maxAttempts(4)
                    .intervalFunction(io.github.resilience4j.core.IntervalFunction.ofExponentialRandomBackoff(
                            java.time.Duration.ofMillis(200), 2.0, 0.5, java.time.Duration.ofSeconds(5)))
                    .retryOnException(e -> e instanceof IOException && !(e instanceof org.movedesk.sync.auth.TokenException))
                    .build());

    private void refreshLocations() throws IOException {
        status.activity("Pulling locations", 0, 0);
        List<PulledLocation> all = new ArrayList<>();
        int page = 1;
        int total = 1;
        while (page <= total) {
            final int pageNo = page;
            ApiResponse r = reading(() -> api.locations(pageNo, 2000, SYSTEM_USER));
            if (!r.ok()) {
                throw new BadAnswerException(r.status(), "location refresh stopped: " + ErrorBodies.fromJsonApi(r).summary());
            }
            var doc = r.requireJson();
            for (var resource : doc.path("data")) {
                all.add(PageReader.location(resource));
            }
            total = Math.max(1, doc.path("meta").path("pagination").path("total_pages").asInt(1));
            if (doc.path("data").isEmpty()) {
                break;
            }
            page++;
        }
        if (!all.isEmpty()) {
            cache.upsertLocations(all);
        }
    }
}
