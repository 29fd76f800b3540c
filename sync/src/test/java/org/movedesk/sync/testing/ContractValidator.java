package org.movedesk.sync.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks recorded Moves API requests against {@code shared/contracts/moves-api-v2.yaml}.
 * The file is found by walking up from the working directory (overridable with
 * {@code -Dmovedesk.contracts.dir}) and parsed once per JVM: it is large.
 */
public final class ContractValidator {

    private static volatile OpenApiInteractionValidator validator;

    private ContractValidator() {
    }

    public static Path contractFile() {
        String dir = System.getProperty("movedesk.contracts.dir");
        if (dir != null && !dir.isBlank()) {
            Path p = Path.of(dir).resolve("moves-api-v2.yaml");
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new IllegalStateException("movedesk.contracts.dir=" + dir + " has no moves-api-v2.yaml");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/contracts/moves-api-v2.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/contracts/moves-api-v2.yaml not found above "
                + Path.of("").toAbsolutePath() + "; set -Dmovedesk.contracts.dir");
    }

    static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (ContractValidator.class) {
                v = validator;
                if (v == null) {
                    // parsed here rather than by the validator: the upstream spec has array alternatives
                    // without "items" (JSON:API relationship data), which the parser reports but copes with;
                    // the validator would refuse the whole file over those messages
                    io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
                    options.setResolve(true);
                    var result = new io.swagger.v3.parser.OpenAPIV3Parser().readLocation(
                            contractFile().toUri().toString(), null, options);
                    if (result.getOpenAPI() == null) {
                        throw new IllegalStateException("cannot parse the contract: " + result.getMessages());
                    }
                    v = OpenApiInteractionValidator.createFor(result.getOpenAPI()).build();
                    validator = v;
                }
            }
        }
        return v;
    }

    /** The problems found in one request; empty when it matches the contract. */
    public static List<String> problems(RecordedExchange e) {
        List<String> includes = e.query().getOrDefault("include", List.of());
        if (includes.size() == 1 && includes.get(0).contains(",")) {
            // The spec declares "include" as one enum value (form style, not exploded), yet the API
            // takes a comma-separated list (JSON:API). Check the request with the first value and
            // every further value on its own, so each one still has to be in the enum.
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            for (String part : includes.get(0).split(",")) {
                out.addAll(problems(withInclude(e, part)));
            }
            return new ArrayList<>(out);
        }
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(e.method()), e.path());
        for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
            b.withHeader(h.getKey(), h.getValue());
        }
        for (Map.Entry<String, List<String>> q : e.query().entrySet()) {
            b.withQueryParam(q.getKey(), q.getValue());
        }
        if (e.body() != null) {
            b.withBody(e.body());
        }
        ValidationReport report = validator().validateRequest(b.build());
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(e.method() + " " + e.path() + ": " + m.getKey() + " " + m.getMessage());
            }
        }
        return out;
    }

    private static RecordedExchange withInclude(RecordedExchange e, String include) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>(e.query());
        query.put("include", List.of(include));
        return new RecordedExchange(e.method(), e.url(), e.path(), query, e.headers(), e.body(), e.status());
    }

    /** Problems across every recorded request under {@code /api/}. */
    public static List<String> problems(List<RecordedExchange> exchanges) {
        List<String> out = new ArrayList<>();
        for (RecordedExchange e : exchanges) {
            if (e.path().startsWith("/api/")) {
                out.addAll(problems(e));
            }
        }
        return out;
    }
}
