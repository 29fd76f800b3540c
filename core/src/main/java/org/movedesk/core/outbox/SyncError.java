package org.movedesk.core.outbox;

/** What the server said (or what went wrong on the way), stored on the entry for the operator. */
public record SyncError(Integer status, String code, String title, String detail, String pointer) {

    public static SyncError of(String detail) {
        return new SyncError(null, null, null, detail, null);
    }
}
