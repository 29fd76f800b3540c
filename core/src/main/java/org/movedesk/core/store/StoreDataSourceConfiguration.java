package org.movedesk.core.store;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The encrypted store's connection pool. Used unless someone configured
 * {@code spring.datasource.url} themselves (tests, or a developer's plain store): then Spring
 * Boot's pool is used as configured. {@link StoreOpener} runs first, so the pool only ever sees a
 * file that is known to be an encrypted MoveDesk store (or none yet).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StoreDataSourceConfiguration.OwnStore.class)
public class StoreDataSourceConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    public HikariDataSource dataSource(Environment env) {
        StoreSettings settings = StoreSettings.from(env);
        StoreOpener.Opening opening = StoreOpener.prepare(settings, System.getenv(), Clock.systemUTC());
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("movedesk-store");
        pool.setJdbcUrl(opening.url());
        pool.setUsername(opening.user());
        pool.setPassword(opening.password());
        pool.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 6));
        return pool;
    }

    /** Active when encryption is on (default) and no explicit datasource URL was configured. */
    public static class OwnStore implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return !env.containsProperty("spring.datasource.url")
                    && env.getProperty(StoreSettings.ENCRYPT, Boolean.class, true);
        }
    }
}
