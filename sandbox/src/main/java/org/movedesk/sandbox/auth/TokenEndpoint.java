package org.movedesk.sandbox.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /oauth/token}: the client-credentials grant as Doorkeeper serves it. Credentials come either in
 * an HTTP Basic header or as {@code client_id}/{@code client_secret} form fields.
 */
public final class TokenEndpoint {

    private final TokenService tokens;

    public TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    public Reply handle(HttpCall call) {
        if (!call.method().equals("POST")) {
            return error(405, "invalid_request", "Use POST for the token endpoint.");
        }
        Map<String, String> form = form(call);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "Missing required parameter: grant_type.");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = call.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = HttpCall.decode(decoded.substring(0, colon));
                    secret = HttpCall.decode(decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        if (id == null || secret == null || !tokens.credentialsMatch(id, secret)) {
            return error(401, "invalid_client", "Client authentication failed due to unknown client, no client "
                    + "authentication included, or unsupported authentication method.")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Doorkeeper\"");
        }
        TokenService.Token token = tokens.issue();
        ObjectNode body = Json.object();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.ttl().toSeconds());
        body.put("created_at", token.createdAt().getEpochSecond());
        return Reply.plainJson(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    private static Map<String, String> form(HttpCall call) {
        Map<String, String> form = new HashMap<>();
        call.params().forEach((k, v) -> form.put(k, v.get(0)));
        if (call.hasBody()) {
            String body = new String(call.body(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(HttpCall.decode(pair.substring(0, eq)), HttpCall.decode(pair.substring(eq + 1)));
                }
            }
        }
        return form;
    }

    private static Reply error(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.plainJson(status, body);
    }
}
