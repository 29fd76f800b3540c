package org.movedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** How a sandbox starts: seed data, credentials, port, clock and start-up faults. Immutable; see {@link #builder()}. */
public final class SandboxConfig {

    private final long seed;
    private final int people;
    private final int moves;
    private final String clientId;
    private final String clientSecret;
    private final Duration tokenTtl;
    private final int port;
    private final Clock clock;
    private final Faults faults;
    private final int threads;

    private SandboxConfig(Builder b) {
        this.seed = b.seed;
        this.people = b.people;
        this.moves = b.moves;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenTtl = b.tokenTtl;
        this.port = b.port;
        this.clock = b.clock;
        this.faults = b.faults;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: seed 42, 2,000 people, no moves, client movedesk/movedesk-secret, free port. */
    public static SandboxConfig defaults() {
        return builder().build();
    }

    public long seed() {
        return seed;
    }

    public int people() {
        return people;
    }

    public int moves() {
        return moves;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    public int port() {
        return port;
    }

    public Clock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public int threads() {
        return threads;
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).people(people).moves(moves).clientId(clientId).clientSecret(clientSecret)
                .tokenTtl(tokenTtl).port(port).clock(clock).faults(faults).threads(threads);
    }

    @Override
    public String toString() {
        return "SandboxConfig{seed=" + seed + ", people=" + people + ", moves=" + moves + ", clientId=" + clientId
                + ", tokenTtl=" + tokenTtl + ", port=" + port + ", faults=" + faults + ", threads=" + threads + '}';
    }

    public static final class Builder {
        private long seed = 42;
        private int people = 2000;
        private int moves = 0;
        private String clientId = "movedesk";
        private String clientSecret = "movedesk-secret";
        private Duration tokenTtl = Duration.ofHours(2);
        private int port = 0;
        private Clock clock = Clock.systemUTC();
        private Faults faults = Faults.NONE;
        private int threads = 8;

        private Builder() {
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder people(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("people must be 0 or more, was " + value);
            }
            this.people = value;
            return this;
        }

        public Builder moves(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("moves must be 0 or more, was " + value);
            }
            this.moves = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = requireText(value, "clientId");
            return this;
        }

        public Builder clientSecret(String value) {
            this.clientSecret = requireText(value, "clientSecret");
            return this;
        }

        public Builder tokenTtl(Duration value) {
            Objects.requireNonNull(value, "tokenTtl");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive, was " + value);
            }
            this.tokenTtl = value;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + value);
            }
            this.port = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder faults(Faults value) {
            this.faults = Objects.requireNonNull(value, "faults");
            return this;
        }

        /** Size of the HTTP worker pool (default 8). */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, was " + value);
            }
            this.threads = value;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
