package org.movedesk.core.testing;

import org.junit.jupiter.api.BeforeEach;
import org.movedesk.core.store.StoreUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of core's integration tests: one Spring context (cached across classes) on one real
 * H2 file store. Each test makes its own people and moves through {@link StoreFixture}.
 */
@SpringBootTest(classes = CoreTestApplication.class)
public abstract class CoreIntegrationTest {

    @Autowired
    protected StoreFixture fixture;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> StoreUrl.forDirectory(StoreFixture.sharedStoreDir()));
    }

    @BeforeEach
    void seedAndResetClock() {
        clock.reset();
        fixture.seed();
    }
}
