package org.movedesk.ui.app;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.movedesk.ui.common.DeskEnvironment;

/** Starts the non-web Spring Boot context for the desk (off the FX thread). */
public final class DeskBootstrap {

    private DeskBootstrap() {
    }

    public static ConfigurableApplicationContext start(UiInfrastructure infrastructure, String[] args) {
        DeskEnvironment environment = infrastructure.environment();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(DeskEnvironment.MODE_KEY, environment.mode().name().toLowerCase());
        defaults.put(DeskEnvironment.STORE_KEY, environment.storeDir().toString());
        // no spring.datasource.url: core opens the store itself, encrypted (StoreDataSourceConfiguration)
        if (environment.demo()) {
            // demo operators use their user name as password ("rp"); real desks keep core's minimum
            defaults.put("movedesk.security.min-password-length", "2");
        }
        return new SpringApplicationBuilder(MoveDeskSpringConfig.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .headless(false)
                .logStartupInfo(false)
                .properties(defaults)
                .initializers(context -> infrastructure.registerInto(context.getBeanFactory()))
                .run(args);
    }
}
