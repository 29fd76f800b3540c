package org.movedesk.sandbox.server;

import org.movedesk.sandbox.auth.TokenService;
import org.movedesk.sandbox.http.Caller;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.restrictedpatients.RestrictedPatientsEndpoint;
import org.movedesk.sandbox.restrictedpatients.RpError;
import org.movedesk.sandbox.world.World;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Restricted Patients API's routes behind the same bearer token. Called with the world lock held. */
final class RestrictedPatientsGate {

    static final String PATIENT_PATH = "/restricted-patient/prison-number/";

    private final TokenService tokens;
    private final RestrictedPatientsEndpoint endpoint;

    RestrictedPatientsGate(World world, TokenService tokens) {
        this.tokens = tokens;
        this.endpoint = new RestrictedPatientsEndpoint(world);
    }

    static boolean owns(String path) {
        return path.equals("/discharge-to-hospital") || path.equals("/change-supporting-prison")
                || path.equals("/migrate-in-restricted-patient") || path.startsWith(PATIENT_PATH);
    }

    Reply handle(HttpCall call) {
        Optional<Caller> caller = tokens.authenticate(call.header("Authorization")).map(t -> new Caller(t.clientId()));
        if (caller.isEmpty()) {
            // Spring's resource server answers 401 with no body
            return new Reply(401, Map.of("WWW-Authenticate", "Bearer"), new byte[0]);
        }
        try {
            return route(call, caller.get());
        } catch (RpError e) {
            return e.toReply();
        }
    }

    private Reply route(HttpCall call, Caller caller) {
        String path = call.path();
        String method = call.method();
        if (path.startsWith(PATIENT_PATH) && path.length() > PATIENT_PATH.length()) {
            String number = path.substring(PATIENT_PATH.length());
            return switch (method) {
                case "GET" -> endpoint.get(number);
                case "DELETE" -> endpoint.delete(call, caller, number);
                default -> methodNotAllowed(method);
            };
        }
        if (!method.equals("POST")) {
            return methodNotAllowed(method);
        }
        String contentType = MovesApiGate.mediaType(call.header("Content-Type"));
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).equals("application/json")) {
            throw new RpError(415, null, null, "Content-Type '" + call.header("Content-Type") + "' is not supported");
        }
        return switch (path) {
            case "/discharge-to-hospital" -> endpoint.dischargeToHospital(call, caller);
            case "/change-supporting-prison" -> endpoint.changeSupportingPrison(call, caller);
            case "/migrate-in-restricted-patient" -> endpoint.migrateIn(call, caller);
            default -> throw RpError.notFound("No resource found failure: " + path);
        };
    }

    private static Reply methodNotAllowed(String method) {
        return new RpError(405, null, null, "Request method '" + method + "' is not supported").toReply();
    }
}
