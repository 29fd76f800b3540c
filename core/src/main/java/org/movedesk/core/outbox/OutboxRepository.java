package org.movedesk.core.outbox;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    @Query("select coalesce(max(o.seq), 0) from OutboxEntry o where o.channel = :channel"
            + " and o.aggregateType = :type and o.aggregateId = :aggregateId")
    long maxSeq(OutboxChannel channel, AggregateType type, String aggregateId);

    List<OutboxEntry> findByAggregateTypeAndAggregateIdOrderByChannelAscSeqAsc(AggregateType type, String aggregateId);

    List<OutboxEntry> findByChannelAndAggregateTypeAndAggregateIdAndSeqGreaterThanAndStateInOrderBySeq(
            OutboxChannel channel, AggregateType type, String aggregateId, long seq, Collection<OutboxState> states);

    List<OutboxEntry> findByChannelAndAggregateTypeAndAggregateIdAndStateInOrderBySeq(
            OutboxChannel channel, AggregateType type, String aggregateId, Collection<OutboxState> states);

    List<OutboxEntry> findByStateOrderByIdAsc(OutboxState state, Pageable page);

    List<OutboxEntry> findAllByOrderByIdAsc(Pageable page);

    long countByState(OutboxState state);

    @Modifying
    @Query("update OutboxEntry o set o.state = org.movedesk.core.outbox.OutboxState.PENDING, o.version = o.version + 1"
            + " where o.state = org.movedesk.core.outbox.OutboxState.IN_FLIGHT")
    int resetInFlight();
}
