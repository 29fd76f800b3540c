package org.movedesk.sandbox.locations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Includes;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.world.World;

import java.util.List;

/**
 * {@code GET /api/reference/locations}, with {@code filter[location_type]} and {@code filter[nomis_agency_id]}.
 * All matching locations in one answer: the contract's response has no {@code links} or {@code meta}.
 */
public final class LocationsEndpoint {

    private final World world;

    public LocationsEndpoint(World world) {
        this.world = world;
    }

    public Reply list(HttpCall call) {
        Includes.parse(call.param("include"), List.of("suppliers"));
        String type = call.param("filter[location_type]");
        String agency = call.param("filter[nomis_agency_id]");
        List<Location> matching = world.locations().all().stream()
                .filter(l -> type == null || l.locationType().equals(type))
                .filter(l -> agency == null || l.nomisAgencyId().equalsIgnoreCase(agency))
                .toList();
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        matching.forEach(l -> data.add(LocationJson.resource(l)));
        return Reply.jsonApi(200, document);
    }
}
