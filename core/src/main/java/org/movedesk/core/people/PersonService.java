package org.movedesk.core.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.ReferenceDataChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryEntry;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxWriter;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** People and their profiles: found locally, recorded offline, or refreshed from the centre. */
@Service
public class PersonService {

    /** NOMS number: a letter, four digits, two letters (A1234BC). */
    public static final Pattern PRISON_NUMBER = Pattern.compile("[A-Z][0-9]{4}[A-Z]{2}");

    private final PersonRepository people;
    private final ProfileRepository profiles;
    private final HistoryRecorder history;
    private final OutboxWriter outbox;
    private final AfterCommit afterCommit;
    private final Tx tx;
    private final Clock clock;

    public PersonService(PersonRepository people, ProfileRepository profiles, HistoryRecorder history,
                         OutboxWriter outbox, AfterCommit afterCommit, Tx tx, Clock clock) {
        this.people = people;
        this.profiles = profiles;
        this.history = history;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.tx = tx;
        this.clock = clock;
    }

    public static String normalisePrisonNumber(String prisonNumber) {
        return prisonNumber == null || prisonNumber.isBlank() ? null : prisonNumber.trim().toUpperCase(Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByPrisonNumber(String prisonNumber) {
        String n = normalisePrisonNumber(prisonNumber);
        return n == null ? Optional.empty() : people.findByPrisonNumber(n);
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(UUID id) {
        return people.findById(id);
    }

    /** "Smi" finds SMITH, John; "smith j" finds SMITH, John. */
    @Transactional(readOnly = true)
    public List<Person> searchByName(String prefix, int limit) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        String key = prefix.trim().replace(",", " ").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                .replace("%", "").replace("_", "");
        return people.searchByNameKey(key, key + Character.MAX_VALUE, PageRequest.of(0, Math.max(1, limit)));
    }

    public Person recordNew(Actor actor, NewPerson p) {
        Permissions.require(actor, "record a new person", Role.PRISON_STAFF);
        String prisonNumber = normalisePrisonNumber(p.prisonNumber());
        validate(prisonNumber, p.firstNames(), p.lastName());
        return tx.run(() -> "Person " + prisonNumber + " was recorded by someone else at the same time; search for them.", () -> {
            if (prisonNumber != null && people.findByPrisonNumber(prisonNumber).isPresent()) {
                throw new ValidationException("prisonNumber", "A person with prison number " + prisonNumber
                        + " is already recorded; search for them instead.");
            }
            Instant now = Times.now(clock);
            Person person = new Person(UUID.randomUUID(), null, prisonNumber, blankToNull(p.pncNumber()),
                    p.firstNames().trim(), p.lastName().trim(), p.dateOfBirth(), blankToNull(p.gender()), now);
            people.save(person);
            ObjectNode payload = Json.object();
            payload.put("personId", person.getId().toString());
            payload.put("timestamp", now.toString());
            payload.put("prisonNumber", person.getPrisonNumber());
            payload.put("pncNumber", person.getPncNumber());
            payload.put("firstNames", person.getFirstNames());
            payload.put("lastName", person.getLastName());
            payload.put("dateOfBirth", person.getDateOfBirth() == null ? null : person.getDateOfBirth().toString());
            payload.put("gender", person.getGender());
            history.append(HistoryDraft.of(actor, AggregateType.PERSON, person.getId().toString(), "person.recorded")
                    .occurredAt(now).prisonNumber(prisonNumber).after(Json.write(payload)).build());
            outbox.append(actor, OutboxChannel.CENTRAL, AggregateType.PERSON, person.getId().toString(),
                    OutboxAction.CREATE_PERSON, Json.write(payload), now, now);
            afterCommit.publish(new ReferenceDataChanged());
            return person;
        });
    }

    /** The person's profile, created (with a CREATE_PROFILE outbox entry) when they have none. */
    public Profile ensureProfile(Actor actor, UUID personId) {
        Permissions.require(actor, "book moves", Role.PRISON_STAFF);
        return tx.run(() -> "The person's profile was changed by someone else; try again.",
                () -> ensureProfileInTransaction(actor, personId));
    }

    /** For services already inside an action's transaction (booking a move). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Profile ensureProfileInTransaction(Actor actor, UUID personId) {
        Permissions.require(actor, "book moves", Role.PRISON_STAFF);
        Person person = people.findById(personId)
                .orElseThrow(() -> new NotFoundException("No person with id " + personId + " is recorded at this desk."));
        List<Profile> existing = profiles.findByPersonIdOrderByCreatedAtAsc(personId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Instant now = Times.now(clock);
        Profile profile = new Profile(UUID.randomUUID(), null, person, now);
        profiles.save(profile);
        ObjectNode payload = Json.object();
        payload.put("personId", personId.toString());
        payload.put("profileId", profile.getId().toString());
        payload.put("timestamp", now.toString());
        history.append(HistoryDraft.of(actor, AggregateType.PERSON, personId.toString(), "person.profile-created")
                .occurredAt(now).prisonNumber(person.getPrisonNumber()).after(Json.write(payload)).build());
        outbox.append(actor, OutboxChannel.CENTRAL, AggregateType.PERSON, personId.toString(),
                OutboxAction.CREATE_PROFILE, Json.write(payload), now, now);
        return profile;
    }

    /** Inserts or refreshes a person known to the centre (matched by central id, then prison number). */
    public Person upsertFromCentral(Actor system, PersonData d) {
        Permissions.require(system, "apply central people data", Role.SYSTEM);
        return tx.run(() -> "Person " + d.prisonNumber() + " changed during the refresh; it will be retried.",
                () -> upsertFromCentralInTransaction(system, d));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Person upsertFromCentralInTransaction(Actor system, PersonData d) {
        Permissions.require(system, "apply central people data", Role.SYSTEM);
        return upsertCentral(system, d);
    }

    /**
     * Keeps a person the operator just looked up centrally (booking wizard: not in the cache,
     * found at the centre) so the booking can point at them. Same matching as
     * {@link #upsertFromCentral}; the history entry names the operator who asked.
     */
    public Person cacheFromCentral(Actor operator, PersonData d) {
        Permissions.require(operator, "look people up at the centre", Role.PRISON_STAFF);
        return tx.run(() -> "Person " + d.prisonNumber() + " was stored by someone else at the same time; search for them.",
                () -> upsertCentral(operator, d));
    }

    private Person upsertCentral(Actor who, PersonData d) {
        if (d.centralId() == null || d.centralId().isBlank()) {
            throw new ValidationException("centralId", "A person from the centre needs its id");
        }
        String prisonNumber = normalisePrisonNumber(d.prisonNumber());
        String first = d.firstNames() == null ? "" : d.firstNames();
        String last = d.lastName() == null ? "" : d.lastName();
        Instant now = Times.now(clock);
        Person person = people.findByCentralId(d.centralId())
                .or(() -> prisonNumber == null ? Optional.empty() : people.findByPrisonNumber(prisonNumber))
                .orElse(null);
        if (person == null) {
            person = new Person(UUID.randomUUID(), d.centralId(), prisonNumber, d.pncNumber(), first, last,
                    d.dateOfBirth(), d.gender(), now);
            people.save(person);
            history.append(HistoryDraft.of(who, AggregateType.PERSON, person.getId().toString(), "person.refreshed")
                    .occurredAt(now).prisonNumber(prisonNumber).source(HistoryEntry.SOURCE_CENTRAL)
                    .after(Json.write(d)).build());
        } else {
            person.linkCentral(d.centralId());
            person.update(prisonNumber, d.pncNumber(), first, last, d.dateOfBirth(), d.gender(), now);
        }
        if (d.profileCentralId() != null && profiles.findByCentralId(d.profileCentralId()).isEmpty()) {
            List<Profile> local = profiles.findByPersonIdOrderByCreatedAtAsc(person.getId());
            Profile unlinked = local.stream().filter(p -> p.getCentralId() == null).findFirst().orElse(null);
            if (unlinked != null && local.size() == 1) {
                // a profile created offline is still waiting for its CREATE_PROFILE; leave it to the outbox
            } else if (local.isEmpty()) {
                profiles.save(new Profile(UUID.randomUUID(), d.profileCentralId(), person, now));
            }
        }
        afterCommit.publish(new ReferenceDataChanged());
        return person;
    }

    private static void validate(String prisonNumber, String firstNames, String lastName) {
        if (prisonNumber != null && !PRISON_NUMBER.matcher(prisonNumber).matches()) {
            throw new ValidationException("prisonNumber",
                    "Prison number '" + prisonNumber + "' is not valid; it looks like A1234BC.");
        }
        if (firstNames == null || firstNames.isBlank()) {
            throw new ValidationException("firstNames", "Enter the person's first names.");
        }
        if (lastName == null || lastName.isBlank()) {
            throw new ValidationException("lastName", "Enter the person's last name.");
        }
        if (firstNames.length() > 255 || lastName.length() > 255) {
            throw new ValidationException("lastName", "Names can be at most 255 characters.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
