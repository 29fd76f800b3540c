package org.movedesk.core.store;

/** What the first bytes of a store file say it is. */
public enum StoreFileKind {
    /** No file yet: a fresh store will be created. */
    ABSENT,
    /** An H2 MVStore file in plain text (an older MoveDesk or encryption switched off). */
    PLAIN,
    /** An H2 file encrypted with CIPHER=AES. */
    ENCRYPTED,
    /** Zero bytes or not an H2 file at all: damaged or a foreign file. */
    UNKNOWN
}
