-- Fewer history indexes (ADR 0110). H2 rewrites the pages of every index a row touches in each
-- durable commit; with 18 secondary indexes on history, recording one action spent about half
-- its time in that commit (docs/bench/core.md). The V1 indexes below repeat the leading column
-- of a V30 explorer index, which serves the same equality and range look-ups (prison number,
-- operator, location, time, reference, one move's trail) as well, so they go.
drop index ix_history_aggregate;
drop index ix_history_person;
drop index ix_history_operator;
drop index ix_history_location;
drop index ix_history_to_location;
drop index ix_history_occurred;
drop index ix_history_reference;
-- A desk filter matches a quarter or more of a store (a store holds mostly its own desk's entries):
-- the newest-first walk meets a match every few rows, so its own index never paid for itself.
drop index ix_hx_desk;
-- Two-part filters whose parts are each common but rarely true together (court appearances that
-- were cancelled; a booking whose status says completed) walked thousands of rows checking the
-- second part. Each of these answers such a pair as one equality range in page order.
create index ix_hx_status_type on history (status, move_type, occurred_at desc, id desc);
create index ix_hx_event_status on history (event_type, status, occurred_at desc, id desc);
