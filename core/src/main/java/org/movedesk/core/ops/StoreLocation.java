package org.movedesk.core.ops;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.movedesk.core.store.StoreHealth;
import org.movedesk.core.store.StoreSettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The running store's settings, taken from the pool actually in use (tests may point it elsewhere). */
@Component
public class StoreLocation {

    private final DataSource dataSource;
    private final Environment env;

    public StoreLocation(DataSource dataSource, Environment env) {
        this.dataSource = dataSource;
        this.env = env;
    }

    public StoreSettings settings() {
        StoreSettings configured = StoreSettings.from(env);
        Path file = StoreHealth.mvFileOf(dataSource);
        if (file == null) {
            return configured;
        }
        boolean encrypted = dataSource instanceof com.zaxxer.hikari.HikariDataSource h
                && h.getJdbcUrl().contains(org.movedesk.core.store.StoreUrl.CIPHER);
        return new StoreSettings(file.getParent(), encrypted, configured.plainStores(), configured.keystore(),
                configured.keystorePassword());
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
