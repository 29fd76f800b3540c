package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

    @Test
    void prisonNumbersPncNumbersAndNamedFieldsAreMasked() {
        String line = "Booked move for A1234BC (pnc 2012/0012345X, old 12/12345X) "
                + "person={\"firstNames\":\"Alex James\",\"lastName\":\"O'Brien\",\"dateOfBirth\":\"1990-01-02\"} "
                + "Person[prisonNumber=B9999ZZ, firstNames=Alex, lastName=Smith-Jones, gender=male] "
                + "query last_name=Smith&first_names=Jo";
        String out = PersonalDataRedactor.redact(line);

        assertThat(out).doesNotContain("A1234BC", "B9999ZZ", "2012/0012345X", "12/12345X", "Alex", "O'Brien",
                "Smith", "1990-01-02", "Jo\n").doesNotEndWith("Jo");
        assertThat(out).contains("[prison-no]", "[pnc]", "\"lastName\":\"[redacted]\"", "lastName=[redacted]",
                "gender=male", "Booked move for");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Pushed 12 outbox entries in 340 ms; move reference JHY4716X status booked; version 2.3.232";
        assertThat(PersonalDataRedactor.redact(line)).isEqualTo(line);
        assertThat(PersonalDataRedactor.redact(null)).isNull();
    }

    /** The same conversion rules and pattern as logback-spring.xml, writing to a temp file. */
    @Test
    void theLogbackPatternMasksMessagesAndStackTraces(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("test.log");
        String xml = """
                <configuration>
                  <conversionRule conversionWord="redactedMessage" class="org.movedesk.core.security.RedactingMessageConverter"/>
                  <conversionRule conversionWord="redactedException" class="org.movedesk.core.security.RedactingThrowableConverter"/>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%-5level %%logger - %%redactedMessage%%n%%redactedException</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(logFile);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Logger log = context.getLogger("test");

        log.info("Discharged {} to hospital, lastName={}", "C4321DE", "Pemberton");
        log.warn("push failed", new IllegalStateException("Move for D5555FF (firstNames=Robin) was refused"));
        context.stop();
        String text = Files.readString(logFile);

        assertThat(text).doesNotContain("C4321DE", "Pemberton", "D5555FF", "Robin");
        assertThat(text).contains("Discharged [prison-no] to hospital, lastName=[redacted]", "IllegalStateException",
                "Move for [prison-no] (firstNames=[redacted]) was refused", "at org.movedesk");
    }

    @Test
    void theSharedLogbackConfigUsesTheRedactingConverters() throws Exception {
        try (var in = getClass().getResourceAsStream("/logback-spring.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains(RedactingMessageConverter.class.getName(), RedactingThrowableConverter.class.getName());
            assertThat(xml.replaceAll("(?s)<!--.*?-->", "")).doesNotContain("%msg", "%m%n", "%message", "%ex", "%wEx");
        }
    }
}
