package org.movedesk.core.store;

import java.nio.file.Path;

import org.movedesk.core.common.MoveDeskException;

/**
 * The store file (or a backup) cannot be used as it is: damaged, foreign, encrypted with a key
 * this desk does not have, in use by another MoveDesk. Nothing was changed; the message names the
 * file and, for a store that cannot open, the ways out. MoveDesk never replaces such a file silently.
 */
public class StoreUnusableException extends MoveDeskException {

    private final transient Path file;

    /** A store that cannot open: the message ends with the ways out. */
    public StoreUnusableException(String code, Path file, String problem, Throwable cause) {
        super(code, problem + " " + wayOut(file), cause);
        this.file = file;
    }

    /** A problem whose message already says what to do (store in use, unusable backup file). */
    public StoreUnusableException(String code, Path file, String message) {
        this(code, file, message, (Throwable) null, false);
    }

    private StoreUnusableException(String code, Path file, String message, Throwable cause, boolean unused) {
        super(code, message, cause);
        this.file = file;
    }

    public static StoreUnusableException withCause(String code, Path file, String message, Throwable cause) {
        return new StoreUnusableException(code, file, message, cause, false);
    }

    public Path file() {
        return file;
    }

    static String wayOut(Path file) {
        String where = file == null ? "the store file" : file.toString();
        return "Nothing was changed. Ways out: restore a backup (movedesk --restore <backup.zip>; backups are in "
                + "the store folder's 'backups' folder), or move the file aside and start with an empty store "
                + "(movedesk --move-store-aside; " + where + " is kept, renamed with an '.aside-<time>' suffix).";
    }
}
