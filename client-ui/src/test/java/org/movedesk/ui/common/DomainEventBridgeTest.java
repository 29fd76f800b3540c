package org.movedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.OutboxChanged;

class DomainEventBridgeTest {

    @Test
    void domainEventsArePostedThroughTheUiExecutorAndSpringsOwnAreNot() {
        List<Runnable> posted = new ArrayList<>();
        UiEventBus bus = new UiEventBus();
        List<Object> received = new ArrayList<>();
        bus.subscribe(MoveChanged.class, received::add);
        Runnable unsubscribe = bus.subscribe(OutboxChanged.class, received::add);
        DomainEventBridge bridge = new DomainEventBridge(posted::add, bus);

        MoveChanged changed = new MoveChanged(UUID.randomUUID());
        bridge.onApplicationEvent(changed);
        bridge.onApplicationEvent("a string event from someone else");
        bridge.onApplicationEvent(new org.springframework.context.event.ContextRefreshedEvent(
                new org.springframework.context.support.GenericApplicationContext()));

        assertThat(posted).as("only the domain event is posted").hasSize(1);
        assertThat(received).isEmpty();
        posted.forEach(Runnable::run);
        assertThat(received).containsExactly(changed);

        unsubscribe.run();
        bridge.onApplicationEvent(new OutboxChanged());
        posted.get(posted.size() - 1).run();
        assertThat(received).containsExactly(changed);
    }
}
