package org.movedesk.sandbox;

/**
 * An immutable set of fault-injection values: what the sandbox does to a share of the requests it
 * receives (never to {@code /__admin}). Rates are shares between 0 and 1.
 *
 * @param latencyMillis       added delay before every answer
 * @param errorRate           share of requests answered 500 or 503 (half each) without being applied
 * @param dropRate            share of requests that are applied but whose connection is closed without an answer
 * @param tooManyRequestsRate share of requests answered 429 with {@code Retry-After} without being applied
 * @param retryAfterSeconds   the {@code Retry-After} value sent with 429
 * @param truncateRate        share of requests that are applied but get only half of their answer body
 */
public record Faults(long latencyMillis, double errorRate, double dropRate, double tooManyRequestsRate,
                     int retryAfterSeconds, double truncateRate) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, 1, 0);

    public Faults {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be 0 or more, was " + latencyMillis);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be 0 or more, was " + retryAfterSeconds);
        }
        checkRate("errorRate", errorRate);
        checkRate("dropRate", dropRate);
        checkRate("tooManyRequestsRate", tooManyRequestsRate);
        checkRate("truncateRate", truncateRate);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }

    public Faults withLatencyMillis(long value) {
        return new Faults(value, errorRate, dropRate, tooManyRequestsRate, retryAfterSeconds, truncateRate);
    }

    public Faults withErrorRate(double value) {
        return new Faults(latencyMillis, value, dropRate, tooManyRequestsRate, retryAfterSeconds, truncateRate);
    }

    public Faults withDropRate(double value) {
        return new Faults(latencyMillis, errorRate, value, tooManyRequestsRate, retryAfterSeconds, truncateRate);
    }

    public Faults withTooManyRequestsRate(double value) {
        return new Faults(latencyMillis, errorRate, dropRate, value, retryAfterSeconds, truncateRate);
    }

    public Faults withRetryAfterSeconds(int value) {
        return new Faults(latencyMillis, errorRate, dropRate, tooManyRequestsRate, value, truncateRate);
    }

    public Faults withTruncateRate(double value) {
        return new Faults(latencyMillis, errorRate, dropRate, tooManyRequestsRate, retryAfterSeconds, value);
    }
}
