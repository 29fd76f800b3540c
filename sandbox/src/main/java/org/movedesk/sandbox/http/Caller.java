package org.movedesk.sandbox.http;

/** Who sent an authenticated request: the OAuth client id (upstream records it as {@code created_by}). */
public record Caller(String clientId) {
}
