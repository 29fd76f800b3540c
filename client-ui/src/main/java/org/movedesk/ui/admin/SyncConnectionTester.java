package org.movedesk.ui.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.movedesk.sync.CentralClients;
import org.movedesk.sync.auth.TokenException;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.common.BackgroundTask;

/**
 * Tests a connection with sync's own clients (the same token cache, timeouts and proxy
 * handling the push worker uses), on a throw-away client so the running sync is untouched:
 * first a token (wrong client id or secret shows here), then one small read of today's moves
 * (unreachable or refusing URLs show here); the server's {@code Date} gives its time.
 */
public final class SyncConnectionTester implements ConnectionTester {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final Clock clock;

    public SyncConnectionTester(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Result test(CentralProperties settings, BackgroundTask.Progress progress) {
        SyncStatus observer = new SyncStatus(clock);
        try (CentralClients clients = new CentralClients(settings.withTimeouts(new CentralProperties.Timeouts(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20))),
                new ObjectMapper().findAndRegisterModules(), observer, clock, List.of())) {
            progress.update(0, 2);
            progress.message("Asking " + settings.tokenUrl() + " for a token");
            clients.tokens().token();
            if (progress.isCancelled()) {
                return new Result(Outcome.REFUSED, "Test cancelled.", null, null);
            }
            progress.update(1, 2);
            progress.message("Reading today's moves from " + settings.movesUrl());
            ApiResponse answer = clients.moves().probe(LocalDate.now(clock));
            progress.update(2, 2);
            if (answer.status() == 401 || answer.status() == 403) {
                return new Result(Outcome.WRONG_CREDENTIALS, "The token was issued but the Moves API refused it (HTTP "
                        + answer.status() + "). The client id may lack access to the Moves API; ask the central team.", null, null);
            }
            if (!answer.ok()) {
                return new Result(Outcome.REFUSED, "The Moves API at " + settings.movesUrl() + " answered HTTP " + answer.status()
                        + ". Check the Moves API URL (it should be the base address, without /api).", null, null);
            }
            // the traffic observer read the answer's Date header: skew = server time - desk time
            Duration difference = observer.current().clockSkew();
            Instant server = difference == null ? null : Instant.now(clock).plus(difference);
            String time = server == null ? "" : " The centre's time is " + TIME.format(server.atZone(ZoneId.systemDefault())) + ".";
            String skew = difference != null && difference.abs().compareTo(SyncStatus.SKEW_TOLERANCE) > 0
                    ? " This computer's clock differs by " + difference.abs().toSeconds() + " s: ask IT to correct it." : "";
            return new Result(Outcome.OK, "Connected: the token service and the Moves API answered." + time + skew,
                    server, difference);
        } catch (TokenException refused) {
            return new Result(Outcome.WRONG_CREDENTIALS, "The token service refused the client id or secret (HTTP "
                    + refused.status() + "). Check both with the central team, type the secret again and test once more.",
                    null, null);
        } catch (UnknownHostException | ConnectException | SocketTimeoutException unreachable) {
            return new Result(Outcome.UNREACHABLE, "Could not reach the centre (" + describe(unreachable) + "). Check the URLs, "
                    + "that this computer is on the network (VPN), and the proxy settings; then test again.", null, null);
        } catch (IOException other) {
            return new Result(Outcome.UNREACHABLE, "The centre could not be reached properly: " + describe(other)
                    + ". Check the URLs and the network, then test again.", null, null);
        } catch (IllegalArgumentException | NullPointerException badSettings) {
            return new Result(Outcome.REFUSED, "These settings cannot be used: " + describe(badSettings), null, null);
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
