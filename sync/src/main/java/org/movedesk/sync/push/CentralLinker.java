package org.movedesk.sync.push;

import org.movedesk.core.restrictedpatients.CentralPatient;

import java.time.Instant;
import java.util.UUID;

import org.movedesk.core.outbox.SyncError;

/** The two core calls the push worker needs beyond {@code OutboxService}'s state changes. */
public interface CentralLinker {

    /** Store the central id and reference on the local move (MoveSyncService.linkCentral). */
    void linkMove(UUID moveId, String centralId, String reference);

    /** A confirmed create: the central id on the local move and the entry CONFIRMED, in one transaction. */
    void linkMoveAndConfirm(long entryId, UUID moveId, String centralId, String reference);

    /** A confirmed restricted-patient action: the centre's record it answered with goes into the desk's cache. */
    void cachePatient(CentralPatient patient);

    /** Back to PENDING at {@code next} without counting the attempt (429, a pause, a key rotation). */
    void retryWithoutAttempt(long entryId, Instant next, SyncError error);
}
