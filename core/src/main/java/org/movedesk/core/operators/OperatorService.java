package org.movedesk.core.operators;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.movedesk.core.common.AccountLockedException;
import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.AuthenticationFailedException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.NotFoundException;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.common.ReferenceDataChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local operator accounts. Passwords are Argon2id hashes (spring-security-crypto); after
 * {@link SignInPolicy#maxFailedSignIns()} wrong passwords in a row the account is locked for
 * {@link SignInPolicy#lockout()}. Sign-ins, lockouts and admin changes are recorded in history.
 */
@Service
@EnableConfigurationProperties(SignInPolicy.class)
public class OperatorService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
    /** Compared against when the username is unknown, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;

    private final OperatorRepository operators;
    private final PasswordEncoder encoder;
    private final HistoryRecorder history;
    private final AfterCommit afterCommit;
    private final SignInPolicy policy;
    private final Tx tx;
    private final Clock clock;

    public OperatorService(OperatorRepository operators, PasswordEncoder encoder, HistoryRecorder history,
                           AfterCommit afterCommit, SignInPolicy policy, Tx tx, Clock clock) {
        this.operators = operators;
        this.encoder = encoder;
        this.history = history;
        this.afterCommit = afterCommit;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-real-password");
    }

    /**
     * Checks the password and returns the operator as an {@link Actor} for this desk.
     * The same message for an unknown name and a wrong password: it must not reveal which names exist.
     */
    public Actor signIn(String username, char[] password, String deskId) {
        String name = normalise(username);
        String raw = password == null ? "" : new String(password);
        Actor signedIn = tx.run(() -> "Sign-in raced with another sign-in; try again.", () -> {
            Operator op = name == null ? null : operators.findById(name).orElse(null);
            Instant now = Times.now(clock);
            if (op == null) {
                encoder.matches(raw, dummyHash);
                throw new AuthenticationFailedException("Wrong username or password.");
            }
            if (op.getLockedUntil() != null && op.getLockedUntil().isAfter(now)) {
                throw new AccountLockedException("Account " + name + " is locked after too many wrong passwords until "
                        + op.getLockedUntil() + "; try again later or ask an administrator to unlock it.", op.getLockedUntil());
            }
            if (!op.isEnabled()) {
                throw new AuthenticationFailedException("Account " + name + " is disabled; ask an administrator.");
            }
            Actor actor = new Actor(name, op.getRoles(), deskId);
            if (!encoder.matches(raw, op.getPasswordHash())) {
                op.signInFailed(policy.maxFailedSignIns(), now.plus(policy.lockout()));
                boolean lockedNow = op.getLockedUntil() != null && op.getLockedUntil().isAfter(now);
                record(actor, name, lockedNow ? "operator.locked" : "operator.sign-in-failed", null, null);
                // the failed attempt must be stored even though the caller gets an exception
                return null;
            }
            op.signedIn(now);
            record(actor, name, "operator.signed-in", null, null);
            return actor;
        });
        return signedIn != null ? signedIn : failAfterCommit(name);
    }

    private Actor failAfterCommit(String name) {
        Operator op = operators.findById(name).orElseThrow();
        Instant now = Times.now(clock);
        if (op.getLockedUntil() != null && op.getLockedUntil().isAfter(now)) {
            throw new AccountLockedException("Too many wrong passwords: account " + name + " is locked until "
                    + op.getLockedUntil() + ".", op.getLockedUntil());
        }
        throw new AuthenticationFailedException("Wrong username or password.");
    }

    @Transactional(readOnly = true)
    public boolean hasAnyOperator() {
        return operators.count() > 0;
    }

    /** First start only: creates the first administrator (ADMIN + SUPERVISOR). */
    public Operator createFirstAdmin(String username, char[] password, String displayName) {
        String name = normalise(username);
        validate(name, displayName, password);
        return tx.run(() -> "Another administrator was created at the same time.", () -> {
            if (operators.count() > 0) {
                throw new PermissionDeniedException("An administrator already exists; sign in and create accounts there.");
            }
            Operator op = new Operator(name, displayName.trim(), encoder.encode(new String(password)),
                    EnumSet.of(Role.ADMIN, Role.SUPERVISOR), Times.now(clock));
            operators.save(op);
            record(new Actor(name, op.getRoles(), null), name, "operator.created", null, view(op));
            afterCommit.publish(new ReferenceDataChanged());
            return op;
        });
    }

    public Operator create(Actor actor, NewOperator n) {
        Permissions.require(actor, "create operator accounts", Role.ADMIN);
        String name = normalise(n.username());
        validate(name, n.displayName(), n.password());
        Set<Role> roles = checkRoles(n.roles());
        return tx.run(() -> "Operator " + name + " was created by someone else at the same time.", () -> {
            if (operators.existsById(name)) {
                throw new ValidationException("username", "Username " + name + " is taken; choose another.");
            }
            Operator op = new Operator(name, n.displayName().trim(), encoder.encode(new String(n.password())), roles,
                    Times.now(clock));
            operators.save(op);
            record(actor, name, "operator.created", null, view(op));
            afterCommit.publish(new ReferenceDataChanged());
            return op;
        });
    }

    public Operator setRoles(Actor actor, String username, Set<Role> roles) {
        Permissions.require(actor, "change roles", Role.ADMIN);
        Set<Role> checked = checkRoles(roles);
        String name = normalise(username);
        return change(actor, name, "operator.roles-changed", op -> {
            if (name.equals(actor.username()) && !checked.contains(Role.ADMIN)) {
                throw new ValidationException("roles", "You cannot remove your own ADMIN role; ask another administrator.");
            }
            op.setRoles(checked, Times.now(clock));
        });
    }

    public Operator setEnabled(Actor actor, String username, boolean enabled) {
        Permissions.require(actor, "enable or disable accounts", Role.ADMIN);
        String name = normalise(username);
        return change(actor, name, enabled ? "operator.enabled" : "operator.disabled", op -> {
            if (!enabled && name.equals(actor.username())) {
                throw new ValidationException("enabled", "You cannot disable your own account.");
            }
            op.setEnabled(enabled, Times.now(clock));
            if (enabled) {
                op.unlock(Times.now(clock));
            }
        });
    }

    /** An operator changes their own password; an ADMIN may reset anyone's. */
    public Operator changePassword(Actor actor, String username, char[] newPassword) {
        String name = normalise(username);
        if (actor == null || !(actor.username().equals(name) || actor.has(Role.ADMIN))) {
            Permissions.require(actor, "change another operator's password", Role.ADMIN);
        }
        checkPassword(newPassword);
        return change(actor, name, "operator.password-changed", op -> {
            op.setPasswordHash(encoder.encode(new String(newPassword)), Times.now(clock));
            op.unlock(Times.now(clock));
        });
    }

    @Transactional(readOnly = true)
    public List<OperatorView> list(Actor actor) {
        Permissions.require(actor, "list operator accounts", Role.ADMIN, Role.SUPERVISOR);
        return operators.findAllByOrderByUsernameAsc().stream().map(this::view).toList();
    }

    private Operator change(Actor actor, String name, String eventType, java.util.function.Consumer<Operator> change) {
        return tx.run(() -> "Operator " + name + " was changed by someone else; reload and try again.", () -> {
            Operator op = operators.findById(name).orElseThrow(() -> new NotFoundException("No operator " + name));
            OperatorView before = view(op);
            change.accept(op);
            record(actor, name, eventType, before, view(op));
            afterCommit.publish(new ReferenceDataChanged());
            return op;
        });
    }

    private void record(Actor actor, String subject, String eventType, OperatorView before, OperatorView after) {
        history.append(HistoryDraft.of(actor, AggregateType.OPERATOR, subject, eventType).occurredAt(Times.now(clock))
                .before(before == null ? null : Json.write(before)).after(after == null ? null : Json.write(after))
                .build());
    }

    private OperatorView view(Operator op) {
        Instant now = Times.now(clock);
        boolean locked = op.getLockedUntil() != null && op.getLockedUntil().isAfter(now);
        return new OperatorView(op.getUsername(), op.getDisplayName(), op.getRoles(), op.isEnabled(), locked,
                locked ? op.getLockedUntil() : null, op.getLastSignInAt());
    }

    private static String normalise(String username) {
        return username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    private void validate(String name, String displayName, char[] password) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new ValidationException("username",
                    "A username has 2 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new ValidationException("displayName", "Enter the operator's name as it should appear in the history.");
        }
        checkPassword(password);
    }

    private void checkPassword(char[] password) {
        if (password == null || password.length < policy.minPasswordLength()) {
            throw new ValidationException("password",
                    "A password needs at least " + policy.minPasswordLength() + " characters.");
        }
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "Give the operator at least one role.");
        }
        if (roles.contains(Role.SYSTEM)) {
            throw new ValidationException("roles", "SYSTEM is reserved for the sync worker and cannot be given to a person.");
        }
        return EnumSet.copyOf(roles);
    }

    static List<Role> assignable() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).toList();
    }
}
