package org.movedesk.sandbox.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date and time formats on the wire. */
public final class Times {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** RFC 3339 with seconds always written (OffsetDateTime.toString drops ":00" seconds, which RFC 3339 forbids). */
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** The Restricted Patients API prints local date-times with seconds. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Times() {
    }

    public static String rfc3339(Instant instant) {
        return instant == null ? null : RFC3339.format(instant.atZone(UK));
    }

    public static String local(LocalDateTime time) {
        return time == null ? null : LOCAL.format(time);
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Parses an RFC 3339 timestamp, or returns null when it is not one. */
    public static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
