package org.movedesk.core.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.common.ValidationException;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** defaults < config file < MOVEDESK_* environment < settings screen file < --key=value for one run. */
class ConfigPrecedenceTest {

    @TempDir
    Path home;

    @Test
    void eachLayerOverridesTheOneBelow() throws Exception {
        Files.writeString(home.resolve("movedesk.properties"), """
                movedesk.sync.interval=from-config-file
                movedesk.security.session.idle-timeout=from-config-file
                movedesk.ui.theme=from-config-file
                movedesk.store.dir=from-config-file
                movedesk.only.in.file=file
                """);
        new SettingsFile(SettingsFile.defaultLocation(home)).write(Map.of(
                "movedesk.ui.theme", "from-settings-screen",
                "movedesk.store.dir", "from-settings-screen"));
        Map<String, Object> env = new HashMap<>();
        env.put("MOVEDESK_CONFIG_DIR", home.toString());
        env.put("MOVEDESK_SECURITY_SESSION_IDLE_TIMEOUT", "from-env");
        env.put("MOVEDESK_UI_THEME", "from-env");
        env.put("MOVEDESK_STORE_DIR", "from-env");

        StandardEnvironment spring = environment(env, "--movedesk.store.dir=from-command-line");
        spring.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("application.properties",
                Map.of("movedesk.sync.interval", "default", "movedesk.only.default", "default")));
        new ConfigLayers().postProcessEnvironment(spring, new SpringApplication());

        assertThat(spring.getProperty("movedesk.only.default")).isEqualTo("default");
        assertThat(spring.getProperty("movedesk.only.in.file")).isEqualTo("file");
        assertThat(spring.getProperty("movedesk.sync.interval")).isEqualTo("from-config-file");
        assertThat(spring.getProperty("movedesk.security.session.idle-timeout")).isEqualTo("from-env");
        assertThat(spring.getProperty("movedesk.ui.theme")).isEqualTo("from-settings-screen");
        assertThat(spring.getProperty("movedesk.store.dir")).isEqualTo("from-command-line");
    }

    @Test
    void anExplicitConfigFileReplacesTheDefaultOneAndMustExist() throws Exception {
        Files.writeString(home.resolve("movedesk.properties"), "movedesk.x=default-file\n");
        Path other = Files.writeString(home.resolve("site.properties"), "movedesk.x=site-file\n");
        Map<String, Object> env = Map.of("MOVEDESK_CONFIG_DIR", home.toString());

        StandardEnvironment spring = environment(env, "--config=" + other);
        new ConfigLayers().postProcessEnvironment(spring, new SpringApplication());
        assertThat(spring.getProperty("movedesk.x")).isEqualTo("site-file");

        StandardEnvironment missing = environment(env, "--config=" + home.resolve("nope.properties"));
        assertThatThrownBy(() -> new ConfigLayers().postProcessEnvironment(missing, new SpringApplication()))
                .isInstanceOf(MoveDeskException.class).hasMessageContaining("nope.properties given with --config does not exist");
    }

    @Test
    void theSettingsFileRefusesSecrets() {
        SettingsFile file = new SettingsFile(home.resolve("settings.properties"));
        assertThatThrownBy(() -> file.write(Map.of("movedesk.central.client-secret", "hunter2")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is a secret");
        assertThat(home.resolve("settings.properties")).doesNotExist();
        for (String secret : new String[] {"movedesk.central.token", "movedesk.central.access-token", "spring.datasource.password",
                "movedesk.proxy.credentials", "movedesk.backup.private-key", "movedesk.central.token-url.password"}) {
            assertThatThrownBy(() -> file.write(Map.of(secret, "x"))).as(secret).isInstanceOf(ValidationException.class);
        }
        assertThat(home.resolve("settings.properties")).doesNotExist();
    }

    @Test
    void addressesAreSettingsEvenWhenTheirNameMentionsAToken() throws Exception {
        SettingsFile file = new SettingsFile(home.resolve("settings.properties"));
        file.write(Map.of("movedesk.central.token-url", "https://auth.example/oauth/token",
                "movedesk.central.tokenUri", "https://auth.example/oauth/token2"));
        assertThat(file.read()).containsEntry("movedesk.central.token-url", "https://auth.example/oauth/token")
                .containsEntry("movedesk.central.tokenUri", "https://auth.example/oauth/token2");
    }

    @Test
    void theRunningDeskLogsToTheConfigFolderTestsDoNot() {
        StandardEnvironment desk = environment(Map.of("MOVEDESK_CONFIG_DIR", home.toString()), "--movedesk.mode=central");
        new ConfigLayers().postProcessEnvironment(desk, new SpringApplication());
        assertThat(desk.getProperty(ConfigLayers.LOG_DIR)).isEqualTo(home.resolve("logs").toString());

        StandardEnvironment test = environment(Map.of("MOVEDESK_CONFIG_DIR", home.toString()));
        new ConfigLayers().postProcessEnvironment(test, new SpringApplication());
        assertThat(test.getProperty(ConfigLayers.LOG_DIR)).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> env, String... args) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        if (args.length > 0) {
            spring.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        }
        return spring;
    }
}
