package org.movedesk.sync.pull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.movedesk.sync.http.BadAnswerException;
import org.movedesk.sync.moves.CentralMoveResource;
import org.movedesk.sync.moves.JsonApi;

/** Reads one JSON:API page of moves with {@code include=profile.person,from_location,to_location}. */
final class PageReader {

    record Page(List<PulledMove> moves, Map<String, PulledPerson> people, List<PulledLocation> locations, int totalPages) {
    }

    private PageReader() {
    }

    static Page read(JsonNode doc) throws BadAnswerException {
        JsonNode data = doc.get("data");
        if (data == null || !data.isArray()) {
            throw new BadAnswerException(200, "page of moves has no data array");
        }
        Map<String, JsonNode> included = JsonApi.included(doc);
        Map<String, PulledPerson> people = new LinkedHashMap<>();
        List<PulledMove> moves = new ArrayList<>(data.size());
        for (JsonNode resource : data) {
            CentralMoveResource m = CentralMoveResource.read(resource, 200);
            String personId = null;
            JsonNode profile = m.profileId() == null ? null : included.get("profiles/" + m.profileId());
            if (profile != null) {
                personId = JsonApi.relationshipId(profile, "person");
                JsonNode person = personId == null ? null : included.get("people/" + personId);
                if (person != null && !people.containsKey(personId)) {
                    people.put(personId, person(person, m.profileId()));
                }
            }
            moves.add(new PulledMove(m.id(), m.reference(), m.status(), m.moveType(), m.date(), m.timeDue(),
                    m.fromLocationId(), m.toLocationId(), m.profileId(), personId, m.cancellationReason(),
                    m.cancellationComment(), m.rejectionReason(), m.notes(), m.updatedAt()));
        }
        List<PulledLocation> locations = new ArrayList<>();
        for (JsonNode r : included.values()) {
            if ("locations".equals(r.path("type").asText())) {
                locations.add(location(r));
            }
        }
        int totalPages = doc.path("meta").path("pagination").path("total_pages").asInt(0);
        return new Page(moves, people, locations, totalPages);
    }

    static PulledPerson person(JsonNode r, String profileId) {
        String dob = JsonApi.attribute(r, "date_of_birth");
        String gender = JsonApi.relationshipId(r, "gender");
        return new PulledPerson(r.path("id").asText(), JsonApi.attribute(r, "prison_number"),
                JsonApi.attribute(r, "police_national_computer"), JsonApi.attribute(r, "first_names"),
                JsonApi.attribute(r, "last_name"), dob == null ? null : LocalDate.parse(dob),
                JsonApi.attribute(r, "gender") != null ? JsonApi.attribute(r, "gender") : gender, profileId);
    }

    static PulledLocation location(JsonNode r) {
        String disabledAt = JsonApi.attribute(r, "disabled_at");
        return new PulledLocation(r.path("id").asText(), JsonApi.attribute(r, "key"), JsonApi.attribute(r, "title"),
                JsonApi.attribute(r, "location_type"), JsonApi.attribute(r, "nomis_agency_id"), disabledAt != null);
    }
}
