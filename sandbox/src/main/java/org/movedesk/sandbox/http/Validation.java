package org.movedesk.sandbox.http;

import java.util.ArrayList;
import java.util.List;

/** Collects 422 problems so one answer can name every bad field, as the real API does. */
public final class Validation {

    private final List<ApiError.Item> items = new ArrayList<>();

    public Validation add(String detail, String pointer, String code) {
        items.add(new ApiError.Item("Unprocessable entity", detail, pointer, code, null));
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public void throwIfAny() {
        if (!items.isEmpty()) {
            throw new ApiError(422, items);
        }
    }
}
