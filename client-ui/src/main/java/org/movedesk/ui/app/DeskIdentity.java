package org.movedesk.ui.app;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.movedesk.core.desk.DeskService;
import org.movedesk.ui.app.demo.DemoOperators;

/** The desk's id and own locations as the UI needs them, and the demo operators to list. */
@Component
public class DeskIdentity {

    private final DeskService desks;
    private final ObjectProvider<DemoOperators> demoOperators;

    public DeskIdentity(DeskService desks, ObjectProvider<DemoOperators> demoOperators) {
        this.desks = desks;
        this.demoOperators = demoOperators;
    }

    public String deskId() {
        return desks.current().deskId();
    }

    public Set<UUID> ownLocations() {
        Set<UUID> own = desks.current().ownLocationIds();
        return own == null ? Set.of() : own;
    }

    /** "staff  (password staff) - prison staff" lines for the sign-in screen; empty outside demo mode. */
    public List<String> demoOperatorLines() {
        DemoOperators demo = demoOperators.getIfAvailable();
        return demo == null ? List.of() : demo.lines();
    }
}
