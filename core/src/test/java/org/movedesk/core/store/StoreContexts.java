package org.movedesk.core.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.movedesk.core.testing.CoreTestApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts core the way the desk does (no spring.datasource.url: the store is opened by
 * StoreDataSourceConfiguration) on a folder of the test's choosing, with its own keystore.
 */
public final class StoreContexts {

    public static final String TEST_KEYSTORE_PASSWORD = "test-keystore-password";

    private StoreContexts() {
    }

    public static Map<String, Object> storeProperties(Path root) {
        Map<String, Object> p = new HashMap<>();
        p.put(StoreUrl.DIR_PROPERTY, root.resolve("store").toString());
        p.put(StoreSettings.KEYSTORE, root.resolve("config/keys/movedesk-keys.p12").toString());
        p.put(StoreSettings.CONFIG_DIR, root.resolve("config").toString());
        p.put("movedesk.security.keystore-password", TEST_KEYSTORE_PASSWORD);
        return p;
    }

    public static ConfigurableApplicationContext start(Path root, Map<String, Object> extra) {
        Map<String, Object> p = storeProperties(root);
        p.putAll(extra);
        return new SpringApplicationBuilder(CoreTestApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(p)
                .run();
    }

    public static StoreSettings settings(Path root) {
        Map<String, Object> p = storeProperties(root);
        return StoreSettings.from(key -> p.get(key) == null ? null : String.valueOf(p.get(key)));
    }
}
