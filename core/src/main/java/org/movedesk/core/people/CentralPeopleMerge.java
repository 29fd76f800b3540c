package org.movedesk.core.people;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.Session;
import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.ReferenceDataChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of one pulled page, merged in bulk with the same rules as
 * {@link PersonService#upsertFromCentralInTransaction}: matched by central id, then prison number;
 * new people (and their first profile) inserted as one JDBC batch with one history entry each;
 * known people updated only when the centre says something different.
 */
@Service
public class CentralPeopleMerge {

    @PersistenceContext
    private EntityManager em;

    private final PersonRepository people;
    private final ProfileRepository profiles;
    private final HistoryRecorder history;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public CentralPeopleMerge(PersonRepository people, ProfileRepository profiles, HistoryRecorder history,
                              AfterCommit afterCommit, Clock clock) {
        this.people = people;
        this.profiles = profiles;
        this.history = history;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** What a page's moves need to know about their people: the person and which profile to book against. */
    public static final class Resolved {
        private final Map<String, Person> byCentralId = new HashMap<>();
        private final Map<String, UUID> profileByCentralId = new HashMap<>();
        private final Map<UUID, UUID> firstProfileByPerson = new HashMap<>();

        /** The person the centre knows by this id (managed when already stored, detached when just inserted). */
        public Person person(String centralId) {
            return byCentralId.get(centralId);
        }

        /** The profile with that central id, else the person's oldest profile, else null. */
        public UUID profileId(String profileCentralId, UUID personId) {
            UUID p = profileCentralId == null ? null : profileByCentralId.get(profileCentralId);
            return p != null ? p : firstProfileByPerson.get(personId);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Resolved upsertPage(Actor system, Collection<PersonData> data) {
        Permissions.require(system, "apply central people data", Role.SYSTEM);
        Resolved out = new Resolved();
        Map<String, PersonData> page = new LinkedHashMap<>();
        for (PersonData d : data) {
            if (d.centralId() == null || d.centralId().isBlank()) {
                throw new ValidationException("centralId", "A person from the centre needs its id");
            }
            page.put(d.centralId(), d);
        }
        if (page.isEmpty()) {
            return out;
        }
        Map<String, Person> byCentral = new HashMap<>();
        Map<String, Person> byPrisonNumber = new HashMap<>();
        people.findByCentralIdIn(page.keySet()).forEach(p -> byCentral.put(p.getCentralId(), p));
        List<String> prisonNumbers = page.values().stream().map(d -> PersonService.normalisePrisonNumber(d.prisonNumber()))
                .filter(Objects::nonNull).distinct().toList();
        if (!prisonNumbers.isEmpty()) {
            people.findByPrisonNumberIn(prisonNumbers).forEach(p -> byPrisonNumber.put(p.getPrisonNumber(), p));
        }
        byCentral.values().forEach(p -> {
            if (p.getPrisonNumber() != null) {
                byPrisonNumber.putIfAbsent(p.getPrisonNumber(), p);
            }
        });

        Instant now = Times.now(clock);
        Map<UUID, Person> inserted = new LinkedHashMap<>();
        List<HistoryDraft> drafts = new ArrayList<>();
        boolean changed = false;
        for (PersonData d : page.values()) {
            String prisonNumber = PersonService.normalisePrisonNumber(d.prisonNumber());
            String first = d.firstNames() == null ? "" : d.firstNames();
            String last = d.lastName() == null ? "" : d.lastName();
            Person person = byCentral.get(d.centralId());
            if (person == null && prisonNumber != null) {
                person = byPrisonNumber.get(prisonNumber);
            }
            if (person == null) {
                person = new Person(UUID.randomUUID(), d.centralId(), prisonNumber, d.pncNumber(), first, last,
                        d.dateOfBirth(), d.gender(), now);
                inserted.put(person.getId(), person);
                drafts.add(HistoryDraft.of(system, AggregateType.PERSON, person.getId().toString(), "person.refreshed")
                        .occurredAt(now).prisonNumber(prisonNumber).source(HistoryEntry.SOURCE_CENTRAL)
                        .after(Json.write(d)).build());
                changed = true;
            } else if (!sameAsCentral(person, d, prisonNumber, first, last)) {
                person.linkCentral(d.centralId());
                person.update(prisonNumber, d.pncNumber(), first, last, d.dateOfBirth(), d.gender(), now);
                changed = true;
            }
            byCentral.put(d.centralId(), person);
            if (prisonNumber != null) {
                byPrisonNumber.put(prisonNumber, person);
            }
            out.byCentralId.put(d.centralId(), person);
        }

        // profiles: known by central id, or the oldest of each already stored person
        List<String> profileIds = page.values().stream().map(PersonData::profileCentralId).filter(Objects::nonNull)
                .distinct().toList();
        if (!profileIds.isEmpty()) {
            for (Object[] row : profiles.idsByCentralIdIn(profileIds)) {
                out.profileByCentralId.put((String) row[1], (UUID) row[0]);
            }
        }
        Map<UUID, List<Object[]>> storedProfiles = new HashMap<>();
        List<UUID> storedPeople = out.byCentralId.values().stream().map(Person::getId)
                .filter(id -> !inserted.containsKey(id)).distinct().toList();
        if (!storedPeople.isEmpty()) {
            for (Object[] row : profiles.idsByPersonIdIn(storedPeople)) {
                storedProfiles.computeIfAbsent((UUID) row[2], k -> new ArrayList<>()).add(row);
                out.firstProfileByPerson.putIfAbsent((UUID) row[2], (UUID) row[0]);
            }
        }
        List<Object[]> newProfiles = new ArrayList<>();
        for (PersonData d : page.values()) {
            if (d.profileCentralId() == null || out.profileByCentralId.containsKey(d.profileCentralId())) {
                continue;
            }
            Person person = out.byCentralId.get(d.centralId());
            List<Object[]> local = storedProfiles.getOrDefault(person.getId(), List.of());
            if (local.isEmpty()) {
                UUID id = UUID.randomUUID();
                Object[] row = {id, d.profileCentralId(), person.getId()};
                newProfiles.add(row);
                storedProfiles.put(person.getId(), new ArrayList<>(List.<Object[]>of(row)));
                out.profileByCentralId.put(d.profileCentralId(), id);
                out.firstProfileByPerson.putIfAbsent(person.getId(), id);
            }
            // one profile created offline is still waiting for its CREATE_PROFILE: the outbox links it
        }

        em.flush();
        insertPeople(inserted.values());
        insertProfiles(newProfiles, now);
        history.appendAll(drafts);
        if (changed || !newProfiles.isEmpty()) {
            afterCommit.publish(new ReferenceDataChanged());
        }
        return out;
    }

    private static boolean sameAsCentral(Person p, PersonData d, String prisonNumber, String first, String last) {
        return Objects.equals(p.getCentralId(), d.centralId()) && Objects.equals(p.getPrisonNumber(), prisonNumber)
                && Objects.equals(p.getPncNumber(), d.pncNumber()) && Objects.equals(p.getFirstNames(), first)
                && Objects.equals(p.getLastName(), last) && Objects.equals(p.getDateOfBirth(), d.dateOfBirth())
                && Objects.equals(p.getGender(), d.gender());
    }

    private void insertPeople(Collection<Person> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into person (id, central_id, prison_number, pnc_number,"
                    + " first_names, last_name, name_key, date_of_birth, gender, created_at, updated_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (Person p : inserted) {
                    ps.setObject(1, p.getId());
                    ps.setString(2, p.getCentralId());
                    ps.setString(3, p.getPrisonNumber());
                    ps.setString(4, p.getPncNumber());
                    ps.setString(5, p.getFirstNames());
                    ps.setString(6, p.getLastName());
                    ps.setString(7, Person.nameKey(p.getLastName(), p.getFirstNames()));
                    if (p.getDateOfBirth() == null) {
                        ps.setNull(8, Types.DATE);
                    } else {
                        ps.setObject(8, p.getDateOfBirth());
                    }
                    ps.setString(9, p.getGender());
                    ps.setObject(10, p.getCreatedAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(11, p.getUpdatedAt().atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private void insertProfiles(List<Object[]> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "insert into profile (id, central_id, person_id, created_at) values (?, ?, ?, ?)")) {
                for (Object[] r : rows) {
                    ps.setObject(1, r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setObject(3, r[2]);
                    ps.setObject(4, now.atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }
}
