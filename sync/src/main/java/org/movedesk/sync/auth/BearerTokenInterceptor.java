package org.movedesk.sync.auth;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the bearer token and, on a 401, renews the token once and repeats the request (same
 * idempotency key: a 401 means the centre did not process it). A second 401 is handed to the
 * caller, which pauses the queue and tells the operator.
 */
public class BearerTokenInterceptor implements Interceptor {

    private final TokenCache tokens;

    public BearerTokenInterceptor(TokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(TokenClient.TokenRequestTag.class) != null) {
            return chain.proceed(request);
        }
        String token = tokens.token();
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401) {
            if (tokens.problem() != null) {
                tokens.clearProblem(); // accepted again (credentials fixed, or the centre recovered)
            }
            return response;
        }
        response.close();
        String renewed = tokens.renewAfterRejection(token);
        Response second = chain.proceed(withToken(request, renewed));
        if (second.code() == 401) {
            tokens.reportRejected("The central service rejects this desk's token (HTTP 401 after renewing it). "
                    + "Check the client id and secret in settings.");
        }
        return second;
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
