package org.movedesk.core.moves;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read-only facts the push side needs to build a request that its outbox payload does not carry
 * (central ids of the move, person and profile; the move's date). One-column reads, no entities:
 * the push worker asks for one of these per entry it sends.
 */
@Service
public class CentralIdLookup {

    private final NamedParameterJdbcTemplate jdbc;

    public CentralIdLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> moveCentralId(UUID moveId) {
        return one("select central_id from move where id = :id", moveId, String.class);
    }

    public Optional<LocalDate> moveDate(UUID moveId) {
        return one("select move_date from move where id = :id", moveId, LocalDate.class);
    }

    public Optional<String> personCentralId(UUID personId) {
        return one("select central_id from person where id = :id", personId, String.class);
    }

    public Optional<String> personPrisonNumber(UUID personId) {
        return one("select prison_number from person where id = :id", personId, String.class);
    }

    public Optional<String> profileCentralId(UUID profileId) {
        return one("select central_id from profile where id = :id", profileId, String.class);
    }

    /** Empty when there is no such row or the column is null (as the entity reads did). */
    private <T> Optional<T> one(String sql, UUID id, Class<T> type) {
        List<T> rows = jdbc.query(sql, new MapSqlParameterSource("id", id), (rs, n) -> rs.getObject(1, type));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }
}
