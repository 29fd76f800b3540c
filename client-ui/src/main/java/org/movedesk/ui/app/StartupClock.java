package org.movedesk.ui.app;

import java.lang.management.ManagementFactory;

import org.slf4j.LoggerFactory;

/**
 * Measures the start-up milestones after JVM start: first frame, Spring ready, signed in, and
 * the dashboard showing today's data (scripts/bench-startup.sh reads the printed lines).
 */
public final class StartupClock {

    private static volatile long mainAt;
    private static volatile long firstFrameMs = -1;
    private static volatile long springReadyMs = -1;
    private static volatile long dashboardMs = -1;

    private StartupClock() {
    }

    static void markMain() {
        mainAt = System.currentTimeMillis();
    }

    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static void firstFrame() {
        if (firstFrameMs < 0) {
            // no logger here: initialising logging would delay the very frame being measured
            firstFrameMs = sinceJvmStart();
            System.out.println("movedesk.startup first-frame-ms=" + firstFrameMs);
        }
    }

    static void springReady() {
        springReadyMs = sinceJvmStart();
        LoggerFactory.getLogger(StartupClock.class).info("First frame {} ms, Spring context ready {} ms after JVM start",
                firstFrameMs, springReadyMs);
        System.out.println("movedesk.startup spring-ready-ms=" + springReadyMs);
    }

    /** A milestone that is only printed (for the benchmark's breakdown). */
    static void mark(String milestone) {
        System.out.println("movedesk.startup " + milestone + "-ms=" + sinceJvmStart());
    }

    /** The dashboard was laid out with today's moves and counts (the first time only). */
    static void dashboardReady() {
        if (dashboardMs < 0) {
            dashboardMs = sinceJvmStart();
            System.out.println("movedesk.startup dashboard-ms=" + dashboardMs);
        }
    }

    public static long firstFrameMs() {
        return firstFrameMs;
    }

    public static long springReadyMs() {
        return springReadyMs;
    }

    public static long dashboardMs() {
        return dashboardMs;
    }
}
