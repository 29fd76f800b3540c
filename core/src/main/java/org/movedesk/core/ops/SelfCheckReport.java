package org.movedesk.core.ops;

/** The self-check's verdict: ok, and the one line printed for people and scripts. */
public record SelfCheckReport(boolean ok, String line) {
}
