package org.movedesk.sandbox.moves;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Move references in upstream's shape: three letters, four digits, one letter (e.g. {@code JHY4716X}), never repeated. */
public final class ReferenceGenerator {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Random random;
    private final Set<String> used = new HashSet<>();

    public ReferenceGenerator(Random random) {
        this.random = random;
    }

    public synchronized String next() {
        while (true) {
            StringBuilder sb = new StringBuilder(8);
            for (int i = 0; i < 3; i++) {
                sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            String number = Integer.toString(random.nextInt(10_000));
            sb.append("0".repeat(4 - number.length())).append(number);
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            String reference = sb.toString();
            if (used.add(reference)) {
                return reference;
            }
        }
    }

    public static boolean looksLikeReference(String value) {
        return value != null && value.matches("[A-Z]{3}[0-9]{4}[A-Z]");
    }
}
