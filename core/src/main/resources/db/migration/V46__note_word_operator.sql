-- Free text + operator (issue 8, ADR 0111). Both parts are common on their own ("interpreter"
-- is in tens of thousands of notes, an operator records tens of thousands of entries) but rarely
-- true together, so walking either one and checking the other on each row met no match for
-- minutes at 5M history rows. The note-word row now carries the operator of its history entry
-- (copied by the note-word trigger; history is append-only, so the copy never goes stale) and
-- one index answers the pair as a single equality range in page order.
alter table history_note_word add column operator varchar(64);
update history_note_word w set operator = (select h.operator from history h where h.id = w.history_id);
create index ix_hnw_word_operator on history_note_word (word, operator, occurred_at desc, history_id desc);
