package org.movedesk.sandbox.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.anyOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsSubstring;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.methodIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

/**
 * Checks recorded Moves API answers against {@code shared/contracts/moves-api-v2.yaml} with the Atlassian
 * validator. The spec is parsed once per JVM. Only {@code /api/...} exchanges are checked: the token
 * endpoint and the Restricted Patients API are not in that file.
 *
 * <p>Two upstream gaps are handled here rather than by loosening the sandbox:
 * <ul>
 *   <li>{@code included} in the move documents lists Location, Gender, Ethnicity, Allocation, Profile and
 *   Supplier in its {@code anyOf}, but upstream also includes people ({@code profile.person}) and events
 *   ({@code timeline_events}). Such items are taken out of {@code included} and checked one by one against
 *   the spec's own {@code Person} and {@code Event} schemas instead.</li>
 *   <li>Statuses the real service sends but the spec does not list are whitelisted by exact key, status and
 *   route (see {@link #whitelist()}).</li>
 * </ul>
 */
public final class MovesContract {

    public static final String CONTRACTS_DIR_PROPERTY = "movedesk.contracts.dir";
    public static final String SPEC_FILE = "moves-api-v2.yaml";
    private static final String STATUS_UNKNOWN = "validation.response.status.unknown";
    /** Path rules see either the request path or the operation's template, depending on the check. */
    private static final String MOVE_ID = "[0-9a-f-]{36}|\\{move_id\\}";
    private static final String ADDITIONAL_PROPERTIES = "validation.response.body.schema.additionalProperties";
    private static final String PERSON_ID_EXTRA = "not allowed by the schema: [\"id\"]";
    private static final String PERSON_PROFILES_EXTRA = "not allowed by the schema: [\"profiles\"]";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Lists of up to 2,000 moves are checked on their first items only: every item has the same shape, and
     * validating thousands of them made the contract check the slowest part of the suite.
     */
    private static final int SAMPLE = 100;

    private static MovesContract instance;

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> personSchema;
    private final Schema<?> eventSchema;

