package org.movedesk.core.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds core's defaults with the lowest precedence, so an application.properties or a test
 * property still wins: the datasource URL derived from {@code movedesk.store.dir}, schema by
 * Flyway only, Hibernate validating the entities against it. With store encryption on (the
 * default) the URL is left unset and {@link StoreDataSourceConfiguration} opens the encrypted store.
 */
public class StoreEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        // with encryption on (the default) StoreDataSourceConfiguration opens the store itself
        boolean encrypted = env.getProperty(StoreSettings.ENCRYPT, Boolean.class, true);
        if (!env.containsProperty("spring.datasource.url") && !encrypted) {
            String dir = env.getProperty(StoreUrl.DIR_PROPERTY);
            Path path = dir == null || dir.isBlank() ? StoreUrl.defaultDirectory() : Path.of(dir);
            defaults.put("spring.datasource.url", StoreUrl.forDirectory(path));
        }
        // the store's owner is always "sa" with an empty password (a local file, protected by the OS account)
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.flyway.locations", "classpath:db/migration");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "6");
        // a pulled page updates up to 2000 moves at once: send the UPDATEs in JDBC batches
        defaults.put("spring.jpa.properties.hibernate.jdbc.batch_size", "100");
        defaults.put("spring.jpa.properties.hibernate.order_updates", "true");
        env.getPropertySources().addLast(new MapPropertySource("movedesk-core-defaults", defaults));
    }
}
