package org.movedesk.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code movedesk.sync.*}: whether sync runs and how hard it works.
 *
 * @param enabled            false = the desk stays offline (actions queue up locally)
 * @param workers            entries sent in parallel (different moves/patients)
 * @param pullDaysBefore     refresh window start, days before today
 * @param pullDaysAfter      refresh window end, days after today
 * @param pullPerPage        moves per page (max 2000)
 * @param pullInterval       time between automatic refreshes
 * @param probeInterval      quiet time after which a cheap request checks the centre is there
 * @param backoffInitial     first retry delay after an unknown outcome
 * @param backoffMax         cap of the retry delay
 */
@ConfigurationProperties("movedesk.sync")
public record SyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int workers,
        @DefaultValue("1") int pullDaysBefore,
        @DefaultValue("14") int pullDaysAfter,
        @DefaultValue("2000") int pullPerPage,
        @DefaultValue("5m") Duration pullInterval,
        @DefaultValue("30s") Duration probeInterval,
        @DefaultValue("1s") Duration backoffInitial,
        @DefaultValue("5m") Duration backoffMax) {
}
