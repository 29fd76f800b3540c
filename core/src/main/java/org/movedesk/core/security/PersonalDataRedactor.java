package org.movedesk.core.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text bound for logs and support bundles: prison numbers (A1234BC),
 * PNC numbers (2012/0012345X or 12/12345X), and the values of fields known to hold names or
 * dates of birth, whether written as JSON ("lastName":"Smith"), as key=value (lastName=Smith) or
 * as a record's toString (lastName=Smith,). Free text that happens to contain a name cannot be
 * recognised; code must not log free text with personal data in it.
 */
public final class PersonalDataRedactor {

    public static final String PRISON_NUMBER_MASK = "[prison-no]";
    public static final String PNC_MASK = "[pnc]";
    public static final String VALUE_MASK = "[redacted]";

    private static final Pattern PRISON_NUMBER = Pattern.compile("(?<![A-Za-z0-9])[A-Z][0-9]{4}[A-Z]{2}(?![A-Za-z0-9])");
    private static final Pattern PNC = Pattern.compile("(?<![0-9/])(?:[0-9]{4}|[0-9]{2})/[0-9]{1,7}[A-Z](?![A-Za-z0-9])");
    /** Fields whose value is a name or another direct identifier, in the spellings our code and the APIs use. */
    private static final String FIELDS = "first_?names?|last_?name|middle_?names?|surname|given_?name|family_?name"
            + "|full_?name|person_?name|display_?name|date_?of_?birth|dob|offender_?name|prisoner_?name";
    private static final Pattern JSON_FIELD = Pattern.compile("(\"(?i:" + FIELDS + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
    private static final Pattern KEY_VALUE = Pattern.compile("((?<![A-Za-z_])(?i:" + FIELDS + ")\\s*[=:]\\s*)(?!\\[redacted\\])('[^']*'|[^,;&)}\\]\\n]*[^,;&)}\\]\\n\\s])");

    private PersonalDataRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = JSON_FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + VALUE_MASK + "\""));
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + VALUE_MASK));
        out = PRISON_NUMBER.matcher(out).replaceAll(PRISON_NUMBER_MASK);
        out = PNC.matcher(out).replaceAll(Matcher.quoteReplacement(PNC_MASK));
        return out;
    }
}
