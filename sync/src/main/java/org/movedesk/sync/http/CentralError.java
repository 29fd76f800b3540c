package org.movedesk.sync.http;

/**
 * The centre's own words about a refused request, kept as given so the operator sees them.
 *
 * @param status  HTTP status
 * @param code    machine code (JSON:API {@code code}, RP {@code errorCode}); may be null
 * @param title   short title (JSON:API {@code title}); may be null
 * @param detail  explanation (JSON:API {@code detail}, RP {@code userMessage}); may be null
 * @param pointer JSON pointer into our request ({@code source.pointer}); may be null
 */
public record CentralError(int status, String code, String title, String detail, String pointer) {

    public static CentralError of(int status, String title, String detail) {
        return new CentralError(status, null, title, detail, null);
    }

    public String summary() {
        StringBuilder sb = new StringBuilder().append(status);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (title != null) {
            sb.append(": ").append(title);
        }
        if (detail != null && !detail.equals(title)) {
            sb.append(" - ").append(detail);
        }
        if (pointer != null) {
            sb.append(" (at ").append(pointer).append(')');
        }
        return sb.toString();
    }
}
