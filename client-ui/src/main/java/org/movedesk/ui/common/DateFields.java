package org.movedesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates as a UK desk writes them (25/11/2026), whatever the machine's locale; typing
 * 25/11/26, 25-11-2026 or 2026-11-25 also works.
 */
public final class DateFields {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final List<DateTimeFormatter> ACCEPTED = List.of(SHOWN,
            DateTimeFormatter.ofPattern("d/M/yyyy"), DateTimeFormatter.ofPattern("d/M/yy"),
            DateTimeFormatter.ofPattern("d-M-yyyy"), DateTimeFormatter.ISO_LOCAL_DATE);

    private DateFields() {
    }

    public static void ukFormat(DatePicker picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : SHOWN.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return parse(text);
            }
        });
        picker.setPromptText("dd/mm/yyyy");
    }

    /** Null for an empty text; the picker keeps its old value when the text is not a date. */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return LocalDate.parse(text.trim(), format);
            } catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        throw new DateTimeParseException("Write the date as dd/mm/yyyy", text, 0);
    }
}
