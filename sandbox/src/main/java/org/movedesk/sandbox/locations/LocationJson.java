package org.movedesk.sandbox.locations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Times;

import java.util.UUID;

/** Location resources in the Moves API's JSON:API shape. */
public final class LocationJson {

    private LocationJson() {
    }

    public static ObjectNode resource(Location location) {
        ObjectNode node = Json.object();
        node.put("id", location.id().toString());
        node.put("type", "locations");
        ObjectNode a = node.putObject("attributes");
        a.put("key", location.key());
        a.put("title", location.title());
        a.put("location_type", location.locationType());
        a.put("nomis_agency_id", location.nomisAgencyId());
        a.put("premise", location.premise());
        a.putNull("locality");
        a.put("city", location.city());
        a.put("country", "England");
        a.put("postcode", location.postcode());
        a.put("latitude", location.latitude());
        a.put("longitude", location.longitude());
        a.put("young_offender_institution", location.youngOffenderInstitution());
        a.put("created_at", Times.rfc3339(location.createdAt()));
        a.putNull("disabled_at");
        a.put("can_upload_documents", false);
        a.put("extradition_capable", false);
        return node;
    }

    public static ObjectNode reference(UUID id) {
        ObjectNode ref = Json.object();
        if (id == null) {
            ref.putNull("data");
        } else {
            ref.putObject("data").put("type", "locations").put("id", id.toString());
        }
        return ref;
    }
}
