package org.movedesk.sync.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Runs one request on the shared client and reads the answer completely, with a size bound,
 * so a misbehaving server can neither exhaust memory nor leave a half-read body behind.
 */
public class CentralCaller {

    /** A single resource or error is a few KB; anything beyond this is not an answer we asked for. */
    public static final long SMALL_BODY_LIMIT = 1L << 20;
    /** A page of up to 2,000 moves with their included people and locations. */
    public static final long PAGE_BODY_LIMIT = 64L << 20;

    private final OkHttpClient http;
    private final ObjectMapper json;

    public CentralCaller(OkHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public OkHttpClient http() {
        return http;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * @throws IOException when no complete answer arrived (connection, timeout) or it was too large;
     *                     any HTTP status is returned, not thrown
     */
    public ApiResponse execute(Request request, long maxBodyBytes) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : readBounded(body, maxBodyBytes, response.code());
            MediaType type = body == null ? null : body.contentType();
            String contentType = type == null ? response.header("Content-Type") : type.toString();
            return new ApiResponse(response.code(), response.headers(), contentType, text,
                    parseIfJson(contentType, text));
        }
    }

    private static String readBounded(ResponseBody body, long max, int status) throws IOException {
        long declared = body.contentLength();
        if (declared > max) {
            throw new BadAnswerException(status, "answer too large: " + declared + " bytes (limit " + max + ")");
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (!source.exhausted()) {
            long read = source.read(buffer, 8192);
            if (read > 0 && buffer.size() > max) {
                throw new BadAnswerException(status, "answer too large: more than " + max + " bytes");
            }
        }
        return buffer.readString(StandardCharsets.UTF_8);
    }

    private JsonNode parseIfJson(String contentType, String text) {
        if (text.isBlank() || contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // left null: the caller decides whether a body was required and reports it then
            return null;
        }
    }
}
