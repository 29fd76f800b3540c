package org.movedesk.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Moves API error answer, thrown from deep inside a handler and turned into
 * {@code {"errors":[{title, detail, source:{pointer}, code, meta}]}} at the edge.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final List<Item> items;

    public record Item(String title, String detail, String pointer, String code, ObjectNode meta) {
    }

    public ApiError(int status, List<Item> items) {
        super(status + " " + items);
        this.status = status;
        this.items = List.copyOf(items);
    }

    public static ApiError of(int status, String title, String detail) {
        return new ApiError(status, List.of(new Item(title, detail, null, null, null)));
    }

    public static ApiError badRequest(String detail) {
        return of(400, "Bad request", detail);
    }

    public static ApiError notFound(String detail) {
        return of(404, "Resource not found", detail);
    }

    public static ApiError unprocessable(String detail, String pointer, String code) {
        return new ApiError(422, List.of(new Item("Unprocessable entity", detail, pointer, code, null)));
    }

    public int status() {
        return status;
    }

    public List<Item> items() {
        return items;
    }

    public Reply toReply() {
        ObjectNode root = Json.object();
        ArrayNode errors = root.putArray("errors");
        for (Item item : items) {
            ObjectNode error = errors.addObject();
            error.put("title", item.title());
            error.put("detail", item.detail());
            if (item.pointer() != null) {
                error.putObject("source").put("pointer", item.pointer());
            }
            if (item.code() != null) {
                error.put("code", item.code());
            }
            if (item.meta() != null) {
                error.set("meta", item.meta());
            }
        }
        return Reply.jsonApi(status, root);
    }
}
