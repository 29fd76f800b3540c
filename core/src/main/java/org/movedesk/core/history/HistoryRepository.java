package org.movedesk.core.history;

import java.util.List;

import org.movedesk.core.outbox.AggregateType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable page);

    List<HistoryEntry> findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType type, String aggregateId);
}
