package org.movedesk.sync.events;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration binding and the on/off switch, without AWS or a store. */
class EventsConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EventsConfiguration.class)
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new JdbcDataSource()))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void switchedOffThereIsNoAwsClientAndNoWorkerButTheNeedsAttentionListIsThere() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(NeedsAttentionService.class);
            assertThat(context).doesNotHaveBean(SqsClient.class);
            assertThat(context).doesNotHaveBean(SnsClient.class);
            assertThat(context).doesNotHaveBean(SqsEventListener.class);
            assertThat(context).doesNotHaveBean(OutboxTopicPublisher.class);
            assertThat(context.getBean(EventsProperties.class).isEnabled()).isFalse();
        });
    }

    @Test
    void propertiesBindFromMovedeskEvents() {
        runner.withPropertyValues(
                        "movedesk.events.region=eu-west-1",
                        "movedesk.events.endpoint=http://127.0.0.1:4566",
                        "movedesk.events.topic-arn=arn:aws:sns:eu-west-1:000000000000:domain.fifo",
                        "movedesk.events.queue-url=http://127.0.0.1:4566/000000000000/desk",
                        "movedesk.events.dlq-url=http://127.0.0.1:4566/000000000000/desk-dlq",
                        "movedesk.events.max-receive-count=3",
                        "movedesk.events.error-visibility-timeouts=2s,30s")
                .run(context -> {
                    EventsProperties p = context.getBean(EventsProperties.class);
                    assertThat(p.getRegion()).isEqualTo("eu-west-1");
                    assertThat(p.getEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
                    assertThat(p.fifoTopic()).isTrue();
                    assertThat(p.getDlqUrl()).endsWith("desk-dlq");
                    assertThat(p.getMaxReceiveCount()).isEqualTo(3);
                    assertThat(p.errorVisibilityAfter(1)).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.errorVisibilityAfter(7)).as("the last value repeats").isEqualTo(Duration.ofSeconds(30));

                    try (SqsClient sqs = EventsAwsClients.sqs(p); SnsClient sns = EventsAwsClients.sns(p)) {
                        assertThat(sqs.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
                        assertThat(sqs.serviceClientConfiguration().endpointOverride())
                                .isEqualTo(Optional.of(URI.create("http://127.0.0.1:4566")));
                        assertThat(sns.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
                    }
                });
    }
}
