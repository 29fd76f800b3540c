package org.movedesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.movedesk.sandbox.support.Answer;
import org.movedesk.sandbox.support.SandboxTestBase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/moves over 2,500 seeded moves: paging, links, meta, filters and sorting. */
class MoveListTest extends SandboxTestBase {

    private static final int MOVES = 2500;

    @Override
    protected SandboxConfig config() {
        return SandboxConfig.builder().people(600).moves(MOVES).build();
    }

    private List<JsonNode> data(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.json().get("data").forEach(items::add);
        return items;
    }

    @Test
    void defaultPageIsTwentyWithLinksAndPagination() {
        Answer answer = api.get("/api/moves");
        assertThat(data(answer)).hasSize(20);
        JsonNode meta = answer.json().at("/meta/pagination");
        assertThat(meta.get("per_page").asInt()).isEqualTo(20);
        assertThat(meta.get("total_objects").asInt()).isEqualTo(MOVES);
        assertThat(meta.get("total_pages").asInt()).isEqualTo(125);
        JsonNode links = answer.json().get("links");
        assertThat(links.get("self").asText()).startsWith(sandbox.baseUri() + "/api/moves?").contains("page=1");
        assertThat(links.get("prev").isNull()).isTrue();
        assertThat(links.get("next").asText()).contains("page=2");
        assertThat(links.get("last").asText()).contains("page=125");
    }

    @Test
    void perPageIsCappedAt2000() {
        Answer answer = api.get("/api/moves?per_page=5000");
        assertThat(data(answer)).hasSize(2000);
        assertThat(answer.json().at("/meta/pagination/per_page").asInt()).isEqualTo(2000);
        assertThat(answer.json().at("/meta/pagination/total_pages").asInt()).isEqualTo(2);
        assertThat(data(api.get("/api/moves?per_page=2000&page=2"))).hasSize(MOVES - 2000);
        assertThat(data(api.get("/api/moves?per_page=2000&page=3"))).isEmpty();
    }

    @Test
    void walkingTheNextLinksVisitsEveryMoveOnce() {
        Set<String> ids = new HashSet<>();
        String next = "/api/moves?per_page=300&filter[status]=requested,booked";
        int pages = 0;
        int total = -1;
        while (next != null) {
            Answer answer = api.get(next);
            data(answer).forEach(m -> assertThat(ids.add(m.get("id").asText())).isTrue());
            total = answer.json().at("/meta/pagination/total_objects").asInt();
            JsonNode link = answer.json().at("/links/next");
            next = link.isNull() ? null : link.asText().substring(sandbox.baseUri().toString().length());
            pages++;
        }
        assertThat(ids).hasSize(total);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void badPagingIs400() {
        assertThat(api.get("/api/moves?per_page=0").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?page=abc").status()).isEqualTo(400);
    }

    @Test
    void seededMovesSpreadFromYesterdayToTwoWeeksAhead() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        List<SandboxState.MoveSnapshot> moves = state().moves();
        assertThat(moves).hasSize(MOVES);
        assertThat(moves).allMatch(m -> !m.date().isBefore(today.minusDays(1)) && !m.date().isAfter(today.plusDays(14)));
        assertThat(moves.stream().map(SandboxState.MoveSnapshot::date).distinct().count()).isEqualTo(16);
        assertThat(moves).allMatch(m -> !m.date().isBefore(today) || Set.of("completed", "cancelled").contains(m.status()));
    }

    @Test
    void filtersByDateStatusTypeLocationsReferenceAndPerson() {
        List<SandboxState.MoveSnapshot> all = state().moves();
        SandboxState.MoveSnapshot sample = all.get(17);
        LocalDate date = sample.date();

        List<JsonNode> onDate = data(api.get("/api/moves?per_page=2000&filter[date_from]=" + date + "&filter[date_to]=" + date));
        assertThat(onDate).hasSize((int) all.stream().filter(m -> m.date().equals(date)).count())
                .allMatch(m -> m.at("/attributes/date").asText().equals(date.toString()));

        List<JsonNode> statuses = data(api.get("/api/moves?per_page=2000&filter[status]=booked,in_transit"));
        assertThat(statuses).hasSize((int) all.stream().filter(m -> Set.of("booked", "in_transit").contains(m.status())).count())
                .allMatch(m -> Set.of("booked", "in_transit").contains(m.at("/attributes/status").asText()));

        List<JsonNode> types = data(api.get("/api/moves?per_page=2000&filter[move_type]=hospital"));
        assertThat(types).isNotEmpty().allMatch(m -> m.at("/attributes/move_type").asText().equals("hospital"));

        UUID otherFrom = all.stream().map(SandboxState.MoveSnapshot::fromLocationId)
                .filter(id -> !id.equals(sample.fromLocationId())).findFirst().orElseThrow();
        List<JsonNode> fromTwo = data(api.get("/api/moves?per_page=2000&filter[from_location_id]=" + sample.fromLocationId()
                + "," + otherFrom));
        assertThat(fromTwo).hasSize((int) all.stream().filter(m -> m.fromLocationId().equals(sample.fromLocationId())
                || m.fromLocationId().equals(otherFrom)).count());

        List<JsonNode> to = data(api.get("/api/moves?per_page=2000&filter[to_location_id]=" + sample.toLocationId()));
        assertThat(to).allMatch(m -> m.at("/relationships/to_location/data/id").asText().equals(sample.toLocationId().toString()));

        List<JsonNode> byReference = data(api.get("/api/moves?filter[reference]=" + sample.reference()));
        assertThat(byReference).hasSize(1);
        assertThat(byReference.get(0).get("id").asText()).isEqualTo(sample.id().toString());

        List<JsonNode> byPerson = data(api.get("/api/moves?per_page=2000&filter[person_id]=" + sample.personId()));
        assertThat(byPerson).hasSize((int) all.stream().filter(m -> m.personId().equals(sample.personId())).count());
    }

    @Test
    void badFilterValuesAre400() {
        assertThat(api.get("/api/moves?filter[status]=lost").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?filter[date_from]=25/11/2026").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?filter[from_location_id]=leeds").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?sort[by]=colour").status()).isEqualTo(400);
        assertThat(api.get("/api/moves?sort[direction]=sideways").status()).isEqualTo(400);
    }

    @Test
    void sortsByDateBothWays() {
        List<JsonNode> asc = data(api.get("/api/moves?per_page=2000&sort[by]=date&sort[direction]=asc"));
        List<JsonNode> desc = data(api.get("/api/moves?per_page=2000&sort[by]=date&sort[direction]=desc"));
        List<String> ascDates = asc.stream().map(m -> m.at("/attributes/date").asText()).toList();
        List<String> descDates = desc.stream().map(m -> m.at("/attributes/date").asText()).toList();
        assertThat(ascDates).isSorted();
        assertThat(descDates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<JsonNode> byCreated = data(api.get("/api/moves?sort[by]=created_at"));
        assertThat(byCreated).hasSize(20);
    }

    @Test
    void includesAreDeduplicated() {
        Answer answer = api.get("/api/moves?per_page=100&include=from_location,to_location,profile.person");
        Set<String> seen = new HashSet<>();
        answer.json().get("included").forEach(i -> assertThat(seen.add(i.get("type").asText() + "/" + i.get("id").asText())).isTrue());
        assertThat(seen).anyMatch(s -> s.startsWith("people/")).anyMatch(s -> s.startsWith("locations/"));
    }
}
