package org.movedesk.sandbox.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.movedesk.sandbox.http.ApiError;
import org.movedesk.sandbox.http.Bodies;
import org.movedesk.sandbox.http.HttpCall;
import org.movedesk.sandbox.http.Includes;
import org.movedesk.sandbox.http.Json;
import org.movedesk.sandbox.http.Paging;
import org.movedesk.sandbox.http.Reply;
import org.movedesk.sandbox.http.Times;
import org.movedesk.sandbox.http.Validation;
import org.movedesk.sandbox.world.World;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code GET /api/people}, {@code POST /api/people} and {@code POST /api/people/{id}/profiles}. */
public final class PeopleEndpoint {

    private static final List<String> PERSON_INCLUDES = List.of("gender", "ethnicity", "profiles");
    private static final List<String> PROFILE_INCLUDES = List.of("documents", "person", "category");

    private final World world;

    public PeopleEndpoint(World world) {
        this.world = world;
    }

    public Reply list(HttpCall call) {
        Includes includes = Includes.parse(call.param("include"), PERSON_INCLUDES);
        Set<String> prisonNumbers = commaSet(call.param("filter[prison_number]"));
        Set<String> pncs = commaSet(call.param("filter[police_national_computer]"));
        Set<String> cros = commaSet(call.param("filter[criminal_records_office]"));
        List<Person> matching;
        if (prisonNumbers != null && pncs == null && cros == null) {
            // the common case, answered from the index rather than a scan
            matching = prisonNumbers.stream().flatMap(n -> world.people().byPrisonNumber(n).stream()).distinct().toList();
        } else {
            matching = world.people().all().stream()
                    .filter(p -> prisonNumbers == null || (p.prisonNumber() != null && prisonNumbers.contains(upper(p.prisonNumber()))))
                    .filter(p -> pncs == null || (p.policeNationalComputer() != null && pncs.contains(upper(p.policeNationalComputer()))))
                    .filter(p -> cros == null || (p.criminalRecordsOffice() != null && cros.contains(upper(p.criminalRecordsOffice()))))
                    .toList();
        }
        Paging paging = Paging.of(call);
        List<Person> page = paging.slice(matching);
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        page.forEach(p -> data.add(PeopleJson.person(p)));
        if (includes.has("profiles")) {
            ArrayNode included = document.putArray("included");
            page.forEach(p -> world.people().profilesOf(p).forEach(profile -> included.add(PeopleJson.profile(profile))));
        }
        paging.describe(document, call, matching.size());
        return Reply.jsonApi(200, document);
    }

    public Reply create(HttpCall call) {
        Includes.parse(call.param("include"), PERSON_INCLUDES);
        JsonNode data = Bodies.data(call, "people");
        JsonNode a = Bodies.attributes(data);
        Validation problems = new Validation();
        String first = Json.text(a, "first_names");
        String last = Json.text(a, "last_name");
        if (first == null || first.isBlank()) {
            problems.add("First names can't be blank", "/data/attributes/first_names", "blank");
        }
        if (last == null || last.isBlank()) {
            problems.add("Last name can't be blank", "/data/attributes/last_name", "blank");
        }
        String dob = Json.text(a, "date_of_birth");
        LocalDate dateOfBirth = Times.parseDate(dob);
        if (dob != null && dateOfBirth == null) {
            problems.add("Date of birth is not a date: " + dob, "/data/attributes/date_of_birth", "invalid");
        } else if (dateOfBirth != null && dateOfBirth.isAfter(world.today())) {
            problems.add("Date of birth must be in the past", "/data/attributes/date_of_birth", "invalid");
        }
        problems.throwIfAny();
        Person person = new Person(world.newId(), world.clock().instant())
                .firstNames(first.trim()).lastName(last.trim()).dateOfBirth(dateOfBirth)
                .prisonNumber(upperOrNull(Json.text(a, "prison_number")))
                .policeNationalComputer(Json.text(a, "police_national_computer"))
                .criminalRecordsOffice(Json.text(a, "criminal_records_office"))
                .genderAdditionalInformation(Json.text(a, "gender_additional_information"));
        world.people().add(person);
        world.record(call.method(), call.path(), call.header("Idempotency-Key"), person.id().toString(), "person.create");
        return Reply.jsonApi(201, Bodies.resourceDocument(PeopleJson.person(person)));
    }

    public Reply createProfile(HttpCall call, String personIdText) {
        Includes.parse(call.param("include"), PROFILE_INCLUDES);
        Person person = parseId(personIdText).flatMap(world.people()::byId)
                .orElseThrow(() -> ApiError.notFound("Couldn't find Person with 'id'=" + personIdText));
        JsonNode data = Bodies.data(call, "profiles");
        JsonNode a = Bodies.attributes(data);
        JsonNode answers = a.get("assessment_answers");
        if (answers != null && !answers.isNull() && !answers.isArray()) {
            throw ApiError.unprocessable("Assessment answers must be a list", "/data/attributes/assessment_answers", "invalid");
        }
        JsonNode youth = a.get("requires_youth_risk_assessment");
        if (youth != null && !youth.isNull() && !youth.isBoolean()) {
            throw ApiError.unprocessable("Requires youth risk assessment must be true or false",
                    "/data/attributes/requires_youth_risk_assessment", "invalid");
        }
        Profile profile = new Profile(world.newId(), person.id(),
                answers == null || answers.isNull() ? Json.array() : answers.deepCopy(),
                youth == null || youth.isNull() ? Boolean.FALSE : youth.booleanValue(), world.clock().instant());
        world.people().addProfile(profile);
        world.record(call.method(), call.path(), call.header("Idempotency-Key"), profile.id().toString(), "profile.create");
        return Reply.jsonApi(201, Bodies.resourceDocument(PeopleJson.profile(profile)));
    }

    private static java.util.Optional<UUID> parseId(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static Set<String> commaSet(String param) {
        if (param == null || param.isBlank()) {
            return null;
        }
        return Arrays.stream(param.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(PeopleEndpoint::upper)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String upper(String s) {
        return s.trim().toUpperCase(Locale.ROOT);
    }

    private static String upperOrNull(String s) {
        return s == null || s.isBlank() ? null : upper(s);
    }
}
