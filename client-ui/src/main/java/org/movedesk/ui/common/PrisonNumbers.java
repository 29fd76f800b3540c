package org.movedesk.ui.common;

import java.util.Locale;

import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;

/**
 * How the desk reads a typed prison number and names the person behind it, the same in every
 * wizard. The shape itself is core's rule ({@link PersonService#PRISON_NUMBER}).
 */
public final class PrisonNumbers {

    private PrisonNumbers() {
    }

    /** Trimmed and upper-cased ("a1234bc " becomes "A1234BC"); empty for null. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String typed) {
        return PersonService.PRISON_NUMBER.matcher(normalise(typed)).matches();
    }

    /** What to fix while the user types; empty when the text has the prison number shape. */
    public static String problem(String typed) {
        String value = normalise(typed);
        if (value.isEmpty()) {
            return "Enter the prison number, e.g. A1234BC.";
        }
        if (!PersonService.PRISON_NUMBER.matcher(value).matches()) {
            return "A prison number is one letter, four digits and two letters, e.g. A1234BC.";
        }
        return "";
    }

    /** "A1234BC  SMITH, John  born Tue 3 Mar 1980". */
    public static String describe(Person person) {
        StringBuilder text = new StringBuilder(person.getPrisonNumber()).append("  ")
                .append(person.getLastName().toUpperCase(Locale.ROOT)).append(", ").append(person.getFirstNames());
        if (person.getDateOfBirth() != null) {
            text.append("  born ").append(Labels.day(person.getDateOfBirth()));
        }
        return text.toString();
    }
}
