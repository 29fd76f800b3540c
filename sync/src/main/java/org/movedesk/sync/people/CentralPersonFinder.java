package org.movedesk.sync.people;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.core.people.CentralPersonSource;
import org.movedesk.core.people.PersonData;
import org.movedesk.sync.auth.TokenException;
import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.moves.JsonApi;
import org.movedesk.sync.moves.MovesApiClient;

/**
 * Core's {@link CentralPersonSource} over the Moves API: {@code GET /api/people?filter[prison_number]=…&include=profiles}
 * on sync's shared client (bearer token, v2 {@code Accept}, the operator as {@code X-Current-User}).
 * Every kind of trouble becomes {@link CentralPersonAnswer.Unavailable} with a sentence that says
 * what to do, so the booking wizard can show it as it is and offer to record the person offline.
 */
public final class CentralPersonFinder implements CentralPersonSource {

    private static final Logger LOG = LoggerFactory.getLogger(CentralPersonFinder.class);

    static final String UNREACHABLE = "The centre could not be reached, so the person could not be looked up there. "
            + "Check the network, or record the person at this desk; the centre is told when the desk is online.";
    static final String REFUSED = "The centre refused this desk's credentials, so the person could not be looked up there. "
            + "Ask an administrator to check the client id and secret (Administration, Central service).";
    static final String STOPPED = "The look-up was stopped before the centre answered.";
    static final String TIMED_OUT = "The centre took too long to answer. Try again in a moment, or record the person at this desk.";

    private final MovesApiClient moves;
    private final String operator;

    /** @param operator sent as {@code X-Current-User} (may be null: the desk asks on its own behalf) */
    public CentralPersonFinder(MovesApiClient moves, String operator) {
        this.moves = moves;
        this.operator = operator;
    }

    public CentralPersonFinder(MovesApiClient moves) {
        this(moves, null);
    }

    /** The same finder asking on behalf of {@code username}. */
    public CentralPersonFinder forOperator(String username) {
        return new CentralPersonFinder(moves, username);
    }

    @Override
    public CentralPersonAnswer findByPrisonNumber(String prisonNumber) {
        String wanted = prisonNumber == null ? "" : prisonNumber.trim().toUpperCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return new CentralPersonAnswer.NotFound();
        }
        ApiResponse answer;
        try {
            answer = moves.findPeople(wanted, operator);
        } catch (TokenException refused) {
            LOG.info("Central person look-up refused at the token step: {}", refused.toString());
            return new CentralPersonAnswer.Unavailable(REFUSED);
        } catch (InterruptedIOException slow) {
            if (Thread.currentThread().isInterrupted()) {
                // the operator gave up waiting; nobody reads this answer
                return new CentralPersonAnswer.Unavailable(STOPPED);
            }
            LOG.info("Central person look-up timed out: {}", slow.toString());
            return new CentralPersonAnswer.Unavailable(TIMED_OUT);
        } catch (IOException | RuntimeException unreachable) {
            LOG.info("Central person look-up failed: {}", unreachable.toString());
            return new CentralPersonAnswer.Unavailable(UNREACHABLE);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return new CentralPersonAnswer.Unavailable(REFUSED);
        }
        if (answer.status() == 504) {
            return new CentralPersonAnswer.Unavailable(TIMED_OUT);
        }
        if (answer.ok() && answer.json() == null) {
            return unreadable();
        }
        if (!answer.ok()) {
            LOG.info("Central person look-up answered HTTP {}: {}", answer.status(), answer.preview());
            return new CentralPersonAnswer.Unavailable("The centre answered the look-up with an error (HTTP " + answer.status()
                    + "). Try again later, or record the person at this desk.");
        }
        return read(answer.json(), wanted);
    }

    /** The person whose prison number matches (the filter is case-insensitive centrally; we check again). */
    static CentralPersonAnswer read(JsonNode document, String wanted) {
        JsonNode data = document.path("data");
        if (!data.isArray()) {
            return unreadable();
        }
        for (JsonNode resource : data) {
            String number = JsonApi.attribute(resource, "prison_number");
            String id = resource.path("id").asText("");
            if (number != null && number.trim().equalsIgnoreCase(wanted) && !id.isBlank()) {
                return new CentralPersonAnswer.Found(person(resource));
            }
        }
        return new CentralPersonAnswer.NotFound();
    }

    private static CentralPersonAnswer unreadable() {
        return new CentralPersonAnswer.Unavailable(
                "The centre's answer to the look-up could not be read. Try again later, or record the person at this desk.");
    }

    private static PersonData person(JsonNode r) {
        String gender = JsonApi.attribute(r, "gender") != null ? JsonApi.attribute(r, "gender") : JsonApi.relationshipId(r, "gender");
        JsonNode profiles = r.path("relationships").path("profiles").path("data");
        // the newest profile is last, as PersonActionSender reads it when it confirms a profile
        String profile = profiles.isArray() && !profiles.isEmpty() ? profiles.get(profiles.size() - 1).path("id").asText(null) : null;
        return new PersonData(r.path("id").asText(), JsonApi.attribute(r, "prison_number").trim().toUpperCase(Locale.ROOT),
                JsonApi.attribute(r, "police_national_computer"), JsonApi.attribute(r, "first_names"),
                JsonApi.attribute(r, "last_name"), date(JsonApi.attribute(r, "date_of_birth")), gender, profile);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