    private MovesContract(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec.toUri().toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("could not parse " + spec);
        }
        this.validator = OpenApiInteractionValidator.createFor(api).withWhitelist(whitelist()).build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
        this.personSchema = api.getComponents().getSchemas().get("Person");
        this.eventSchema = api.getComponents().getSchemas().get("Event");
    }

    /** The contract, loaded on first use and shared by every test class in the JVM. */
    public static synchronized MovesContract get() {
        if (instance == null) {
            instance = new MovesContract(locateSpec());
        }
        return instance;
    }

    /**
     * Walks up from the working directory looking for {@code shared/contracts/moves-api-v2.yaml} (CI puts
     * {@code shared/} beside the clone); {@code -Dmovedesk.contracts.dir=DIR} names the folder directly.
     */
    public static Path locateSpec() {
        String override = System.getProperty(CONTRACTS_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override).resolve(SPEC_FILE);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("-D" + CONTRACTS_DIR_PROPERTY + "=" + override + " has no " + SPEC_FILE);
            }
            return file;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("contracts").resolve(SPEC_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/contracts/" + SPEC_FILE + " above " + start
                + "; set -D" + CONTRACTS_DIR_PROPERTY + "=<folder holding it>");
    }

    /**
     * Each rule names an exact message key and the status/route it covers, and says why the spec is wrong there.
     */
    static ValidationErrorsWhitelist whitelist() {
        return ValidationErrorsWhitelist.create()
                // JSON:API puts every resource's id at the top level, and upstream serialises people that way;
                // the v2 Person schema only has attributes.id (the sandbox sends both).
                .withRule("people carry the JSON:API top-level id", allOf(
                        messageHasKey(ADDITIONAL_PROPERTIES), messageContainsSubstring(PERSON_ID_EXTRA),
                        pathContainsRegexp("^/api/people")))
                // A person's relationships name their profiles (how include=profiles is linked in JSON:API);
                // the v2 Person schema lists only gender and ethnicity.
                .withRule("people link their profiles", allOf(
                        messageHasKey(ADDITIONAL_PROPERTIES), messageContainsSubstring(PERSON_PROFILES_EXTRA),
                        pathContainsRegexp("^/api/people")))
                // Upstream's Idempotency-Key middleware answers 409 on POST /api/moves and PATCH /api/moves/{id}
                // too (same key, different request), but the spec lists 409 only on the event endpoints.
                .withRule("409 on move create/update is real but undocumented", allOf(
                        messageHasKey(STATUS_UNKNOWN), responseStatusIs(409),
                        pathContainsRegexp("^/api/moves(/(" + MOVE_ID + "))?$")))
                // Unknown include / bad filter / bad paging values give 400 on the GETs (JSON:API rule that
                // upstream follows), but the GET operations list only 200/401/415 (and 404 for one move).
                .withRule("400 on GET for a bad include, filter or paging value is real but undocumented", allOf(
                        messageHasKey(STATUS_UNKNOWN), responseStatusIs(400),
                        methodIs(io.swagger.v3.oas.models.PathItem.HttpMethod.GET)))
                // 406 answers a request without "version=2" in Accept; the spec makes Accept required and
                // so never describes what happens without it.
                .withRule("406 for a missing API version is not described", allOf(
                        messageHasKey(STATUS_UNKNOWN), responseStatusIs(406)))
                // --- requests the sandbox accepted (2xx) are checked too; upstream accepts these, the spec does not:
                // include is declared as one enum value (style form, explode false, but type string), while
                // JSON:API and upstream take a comma-separated list, as the published walkthrough does.
                .withRule("include takes a comma-separated list", allOf(
                        messageHasKey("validation.request.parameter.schema.enum"),
                        messageContainsRegexp("Instance value \\(\"[a-z_.]+(,[a-z_.]+)+\"\\)")))
                // filter[move_type] lists only 4 of the 10 MoveType values the same API creates.
                .withRule("filter[move_type] enum is out of date", allOf(
                        messageHasKey("validation.request.parameter.schema.enum"),
                        messageContainsSubstring("possible values: [\"court_appearance\",\"police_transfer\",\"prison_recall\",\"prison_transfer\"]")))
                // Move.attributes requires status, but upstream (and DESIGN.md) default it to requested on create.
                .withRule("status defaults to requested on create", allOf(
                        messageHasKey("validation.request.body.schema.required"),
                        messageContainsSubstring("missing required properties ([\"status\"])"),
                        pathContainsRegexp("^/api/moves$")))
                // The published walkthrough sends notes with accept and start; their schemas name only timestamp.
                .withRule("notes on accept and start, as the walkthrough sends them", allOf(
                        messageHasKey("validation.request.body.schema.additionalProperties"),
                        messageContainsSubstring("not allowed by the schema: [\"notes\"]"),
                        pathContainsRegexp("^/api/moves/(" + MOVE_ID + ")/(accept|start)$")))
                // per_page above 2000 is capped by upstream's paginator, not refused; a test sends 5000 on purpose.
                .withRule("per_page above the maximum is capped", allOf(
                        messageHasKey("validation.request.parameter.schema.maximum"),
                        messageContainsSubstring("maximum: 2000")))
                // A route the API does not have answers 404; there is no operation in the spec to check it against.
                .withRule("404 for a route outside the contract", allOf(
                        messageHasKey("validation.request.path.missing"), responseStatusIs(404)))
                // Injected faults imitate the gateway in front of the API (rate limit, crash, outage);
                // no operation in the spec describes those answers.
                .withRule("injected 429/500/503 faults are gateway answers the spec does not describe", allOf(
                        messageHasKey(STATUS_UNKNOWN),
                        anyOf(responseStatusIs(429), responseStatusIs(500), responseStatusIs(503))));
    }

    /** Problems in one exchange (empty when it matches the contract or is not a Moves API call). */
    public List<String> problems(Exchange exchange) {
        List<String> problems = new ArrayList<>();
        if (!exchange.path().startsWith("/api/")) {
            return problems;
        }
        String body = exchange.responseBody();
        if (body != null && !body.isEmpty() && exchange.status() < 300) {
            body = checkIncludedExtras(body, problems);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        for (Map.Entry<String, List<String>> header : exchange.responseHeaders().entrySet()) {
            if (header.getKey() != null && !header.getKey().startsWith(":")) {
                response.withHeader(header.getKey(), header.getValue());
            }
        }
        ValidationReport report;
        if (exchange.status() < 300) {
            // an answer the sandbox accepted: the request must be contract-valid too, or the sandbox is too lenient
            report = validator.validate(request(exchange), response.build());
        } else {
            report = validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), response.build());
        }
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(exchange + ": [" + message.getKey() + "] " + message.getMessage()
                        + (message.getNestedMessages().isEmpty() ? "" : " " + message.getNestedMessages()));
            }
        }
        return problems;
    }

    private static void sample(ObjectNode root, String field) {
        JsonNode array = root.get(field);
        if (array != null && array.isArray() && array.size() > SAMPLE) {
            ArrayNode first = MAPPER.createArrayNode();
            for (int i = 0; i < SAMPLE; i++) {
                first.add(array.get(i));
            }
            root.set(field, first);
        }
    }

    private static Request request(Exchange exchange) {
        com.atlassian.oai.validator.model.SimpleRequest.Builder builder =
                new com.atlassian.oai.validator.model.SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody());
        }
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                builder.withQueryParam(name, value);
            }
        }
        return builder.build();
    }

    /** Takes people and events out of {@code included}, checking each against its own schema. */
    private String checkIncludedExtras(String body, List<String> problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            problems.add("answer is not JSON: " + e.getMessage());
            return body;
        }
        if (!root.isObject()) {
            return body;
        }
        sample((ObjectNode) root, "data");
        sample((ObjectNode) root, "included");
        if (!root.has("included") || !root.get("included").isArray()) {
            return root.toString();
        }
        ArrayNode kept = MAPPER.createArrayNode();
        for (JsonNode item : root.get("included")) {
            String type = item.path("type").asText();
            Schema<?> schema = type.equals("people") ? personSchema : type.equals("events") ? eventSchema : null;
            if (schema == null) {
                kept.add(item);
                continue;
            }
            ValidationReport report = schemas.validate(item.toString(), schema, "validation.response.body.included");
            for (ValidationReport.Message message : report.getMessages()) {
                boolean personExtra = type.equals("people") && message.getKey().endsWith("schema.additionalProperties")
                        && (message.getMessage().contains(PERSON_ID_EXTRA) || message.getMessage().contains(PERSON_PROFILES_EXTRA));
                // same two whitelisted person extras as above, for people inside a move's "included"
                if (message.getLevel() == ValidationReport.Level.ERROR && !personExtra) {
                    problems.add("included " + type + " " + item.path("id").asText() + ": [" + message.getKey() + "] "
                            + message.getMessage());
                }
            }
        }
        ((ObjectNode) root).set("included", kept);
        return root.toString();
    }
}
