package org.movedesk.core.history;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.Session;
import org.movedesk.core.common.Times;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the hash chain. The head row is locked for the rest of the transaction, so
 * concurrent actions chain one after the other and ids stay gap-free; a rolled-back action
 * leaves neither its entry nor a moved head behind.
 */
@Component
public class HistoryRecorder {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    public HistoryRecorder(Clock clock) {
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public HistoryEntry append(HistoryDraft draft) {
        // native query: Hibernate flushes pending entity changes first, so a stale move version
        // fails here, before the history head is locked
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_id, last_hash from history_head where id = 1 for update").getSingleResult();
        long id = ((Number) head[0]).longValue() + 1;
        String prevHash = (String) head[1];
        Instant now = Times.now(clock);
        HistoryEntry entry = new HistoryEntry(id, now, draft, prevHash);
        em.persist(entry);
        em.createNativeQuery("update history_head set last_id = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, id).setParameter(2, entry.getHash()).executeUpdate();
        HistoryLink.remember(id);
        return entry;
    }

    /**
     * Appends many entries in one go (a pulled page): the head is locked and moved once, the rows
     * go in as one JDBC batch, and each entry still chains to the one before it exactly as
     * {@link #append} would have chained them one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HistoryEntry> appendAll(List<HistoryDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_id, last_hash from history_head where id = 1 for update").getSingleResult();
        long id = ((Number) head[0]).longValue();
        String prevHash = (String) head[1];
        Instant now = Times.now(clock);
        List<HistoryEntry> entries = new ArrayList<>(drafts.size());
        for (HistoryDraft d : drafts) {
            HistoryEntry entry = new HistoryEntry(++id, now, d, prevHash);
            entries.add(entry);
            prevHash = entry.getHash();
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into history (id, occurred_at, recorded_at, operator,"
                    + " desk_id, aggregate_type, aggregate_id, location_id, to_location_id, move_reference, prison_number,"
                    + " event_type, move_type, status, before_json, after_json, notes, source, prev_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (HistoryEntry e : entries) {
                    ps.setLong(1, e.getId());
                    ps.setObject(2, e.getOccurredAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(3, e.getRecordedAt().atOffset(ZoneOffset.UTC));
                    ps.setString(4, e.getOperator());
                    ps.setString(5, e.getDeskId());
                    ps.setString(6, e.getAggregateType().name());
                    ps.setString(7, e.getAggregateId());
                    setUuid(ps, 8, e.getLocationId());
                    setUuid(ps, 9, e.getToLocationId());
                    ps.setString(10, e.getMoveReference());
                    ps.setString(11, e.getPrisonNumber());
                    ps.setString(12, e.getEventType());
                    ps.setString(13, e.getMoveType() == null ? null : e.getMoveType().name());
                    ps.setString(14, e.getStatus() == null ? null : e.getStatus().name());
                    ps.setString(15, e.getBefore());
                    ps.setString(16, e.getAfter());
                    ps.setString(17, e.getNotes());
                    ps.setString(18, e.getSource());
                    ps.setString(19, e.getPrevHash());
                    ps.setString(20, e.getHash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        em.createNativeQuery("update history_head set last_id = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, id).setParameter(2, prevHash).executeUpdate();
        HistoryLink.remember(id);
        return entries;
    }

    private static void setUuid(PreparedStatement ps, int index, java.util.UUID value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }
}
