-- The audit trail can only grow: UPDATE and DELETE on history are refused by the database itself,
-- whichever code path (or SQL console) tries them.
create trigger history_no_update before update on history for each row
    call 'org.movedesk.core.history.AppendOnlyTrigger';
create trigger history_no_delete before delete on history for each row
    call 'org.movedesk.core.history.AppendOnlyTrigger';
