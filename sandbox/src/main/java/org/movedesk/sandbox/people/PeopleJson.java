package org.movedesk.sandbox.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Times;

import java.util.UUID;

/** People and profiles in the Moves API v2 JSON:API shape. */
public final class PeopleJson {

    private PeopleJson() {
    }

    public static ObjectNode person(Person person) {
        ObjectNode node = Json.object();
        node.put("id", person.id().toString());
        node.put("type", "people");
        ObjectNode a = node.putObject("attributes");
        // v2 describes the id inside attributes too; sending both keeps either reading working
        a.put("id", person.id().toString());
        a.put("first_names", person.firstNames());
        a.put("last_name", person.lastName());
        if (person.dateOfBirth() != null) {
            a.put("date_of_birth", Times.date(person.dateOfBirth()));
        }
        a.put("gender_additional_information", person.genderAdditionalInformation());
        a.put("prison_number", person.prisonNumber());
        a.put("criminal_records_office", person.criminalRecordsOffice());
        a.put("police_national_computer", person.policeNationalComputer());
        // upstream links a person to their profiles; the v2 spec leaves that relationship out (whitelisted there)
        ObjectNode rel = node.putObject("relationships");
        ArrayNode profiles = rel.putObject("profiles").putArray("data");
        for (UUID profileId : person.profileIds()) {
            profiles.addObject().put("type", "profiles").put("id", profileId.toString());
        }
        return node;
    }

    public static ObjectNode profile(Profile profile) {
        ObjectNode node = Json.object();
        node.put("id", profile.id().toString());
        node.put("type", "profiles");
        ObjectNode a = node.putObject("attributes");
        a.set("assessment_answers", profile.assessmentAnswers() == null ? Json.array() : profile.assessmentAnswers().deepCopy());
        if (profile.requiresYouthRiskAssessment() != null) {
            a.put("requires_youth_risk_assessment", profile.requiresYouthRiskAssessment());
        }
        a.putNull("csra");
        // no "person" relationship: the v2 Profile schema has none, and a person's answer links its profiles
        return node;
    }

    public static ObjectNode profileReference(UUID id) {
        ObjectNode ref = Json.object();
        if (id == null) {
            ref.putNull("data");
        } else {
            ref.putObject("data").put("type", "profiles").put("id", id.toString());
        }
        return ref;
    }
}
