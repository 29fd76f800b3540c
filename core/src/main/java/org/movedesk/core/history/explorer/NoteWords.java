package org.movedesk.core.history.explorer;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How notes are cut into searchable words: the trigger and the search must agree. */
public final class NoteWords {

    public static final int MAX_WORD = 40;
    private static final int MAX_WORDS_PER_NOTE = 200;

    private NoteWords() {
    }

    /** Distinct lower-case words of letters or digits, accents removed, shortest kept word 2 characters. */
    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String w : folded.split("[^\\p{L}\\p{Nd}]+")) {
            if (w.length() >= 2) {
                words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
                if (words.size() >= MAX_WORDS_PER_NOTE) {
                    break;
                }
            }
        }
        return List.copyOf(words);
    }
}
