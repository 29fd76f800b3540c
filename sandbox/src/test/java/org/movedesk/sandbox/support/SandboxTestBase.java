package org.movedesk.sandbox.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sandbox per test class on a free port, real HTTP through {@link ApiClient}, and a contract check of
 * every recorded Moves API answer when the class is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SandboxTestBase {

    protected static final ObjectMapper MAPPER = new ObjectMapper();

    protected final Recorder recorder = new Recorder();
    protected Sandbox sandbox;
    protected ApiClient api;

    /** Override to change the seed data, clock or faults. */
    protected SandboxConfig config() {
        return SandboxConfig.builder().people(300).build();
    }

    @BeforeAll
    void startSandbox() {
        sandbox = Sandbox.start(config());
        api = new ApiClient(sandbox.baseUri(), recorder);
    }

    @AfterAll
    void checkContractAndStop() {
        try {
            List<String> problems = new ArrayList<>();
            MovesContract contract = MovesContract.get();
            recorder.exchanges().forEach(e -> problems.addAll(contract.problems(e)));
            assertThat(problems).as("Moves API answers that break moves-api-v2.yaml").isEmpty();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    protected SandboxState state() {
        return sandbox.state();
    }

    protected SandboxState.LocationSnapshot location(String agencyId) {
        return state().locationByAgencyId(agencyId).orElseThrow();
    }

    /** A seeded person currently in prison, with the profile the seed gave them. */
    protected SandboxState.PersonSnapshot prisoner(int index) {
        return state().peopleInPrison().get(index);
    }

    protected static ObjectNode obj(Object... keyValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], MAPPER.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    protected static Map<String, Object> ref(String type, Object id) {
        return Map.of("data", Map.of("type", type, "id", id.toString()));
    }

    /** A POST /api/moves body. */
    protected static ObjectNode moveBody(String moveType, LocalDate date, Object profileId, Object fromId, Object toId) {
        ObjectNode attributes = obj("move_type", moveType);
        if (date != null) {
            attributes.put("date", date.toString());
        }
        ObjectNode relationships = MAPPER.createObjectNode();
        if (profileId != null) {
            relationships.set("profile", MAPPER.valueToTree(ref("profiles", profileId)));
        }
        if (fromId != null) {
            relationships.set("from_location", MAPPER.valueToTree(ref("locations", fromId)));
        }
        if (toId != null) {
            relationships.set("to_location", MAPPER.valueToTree(ref("locations", toId)));
        }
        return obj("data", obj("type", "moves", "attributes", attributes, "relationships", relationships));
    }

    protected static ObjectNode eventBody(String type, Object... attributes) {
        ObjectNode attrs = obj(attributes);
        if (!attrs.has("timestamp")) {
            attrs.put("timestamp", "2026-11-25T10:00:00Z");
        }
        return obj("data", obj("type", type, "attributes", attrs));
    }

    /** Books a requested move for a seeded prisoner and returns the 201 document's data. */
    protected JsonNode bookMove(SandboxState.PersonSnapshot person, String toAgency, LocalDate date) {
        Answer answer = api.postIdempotent("/api/moves", moveBody("prison_transfer", date, person.profileIds().get(0),
                location(person.prisonAgencyId()).id(), location(toAgency).id()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("data");
    }
}
