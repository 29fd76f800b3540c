package org.movedesk.core;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Everything core offers, for the application and for tests to import. DataSource, JPA and
 * Flyway come from Spring Boot auto-configuration; {@link org.movedesk.core.store.StoreEnvironment}
 * supplies the store URL and core's defaults (ddl-auto=validate, Flyway location).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = CoreConfiguration.class,
        // test fixtures live under .testing in core's test-jar; scanning must never pull them into an app
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.movedesk\\.core\\.testing\\..*"))
// DEFERRED: repositories are built when the context has refreshed, so an application that builds
// Hibernate on a background thread (the desk, ADR 0121) does not wait for it while creating beans
@EnableJpaRepositories(basePackageClasses = CoreConfiguration.class, bootstrapMode = BootstrapMode.DEFERRED)
@EntityScan(basePackageClasses = CoreConfiguration.class)
@EnableTransactionManagement
public class CoreConfiguration {

    /** The desk clock. Tests import a controllable clock before this configuration. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Argon2id with Spring Security's current recommended parameters (salted, memory-hard). */
    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    public PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
