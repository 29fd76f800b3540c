package org.movedesk.sandbox.faults;

import org.movedesk.sandbox.Faults;

import java.util.Random;

/** Rolls the fault dice for each request from a seeded generator, so a seeded run misbehaves the same way. */
public final class FaultDice {

    private final Random random;

    public FaultDice(long seed) {
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    public synchronized FaultPlan roll(Faults faults) {
        if (faults.equals(Faults.NONE)) {
            return FaultPlan.NONE;
        }
        int before = 0;
        if (hit(faults.tooManyRequestsRate())) {
            before = 429;
        } else if (hit(faults.errorRate())) {
            before = random.nextBoolean() ? 500 : 503;
        }
        boolean drop = before == 0 && hit(faults.dropRate());
        boolean truncate = before == 0 && !drop && hit(faults.truncateRate());
        return new FaultPlan(faults.latencyMillis(), before, faults.retryAfterSeconds(), drop, truncate);
    }

    private boolean hit(double rate) {
        return rate > 0 && (rate >= 1.0 || random.nextDouble() < rate);
    }
}
