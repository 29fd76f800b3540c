package org.movedesk.sandbox.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** People and their profiles. Not thread-safe: callers hold the world lock. */
public final class PeopleDirectory {

    private final Map<UUID, Person> people = new LinkedHashMap<>();
    private final Map<String, List<Person>> byPrisonNumber = new HashMap<>();
    private final Map<UUID, Profile> profiles = new HashMap<>();

    public void add(Person person) {
        people.put(person.id(), person);
        if (person.prisonNumber() != null) {
            byPrisonNumber.computeIfAbsent(normalise(person.prisonNumber()), k -> new ArrayList<>()).add(person);
        }
    }

    public void addProfile(Profile profile) {
        profiles.put(profile.id(), profile);
        people.get(profile.personId()).profileIds().add(profile.id());
    }

    public Optional<Person> byId(UUID id) {
        return Optional.ofNullable(people.get(id));
    }

    public List<Person> byPrisonNumber(String prisonNumber) {
        return byPrisonNumber.getOrDefault(normalise(prisonNumber), List.of());
    }

    public Optional<Person> firstByPrisonNumber(String prisonNumber) {
        return byPrisonNumber(prisonNumber).stream().findFirst();
    }

    public Optional<Profile> profile(UUID id) {
        return Optional.ofNullable(profiles.get(id));
    }

    public List<Profile> profilesOf(Person person) {
        return person.profileIds().stream().map(profiles::get).toList();
    }

    public Collection<Person> all() {
        return people.values();
    }

    public int size() {
        return people.size();
    }

    private static String normalise(String prisonNumber) {
        return prisonNumber.trim().toUpperCase(Locale.ROOT);
    }
}
