package org.movedesk.core.testing;

import org.movedesk.core.CoreConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The Spring Boot application core's tests run against (and sync/client-ui tests may reuse from
 * core's test-jar): auto-configured H2 + JPA + Flyway, core's services, a movable clock and a
 * cheaper (still Argon2) password hash so fixtures stay fast.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreTestApplication.TestBeans.class, CoreConfiguration.class, StoreFixture.class})
public class CoreTestApplication {

    @Configuration(proxyBeanMethods = false)
    public static class TestBeans {
        @Bean
        @Primary
        public MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        public PasswordEncoder testPasswordEncoder() {
            // same algorithm as production, small parameters: tests create many accounts
            return new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1);
        }
    }
}
