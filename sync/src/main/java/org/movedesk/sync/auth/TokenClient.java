package org.movedesk.sync.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.sync.http.ApiResponse;
import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.http.CentralCaller;
import org.movedesk.sync.http.CentralProperties;

import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/** OAuth2 client-credentials grant against {@code movedesk.central.token-url}. */
public class TokenClient {

    /** Marks requests to the token endpoint so the bearer interceptor leaves them alone. */
    public static final class TokenRequestTag {
        static final TokenRequestTag INSTANCE = new TokenRequestTag();
    }

    private final CentralCaller caller;
    private final CentralProperties props;
    private final Clock clock;

    public TokenClient(CentralCaller caller, CentralProperties props, Clock clock) {
        this.caller = caller;
        this.props = props;
        this.clock = clock;
    }

    public AccessToken fetch() throws IOException {
        Request request = new Request.Builder()
                .url(props.tokenUrl().toString())
                .header("Authorization", Credentials.basic(nullToEmpty(props.clientId()), nullToEmpty(props.clientSecret())))
                .header("Accept", "application/json")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .tag(TokenRequestTag.class, TokenRequestTag.INSTANCE)
                .build();
        Instant askedAt = Instant.now(clock);
        ApiResponse response = caller.execute(request, CentralCaller.SMALL_BODY_LIMIT);
        if (response.status() == 400 || response.status() == 401 || response.status() == 403) {
            String why = response.json() != null && response.json().hasNonNull("error_description")
                    ? response.json().get("error_description").asText()
                    : response.json() != null && response.json().hasNonNull("error") ? response.json().get("error").asText()
                    : "HTTP " + response.status();
            throw new TokenException(response.status(), "The token service refused the client credentials: " + why);
        }
        if (!response.ok()) {
            throw new BadAnswerException(response.status(), "token service answered HTTP " + response.status());
        }
        JsonNode body = response.requireJson();
        JsonNode token = body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new BadAnswerException(response.status(), "token answer has no access_token");
        }
        long lifetime = body.path("expires_in").asLong(7200);
        // measured from the moment we asked, so a slow answer never makes us think it lasts longer than it does
        return new AccessToken(token.asText(), askedAt, askedAt.plusSeconds(lifetime));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
