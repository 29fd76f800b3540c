package org.movedesk.core.operators;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.movedesk.core.common.AssignedIdEntity;

/** A local operator account. The password is stored only as an Argon2 hash. */
@Entity
@Table(name = "operator")
public class Operator extends AssignedIdEntity<String> {

    @Id
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Operator() {
    }

    Operator(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = encode(roles);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    void setRoles(Set<Role> roles, Instant now) {
        this.roles = encode(roles);
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void setPasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void signInFailed(int maxAttempts, Instant lockUntil) {
        failedAttempts++;
        if (failedAttempts >= maxAttempts) {
            lockedUntil = lockUntil;
            failedAttempts = 0;
        }
    }

    void signedIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    void unlock(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    @Override
    public String getId() { return username; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    public Set<Role> getRoles() {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
    public boolean isEnabled() { return enabled; }
    public int getFailedAttempts() { return failedAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
