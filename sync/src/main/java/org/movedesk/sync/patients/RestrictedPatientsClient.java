package org.movedesk.sync.patients;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.CentralCaller;
import org.movedesk.sync.moves.MovesApiClient;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Restricted Patients API (plain JSON, errors as {@code {status, errorCode, userMessage, developerMessage}}). */
public class RestrictedPatientsClient {

    public static final MediaType JSON = MediaType.get("application/json");

    private final CentralCaller caller;
    private final HttpUrl base;

    public RestrictedPatientsClient(CentralCaller caller, java.net.URI baseUrl) {
        this.caller = caller;
        this.base = HttpUrl.get(baseUrl.toString());
    }

    public ApiResponse dischargeToHospital(JsonNode body, UUID key, String user) throws IOException {
        return send(post(url("discharge-to-hospital"), body, key, user));
    }

    public ApiResponse changeSupportingPrison(JsonNode body, UUID key, String user) throws IOException {
        return send(post(url("change-supporting-prison"), body, key, user));
    }

    public ApiResponse migrateIn(JsonNode body, UUID key, String user) throws IOException {
        return send(post(url("migrate-in-restricted-patient"), body, key, user));
    }

    public ApiResponse remove(String prisonNumber, UUID key, String user) throws IOException {
        Request.Builder b = common(new Request.Builder().url(url("restricted-patient", "prison-number", prisonNumber)), user)
                .delete();
        if (key != null) {
            b.header("Idempotency-Key", key.toString());
        }
        return send(b.build());
    }

    /** 200 with the patient, or 404 when the prisoner is not a restricted patient. */
    public ApiResponse find(String prisonNumber, String user) throws IOException {
        return send(common(new Request.Builder().url(url("restricted-patient", "prison-number", prisonNumber)), user)
                .get().build());
    }

    private ApiResponse send(Request r) throws IOException {
        return caller.execute(r, CentralCaller.SMALL_BODY_LIMIT);
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private Request post(HttpUrl url, JsonNode body, UUID key, String user) throws IOException {
        Request.Builder b = common(new Request.Builder().url(url), user)
                .post(RequestBody.create(caller.json().writeValueAsBytes(body), JSON));
        if (key != null) {
            // the RP API has no idempotency of its own; the key still lets logs and the sandbox ledger tie attempts together
            b.header("Idempotency-Key", key.toString());
        }
        return b.build();
    }

    private static Request.Builder common(Request.Builder b, String user) {
        b.header("Accept", "application/json");
        if (user != null && !user.isBlank()) {
            b.header(MovesApiClient.CURRENT_USER_HEADER, user);
        }
        return b;
    }
}
