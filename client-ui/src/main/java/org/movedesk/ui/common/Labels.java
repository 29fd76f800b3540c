package org.movedesk.ui.common;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How enums, dates and times read on screen ("In transit", "Tue 3 Mar", "09:30"). */
public final class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Labels() {
    }

    /** COURT_APPEARANCE becomes "Court appearance". */
    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "Tue 24 Nov": for table cells, where the year is in the filter above. */
    public static String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    public static String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }
}
