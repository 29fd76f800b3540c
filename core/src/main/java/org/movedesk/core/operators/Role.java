package org.movedesk.core.operators;

/** What an operator may do; see docs/core.md for the matrix. */
public enum Role {
    PRISON_STAFF, SUPPLIER, SUPERVISOR, RP_SEARCH, RP_TRANSFER, RP_REMOVE, RP_MIGRATE, ADMIN, SYSTEM
}
