package org.movedesk.core.people;

/** What the centre said about a prison number: found, not known, or not asked / no usable answer. */
public sealed interface CentralPersonAnswer {

    /** The centre knows the person. */
    record Found(PersonData person) implements CentralPersonAnswer {
    }

    /** The centre answered and knows nobody with that prison number. */
    record NotFound() implements CentralPersonAnswer {
    }

    /** The centre could not be asked or gave no usable answer; {@code reason} says what to do, for the operator. */
    record Unavailable(String reason) implements CentralPersonAnswer {
    }
}
