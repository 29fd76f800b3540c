-- History explorer (issue 8). Every explorer page is read newest first, ordered by
-- (occurred_at desc, id desc). Each index below starts with one filter column followed by
-- exactly that order, so H2 walks the index in page order and stops after one page
-- (ORDER BY <col>, occurred_at desc, id desc LIMIT n), however many rows the filter matches.
create index ix_hx_newest on history (occurred_at desc, id desc);
create index ix_hx_operator on history (operator, occurred_at desc, id desc);
create index ix_hx_from on history (location_id, occurred_at desc, id desc);
create index ix_hx_to on history (to_location_id, occurred_at desc, id desc);
create index ix_hx_desk on history (desk_id, occurred_at desc, id desc);
create index ix_hx_event on history (event_type, occurred_at desc, id desc);
create index ix_hx_move_type on history (move_type, occurred_at desc, id desc);
create index ix_hx_status on history (status, occurred_at desc, id desc);
create index ix_hx_person on history (prison_number, occurred_at desc, id desc);
create index ix_hx_reference on history (move_reference, occurred_at desc, id desc);
create index ix_hx_aggregate on history (aggregate_id, occurred_at desc, id desc);

-- Free text in notes: the words of each entry's notes, kept by an insert trigger (history is
-- append-only, so insert is the only event to follow). A search walks one word's rows newest
-- first, like the indexes above; a LIKE over 5 million notes would read the whole table.
create table history_note_word (
    word        varchar(40) not null,
    occurred_at timestamp(6) with time zone not null,
    history_id  bigint not null
);
create index ix_hnw_word on history_note_word (word, occurred_at desc, history_id desc);
create trigger hx_note_words after insert on history for each row
    call 'org.movedesk.core.history.explorer.NoteWordsTrigger';

-- "Recorded offline vs. confirmed centrally": the outbox entry written in the same transaction
-- as a history entry points back at it. The outbox row changes state; history never changes.
alter table outbox add column history_id bigint;
create index ix_outbox_history on outbox (history_id, channel);
