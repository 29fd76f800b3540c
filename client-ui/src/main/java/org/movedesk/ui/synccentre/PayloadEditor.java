package org.movedesk.ui.synccentre;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.movedesk.core.common.Json;

/**
 * An editor for the neutral JSON payload of a failed outbox entry: one text field per
 * top-level value, checked as the operator types (numbers stay numbers, dates stay ISO dates,
 * ids stay ids, the RP API's length limits hold, required values stay filled). Nested values
 * are kept as they are and shown read-only. {@link #editedJson()} builds the payload to resend.
 */
public final class PayloadEditor {

    /** The kind of value a field holds, from its name and original value. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, DATE, DATE_TIME, UUID, NESTED }

    /** Fields core or the centre accept empty. */
    private static final Set<String> OPTIONAL = Set.of("notes", "commentText", "cancellationComment", "supportingPrisonId",
            "timeDue", "rebook", "toLocationId", "pncNumber", "gender", "dateOfBirth");

    /** The RP API's limits (see the Restricted Patients API contract). */
    private static final Map<String, Integer> MAX_LENGTH = Map.of("offenderNo", 7, "fromLocationId", 5,
            "hospitalLocationCode", 10, "supportingPrisonId", 5, "commentText", 240, "prisonNumber", 7);

    /** One editable value. */
    public static final class Field {
        private final String name;
        private final Kind kind;
        private final JsonNode original;
        private final StringProperty text = new SimpleStringProperty();
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        Field(String name, Kind kind, JsonNode original) {
            this.name = name;
            this.kind = kind;
            this.original = original;
            text.set(original == null || original.isNull() ? "" : kind == Kind.NESTED ? original.toString() : original.asText());
            text.addListener((obs, old, now) -> check());
            check();
        }

        public String name() {
            return name;
        }

        public Kind kind() {
            return kind;
        }

        public boolean editable() {
            return kind != Kind.NESTED;
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        public boolean changed() {
            String was = original == null || original.isNull() ? "" : kind == Kind.NESTED ? original.toString() : original.asText();
            return !was.equals(text.get());
        }

        private void check() {
            problem.set(problemWith(text.get() == null ? "" : text.get().trim()));
        }

        private String problemWith(String value) {
            if (value.isEmpty()) {
                boolean required = !OPTIONAL.contains(name) && original != null && !original.isNull();
                return required ? name + " is required." : "";
            }
            Integer max = MAX_LENGTH.get(name);
            if (max != null && value.length() > max) {
                return name + " can be at most " + max + " characters; it has " + value.length() + ".";
            }
            try {
                switch (kind) {
                    case NUMBER -> Double.parseDouble(value);
                    case BOOLEAN -> {
                        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                            return name + " must be true or false.";
                        }
                    }
                    case DATE -> LocalDate.parse(value);
                    case DATE_TIME -> parseDateTime(value);
                    case UUID -> java.util.UUID.fromString(value);
                    default -> {
                        // free text
                    }
                }
            } catch (NumberFormatException | DateTimeParseException wrong) {
                return switch (kind) {
                    case NUMBER -> name + " must be a number.";
                    case DATE -> name + " must be a date like 2026-03-31.";
                    case DATE_TIME -> name + " must be a date and time like 2026-03-31T14:05:00.";
                    case UUID -> name + " must be an id like 0b6f2c1e-...; copy it, do not type it.";
                    default -> name + " is not valid.";
                };
            } catch (IllegalArgumentException notUuid) {
                return name + " must be an id like 0b6f2c1e-...; copy it, do not type it.";
            }
            return "";
        }

        private static void parseDateTime(String value) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException notOffset) {
                LocalDateTime.parse(value);
            }
        }

        JsonNode value(ObjectNode factory) {
            String value = text.get() == null ? "" : text.get().trim();
            if (kind == Kind.NESTED) {
                return original;
            }
            if (value.isEmpty()) {
                return factory.nullNode();
            }
            return switch (kind) {
                case NUMBER -> value.contains(".") ? factory.numberNode(Double.parseDouble(value))
                        : factory.numberNode(Long.parseLong(value));
                case BOOLEAN -> factory.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
                default -> factory.textNode(value);
            };
        }
    }

    private final List<Field> fields = new ArrayList<>();

    private PayloadEditor() {
    }

    /** Fails with a sentence when the stored payload is not a JSON object (it always is, unless damaged). */
    public static PayloadEditor of(String payload) {
        JsonNode root = Json.read(payload);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("This change's payload is not a JSON object and cannot be edited here; "
                    + "discard it and record the change again.");
        }
        PayloadEditor editor = new PayloadEditor();
        Iterator<Map.Entry<String, JsonNode>> values = root.fields();
        while (values.hasNext()) {
            Map.Entry<String, JsonNode> entry = values.next();
            editor.fields.add(new Field(entry.getKey(), kindOf(entry.getKey(), entry.getValue()), entry.getValue()));
        }
        return editor;
    }

    static Kind kindOf(String name, JsonNode value) {
        if (value != null && (value.isObject() || value.isArray())) {
            return Kind.NESTED;
        }
        if (value != null && value.getNodeType() == JsonNodeType.NUMBER) {
            return Kind.NUMBER;
        }
        if (value != null && value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        String text = value == null || value.isNull() ? "" : value.asText();
        String lower = name.toLowerCase(Locale.ROOT);
        if (looksLikeUuid(text)) {
            return Kind.UUID;
        }
        if (lower.endsWith("time") || lower.equals("timestamp") || lower.endsWith("at")) {
            return text.contains("T") || text.isEmpty() ? Kind.DATE_TIME : Kind.TEXT;
        }
        if (lower.endsWith("date") || lower.equals("dateofbirth")) {
            return Kind.DATE;
        }
        return Kind.TEXT;
    }

    private static boolean looksLikeUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text) != null;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    public List<Field> fields() {
        return fields;
    }

    /** Every problem, one line per field; empty when the payload can be resent. */
    public List<String> problems() {
        return fields.stream().map(field -> field.problemProperty().get()).filter(problem -> !problem.isEmpty()).toList();
    }

    public boolean changed() {
        return fields.stream().anyMatch(Field::changed);
    }

    /** The payload with the operator's values, in the original field order. */
    public String editedJson() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException(String.join(" ", problems()));
        }
        ObjectNode out = Json.object();
        for (Field field : fields) {
            out.set(field.name(), field.value(out));
        }
        return Json.write(out);
    }
}
