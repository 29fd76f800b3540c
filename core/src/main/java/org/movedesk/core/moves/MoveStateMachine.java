package org.movedesk.core.moves;

import static org.movedesk.core.moves.MoveStatus.BOOKED;
import static org.movedesk.core.moves.MoveStatus.CANCELLED;
import static org.movedesk.core.moves.MoveStatus.COMPLETED;
import static org.movedesk.core.moves.MoveStatus.IN_TRANSIT;
import static org.movedesk.core.moves.MoveStatus.PROPOSED;
import static org.movedesk.core.moves.MoveStatus.REQUESTED;

import java.util.EnumSet;
import java.util.Set;

import org.movedesk.core.common.IllegalTransitionException;

/**
 * The central Moves API state machine. The centre answers 204 and silently ignores an illegal
 * event; the desk refuses it up front with a message that says what has to happen first.
 */
public final class MoveStateMachine {

    private MoveStateMachine() {
    }

    public static Set<MoveStatus> allowedFrom(MoveAction action) {
        return switch (action) {
            case APPROVE -> EnumSet.of(PROPOSED);
            case REJECT -> EnumSet.of(PROPOSED, REQUESTED);
            case ACCEPT -> EnumSet.of(REQUESTED);
            case START -> EnumSet.of(BOOKED);
            case COMPLETE -> EnumSet.of(IN_TRANSIT);
            case CANCEL -> EnumSet.complementOf(EnumSet.of(CANCELLED));
            // a lockout happens on the road: the receiving location could not take the person
            case LOCKOUT -> EnumSet.of(IN_TRANSIT);
            // a new destination makes sense until the move has ended
            case REDIRECT -> EnumSet.of(PROPOSED, REQUESTED, BOOKED, IN_TRANSIT);
        };
    }

    /** Status after the action (lockout and redirect keep it). */
    public static MoveStatus target(MoveAction action, MoveStatus current) {
        return switch (action) {
            case APPROVE -> REQUESTED;
            case REJECT, CANCEL -> CANCELLED;
            case ACCEPT -> BOOKED;
            case START -> IN_TRANSIT;
            case COMPLETE -> COMPLETED;
            case LOCKOUT, REDIRECT -> current;
        };
    }

    public static boolean allows(MoveStatus current, MoveAction action) {
        return allowedFrom(action).contains(current);
    }

    public static void check(String moveLabel, MoveStatus current, MoveAction action) {
        if (!allows(current, action)) {
            throw new IllegalTransitionException(refusal(moveLabel, current, action));
        }
    }

    static String refusal(String moveLabel, MoveStatus s, MoveAction a) {
        String head = "Move " + moveLabel + " is " + s.label() + "; it cannot be " + verb(a) + " ";
        if (s == CANCELLED) {
            return a == MoveAction.CANCEL ? "Move " + moveLabel + " is already cancelled."
                    : head + "because it has been cancelled.";
        }
        if (s == COMPLETED) {
            return head + "because it has been completed.";
        }
        return head + switch (a) {
            case APPROVE -> "because only a proposed move can be approved.";
            case REJECT -> "because only a proposed or requested move can be rejected.";
            case ACCEPT -> s == PROPOSED ? "until it has been approved." : "again; it has already been accepted.";
            case START -> s == PROPOSED ? "until it has been approved and accepted."
                    : s == REQUESTED ? "until it has been accepted." : "again; it has already been started.";
            case COMPLETE -> "until it has been started.";
            case LOCKOUT -> "until it has been started; a lockout is recorded while the move is in transit.";
            case REDIRECT, CANCEL -> "now.";
        };
    }

    private static String verb(MoveAction a) {
        return a == MoveAction.LOCKOUT ? "locked out" : a.pastTense();
    }
}
