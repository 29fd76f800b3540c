package org.movedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import org.movedesk.core.common.ValidationException;

class ErrorMessagesTest {

    @Test
    void coreRejectionsAreShownAsTheyAre() {
        assertThat(ErrorMessages.forUser(new ValidationException("date", "Choose a date on or after today.")))
                .isEqualTo("Choose a date on or after today.");
        assertThat(ErrorMessages.forUser(new CompletionException(new ValidationException("x", "Fix the time."))))
                .isEqualTo("Fix the time.");
    }

    @Test
    void aRuleDeepInsideWrappersIsFound() {
        RuntimeException wrapped = new IllegalStateException("Failed to load ApplicationContext",
                new RuntimeException("Error creating bean with name 'dataSource'",
                        new ValidationException("store", "The store file is damaged: restore a backup or move it aside.")));
        assertThat(ErrorMessages.forUser(wrapped)).isEqualTo("The store file is damaged: restore a backup or move it aside.");
    }

    @Test
    void anythingElseSaysWhatToDo() {
        assertThat(ErrorMessages.forUser(new IllegalStateException("connection closed")))
                .contains("connection closed").contains("saved locally").contains("Try again");
        assertThat(ErrorMessages.forUser(new NullPointerException())).contains("NullPointerException");
    }
}
