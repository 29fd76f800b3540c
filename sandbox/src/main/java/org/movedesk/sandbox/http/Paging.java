package org.movedesk.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code page}/{@code per_page} (default 20, at most 2000, as upstream) with JSON:API links and {@code meta.pagination}. */
public final class Paging {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 2000;

    private final int page;
    private final int perPage;

    private Paging(int page, int perPage) {
        this.page = page;
        this.perPage = perPage;
    }

    public static Paging of(HttpCall call) {
        int page = positiveInt(call.param("page"), "page", 1);
        int perPage = Math.min(positiveInt(call.param("per_page"), "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE);
        return new Paging(page, perPage);
    }

    private static int positiveInt(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) {
                throw ApiError.badRequest(name + " must be 1 or more, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, was " + value);
        }
    }

    public int page() {
        return page;
    }

    public int perPage() {
        return perPage;
    }

    public <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    public int totalPages(int total) {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** Adds {@code links} and {@code meta.pagination} to a list document. */
    public void describe(ObjectNode document, HttpCall call, int total) {
        int last = totalPages(total);
        ObjectNode links = document.putObject("links");
        links.put("self", link(call, page));
        links.put("first", link(call, 1));
        if (page > 1) {
            links.put("prev", link(call, Math.min(page - 1, last)));
        } else {
            links.putNull("prev");
        }
        if (page < last) {
            links.put("next", link(call, page + 1));
        } else {
            links.putNull("next");
        }
        links.put("last", link(call, last));
        ObjectNode pagination = document.putObject("meta").putObject("pagination");
        pagination.put("per_page", perPage);
        pagination.put("total_pages", last);
        pagination.put("total_objects", total);
    }

    private String link(HttpCall call, int targetPage) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> e : call.params().entrySet()) {
            if (e.getKey().equals("page") || e.getKey().equals("per_page")) {
                continue;
            }
            for (String value : e.getValue()) {
                query.add(encode(e.getKey()) + "=" + encode(value));
            }
        }
        query.add("page=" + targetPage);
        query.add("per_page=" + perPage);
        return call.baseUri().resolve(call.path()) + "?" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
