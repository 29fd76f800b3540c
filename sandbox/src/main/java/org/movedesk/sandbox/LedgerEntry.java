package org.movedesk.sandbox;

import java.time.Instant;

/**
 * One state-changing request the sandbox applied. Replayed answers (same idempotency key), ignored
 * transitions and rejected requests leave no entry, so a test can prove nothing was applied twice.
 *
 * @param method         HTTP method
 * @param path           request path, without the query
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null} where the API does not use one
 * @param resourceId     the id of the resource changed (move UUID, person UUID, profile UUID or prison number)
 * @param action         what was applied, e.g. {@code move.create}, {@code move.accept}, {@code patient.discharge}
 * @param time           when it was applied (sandbox clock)
 */
public record LedgerEntry(String method, String path, String idempotencyKey, String resourceId, String action,
                          Instant time) {
}
