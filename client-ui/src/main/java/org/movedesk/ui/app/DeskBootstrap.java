package org.movedesk.ui.app;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;

import org.movedesk.ui.common.DeskEnvironment;

/** Starts the non-web Spring Boot context for the desk (off the FX thread). */
public final class DeskBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DeskBootstrap.class);

    private DeskBootstrap() {
    }

    public static ConfigurableApplicationContext start(UiInfrastructure infrastructure, String[] args) {
        StartupClock.mark("spring-start");
        DeskEnvironment environment = infrastructure.environment();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(DeskEnvironment.MODE_KEY, environment.mode().name().toLowerCase());
        defaults.put(DeskEnvironment.STORE_KEY, environment.storeDir().toString());
        // no spring.datasource.url: core opens the store itself, encrypted (StoreDataSourceConfiguration)
        Sandbox sandbox = null;
        if (environment.demo()) {
            // demo operators use their user name as password ("rp"); real desks keep core's minimum
            defaults.put("movedesk.security.min-password-length", "2");
            // the sandbox plays the centre; sync talks to it over loopback like to the real one
            sandbox = Sandbox.start(SandboxConfig.builder()
                    .seed(Long.parseLong(DeskEnvironment.lookup("movedesk.demo.seed", args, System.getenv(), "42")))
                    .people(Integer.parseInt(DeskEnvironment.lookup("movedesk.demo.people", args, System.getenv(), "1000")))
                    .moves(Integer.parseInt(DeskEnvironment.lookup("movedesk.demo.moves", args, System.getenv(), "1500")))
                    .build());
            String base = sandbox.baseUri().toString();
            defaults.put("movedesk.central.moves-url", base);
            defaults.put("movedesk.central.rp-url", base);
            defaults.put("movedesk.central.token-url", base + "/oauth/token");
            defaults.put("movedesk.central.client-id", sandbox.config().clientId());
            defaults.put("movedesk.central.client-secret", sandbox.config().clientSecret());
        } else if (DeskEnvironment.lookup("movedesk.central.moves-url", args, System.getenv(), "").isBlank()) {
            // no central services configured: stay offline and keep every action in the outbox
            LOG.warn("movedesk.central.moves-url is not set: sync is off, actions are kept locally");
            defaults.put("movedesk.sync.enabled", "false");
        }
        Sandbox demoCentre = sandbox;
        // -Dmovedesk.startup.trace=N: print the N slowest start-up steps (beans, Flyway, JPA)
        int traced = Integer.getInteger("movedesk.startup.trace", 0);
        BufferingApplicationStartup steps = traced > 0 ? new BufferingApplicationStartup(20_000) : null;
        try {
            ConfigurableApplicationContext started = new SpringApplicationBuilder(MoveDeskSpringConfig.class)
                    .applicationStartup(steps != null ? steps : ApplicationStartup.DEFAULT)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .headless(false)
                    .logStartupInfo(false)
                    .properties(defaults)
                    .initializers(context -> {
                        infrastructure.registerInto(context.getBeanFactory());
                        if (demoCentre != null) {
                            context.getBeanFactory().registerSingleton("sandbox", demoCentre);
                            context.addApplicationListener(event -> {
                                if (event instanceof ContextClosedEvent) {
                                    demoCentre.close();
                                }
                            });
                        }
                    })
                    .run(args);
            if (steps != null) {
                printSlowest(steps, traced);
            }
            return started;
        } catch (RuntimeException failed) {
            if (demoCentre != null) {
                demoCentre.close();
            }
            throw failed;
        }
    }

    private static void printSlowest(BufferingApplicationStartup steps, int count) {
        steps.getBufferedTimeline().getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(count)
                .forEach(event -> {
                    StringBuilder tags = new StringBuilder();
                    event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
                    System.out.println("movedesk.startup.step " + event.getDuration().toMillis() + " ms "
                            + event.getStartupStep().getName() + tags);
                });
    }
}
