package org.movedesk.sync.push;

import java.util.Optional;
import java.util.UUID;

import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonRepository;
import org.movedesk.core.people.Profile;
import org.movedesk.core.people.ProfileRepository;
import org.springframework.transaction.annotation.Transactional;

/** Reads central ids from core's store (read-only; every write goes through core's services). */
public class CoreLocalLookup implements LocalLookup {

    private final MoveRepository moves;
    private final PersonRepository people;
    private final ProfileRepository profiles;

    public CoreLocalLookup(MoveRepository moves, PersonRepository people, ProfileRepository profiles) {
        this.moves = moves;
        this.people = people;
        this.profiles = profiles;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> moveCentralId(UUID moveId) {
        return moves.findById(moveId).map(Move::getCentralId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<java.time.LocalDate> moveDate(UUID moveId) {
        return moves.findById(moveId).map(Move::getDate);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> personCentralId(UUID personId) {
        return people.findById(personId).map(Person::getCentralId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> personPrisonNumber(UUID personId) {
        return people.findById(personId).map(Person::getPrisonNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> profileCentralId(UUID profileId) {
        return profiles.findById(profileId).map(Profile::getCentralId);
    }
}
