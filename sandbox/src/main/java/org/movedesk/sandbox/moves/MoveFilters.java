package org.movedesk.sandbox.moves;

import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.locations.Location;
import org.movedesk.sandbox.people.Person;
import org.movedesk.sandbox.world.World;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The filters and sort order of {@code GET /api/moves}; a value that cannot mean anything is 400. */
final class MoveFilters {

    private static final List<String> SORT_BY = List.of("name", "from_location", "to_location",
            "prison_transfer_reason", "created_at", "date", "date_from");

    private MoveFilters() {
    }

    static Predicate<Move> filter(HttpCall call) {
        LocalDate dateFrom = date(call, "filter[date_from]");
        LocalDate dateTo = date(call, "filter[date_to]");
        LocalDate createdFrom = date(call, "filter[created_at_from]");
        LocalDate createdTo = date(call, "filter[created_at_to]");
        Set<String> statuses = values(call, "filter[status]", Move.STATUSES);
        Set<String> types = values(call, "filter[move_type]", Move.MOVE_TYPES);
        Set<UUID> from = ids(call, "filter[from_location_id]");
        Set<UUID> to = ids(call, "filter[to_location_id]");
        Set<UUID> people = ids(call, "filter[person_id]");
        Set<UUID> profiles = ids(call, "filter[profile_id]");
        Set<String> references = values(call, "filter[reference]", null);
        Set<String> cancellationReasons = values(call, "filter[cancellation_reason]", null);
        Set<String> rejectionReasons = values(call, "filter[rejection_reason]", null);
        Predicate<Move> p = m -> true;
        if (dateFrom != null) {
            p = p.and(m -> m.date() != null && !m.date().isBefore(dateFrom));
        }
        if (dateTo != null) {
            p = p.and(m -> m.date() != null && !m.date().isAfter(dateTo));
        }
        if (createdFrom != null) {
            p = p.and(m -> !m.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(createdFrom));
        }
        if (createdTo != null) {
            p = p.and(m -> !m.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(createdTo));
        }
        if (statuses != null) {
            p = p.and(m -> statuses.contains(m.status()));
        }
        if (types != null) {
            p = p.and(m -> types.contains(m.moveType()));
        }
        if (from != null) {
            p = p.and(m -> from.contains(m.fromLocationId()));
        }
        if (to != null) {
            p = p.and(m -> m.toLocationId() != null && to.contains(m.toLocationId()));
        }
        if (people != null) {
            p = p.and(m -> m.personId() != null && people.contains(m.personId()));
        }
        if (profiles != null) {
            p = p.and(m -> m.profileId() != null && profiles.contains(m.profileId()));
        }
        if (references != null) {
            Set<String> upper = references.stream().map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            p = p.and(m -> upper.contains(m.reference()));
        }
        if (cancellationReasons != null) {
            p = p.and(m -> cancellationReasons.contains(m.cancellationReason()));
        }
        if (rejectionReasons != null) {
            p = p.and(m -> rejectionReasons.contains(m.rejectionReason()));
        }
        return p;
    }

    /** Sort order; ties fall back to the reference so pages never overlap. */
    static Comparator<Move> sort(HttpCall call, World world) {
        String by = call.param("sort[by]");
        String direction = call.param("sort[direction]");
        if (by != null && !SORT_BY.contains(by)) {
            throw ApiError.badRequest("sort[by] " + by + " is not supported. Valid values are: " + String.join(", ", SORT_BY));
        }
        if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
            throw ApiError.badRequest("sort[direction] must be asc or desc, was " + direction);
        }
        Comparator<Move> order = switch (by == null ? "date" : by) {
            case "name" -> Comparator.comparing((Move m) -> personName(m, world), Comparator.nullsLast(Comparator.naturalOrder()));
            case "from_location" -> Comparator.comparing((Move m) -> locationTitle(m.fromLocationId(), world), Comparator.nullsLast(Comparator.naturalOrder()));
            case "to_location" -> Comparator.comparing((Move m) -> locationTitle(m.toLocationId(), world), Comparator.nullsLast(Comparator.naturalOrder()));
            case "created_at" -> Comparator.comparing(Move::createdAt);
            case "date_from" -> Comparator.comparing(Move::dateFrom, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparing(Move::date, Comparator.nullsLast(Comparator.naturalOrder()));
        };
        if ("desc".equals(direction)) {
            order = order.reversed();
        }
        return order.thenComparing(Move::reference);
    }

    private static String personName(Move move, World world) {
        return move.personId() == null ? null : world.people().byId(move.personId())
                .map((Person p) -> p.lastName() + ", " + p.firstNames()).orElse(null);
    }

    private static String locationTitle(UUID id, World world) {
        return id == null ? null : world.locations().byId(id).map(Location::title).orElse(null);
    }

    private static LocalDate date(HttpCall call, String name) {
        String value = call.param(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = Times.parseDate(value.trim());
        if (date == null) {
            throw ApiError.badRequest(name + " must be a date like 2026-05-17, was " + value);
        }
        return date;
    }

    private static Set<String> values(HttpCall call, String name, List<String> allowed) {
        return list(call, name, v -> {
            if (allowed != null && !allowed.contains(v)) {
                throw ApiError.badRequest(name + " " + v + " is not supported. Valid values are: " + String.join(", ", allowed));
            }
            return v;
        });
    }

    private static Set<UUID> ids(HttpCall call, String name) {
        return list(call, name, v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(name + " must be a comma-separated list of UUIDs, found " + v);
            }
        });
    }

    private static <T> Set<T> list(HttpCall call, String name, Function<String, T> convert) {
        String value = call.param(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(convert)
                .collect(Collectors.toSet());
    }
}
