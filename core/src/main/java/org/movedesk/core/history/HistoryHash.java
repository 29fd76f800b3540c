package org.movedesk.core.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * hash = SHA-256(prevHash + canonical row). The canonical form lists every stored column in a
 * fixed order, each as its length and text, so no value can be shifted into its neighbour.
 */
final class HistoryHash {

    private HistoryHash() {
    }

    static String of(HistoryEntry e) {
        return sha256(e.getPrevHash() + canonical(e));
    }

    static String canonical(HistoryEntry e) {
        StringBuilder sb = new StringBuilder();
        append(sb, e.getId());
        append(sb, e.getOccurredAt());
        append(sb, e.getRecordedAt());
        append(sb, e.getOperator());
        append(sb, e.getDeskId());
        append(sb, e.getAggregateType());
        append(sb, e.getAggregateId());
        append(sb, e.getLocationId());
        append(sb, e.getToLocationId());
        append(sb, e.getMoveReference());
        append(sb, e.getPrisonNumber());
        append(sb, e.getEventType());
        append(sb, e.getMoveType());
        append(sb, e.getStatus());
        append(sb, e.getBefore());
        append(sb, e.getAfter());
        append(sb, e.getNotes());
        append(sb, e.getSource());
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("-1:;");
            return;
        }
        String s = Objects.toString(value);
        sb.append(s.length()).append(':').append(s).append(';');
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
