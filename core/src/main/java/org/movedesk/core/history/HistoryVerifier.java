package org.movedesk.core.history;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the chain from the first entry and reports the first link that does not hold. */
@Service
public class HistoryVerifier {

    public static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    private final HistoryRepository history;

    @PersistenceContext
    private EntityManager em;

    public HistoryVerifier(HistoryRepository history) {
        this.history = history;
    }

    /** ok, or the id of the first entry whose hash or link to its predecessor is wrong. */
    public record Result(boolean ok, Long firstBrokenId, long checked, String reason) {
        public static Result ok(long checked) {
            return new Result(true, null, checked, null);
        }
    }

    @Transactional(readOnly = true)
    public Result verify() {
        String expectedPrev = GENESIS;
        long expectedId = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<HistoryEntry> batch = history.findByIdGreaterThanOrderByIdAsc(after, PageRequest.of(0, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            for (HistoryEntry e : batch) {
                if (e.getId() != expectedId) {
                    return new Result(false, e.getId(), checked, "entry " + expectedId + " is missing");
                }
                if (!expectedPrev.equals(e.getPrevHash())) {
                    return new Result(false, e.getId(), checked, "link to the previous entry is broken");
                }
                if (!HistoryHash.of(e).equals(e.getHash())) {
                    return new Result(false, e.getId(), checked, "content does not match its hash");
                }
                expectedPrev = e.getHash();
                expectedId++;
                checked++;
                after = e.getId();
            }
            em.clear();
        }
        Object[] head = (Object[]) em.createNativeQuery("select last_id, last_hash from history_head where id = 1")
                .getSingleResult();
        if (((Number) head[0]).longValue() != after || !expectedPrev.equals(head[1])) {
            return new Result(false, after + 1, checked, "entries after " + after + " were removed");
        }
        return Result.ok(checked);
    }
}
