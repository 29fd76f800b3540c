package org.movedesk.ui.admin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.locations.LocationService;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.ops.BackupService;
import org.movedesk.core.ops.DiagnosticsService;
import org.movedesk.core.ops.config.ConfigLayers;
import org.movedesk.core.ops.config.SettingsFile;
import org.movedesk.core.security.SecretStore;
import org.movedesk.core.store.StoreSettings;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.shell.NavigationEntry;

/** Administration (Ctrl+9, ADMIN only): operators, desk locations, central service, appearance and lock. */
@Configuration(proxyBeanMethods = false)
public class AdminFeature {

    public static final String ID = "admin";

    @Bean
    NavigationEntry adminEntry() {
        return NavigationEntry.sidebar(ID, "Administration", "mdal-admin_panel_settings", 90,
                "/org/movedesk/ui/admin/AdminView.fxml", "Shortcut+9", actor -> actor.has(Role.ADMIN));
    }

    @Bean
    ConnectionTester connectionTester(Clock clock) {
        return new SyncConnectionTester(clock);
    }

    @Bean
    CentralSettingsStore centralSettingsStore(Environment environment, ObjectProvider<SecretStore> secrets) {
        String configured = environment.getProperty(ConfigLayers.SETTINGS_PROPERTY);
        Path file = configured == null || configured.isBlank()
                ? SettingsFile.defaultLocation(StoreSettings.configDir(environment::getProperty)) : Path.of(configured);
        return new CentralSettingsStore(new SettingsFile(file), secrets.getIfAvailable());
    }

    @Bean
    @Scope("prototype")
    OperatorsViewModel operatorsViewModel(OperatorService operators, Session session, TaskRunner tasks) {
        return new OperatorsViewModel(operators, session, tasks);
    }

    @Bean
    @Scope("prototype")
    BackupViewModel backupViewModel(ObjectProvider<BackupService> backups, ObjectProvider<DiagnosticsService> diagnostics,
                                    Session session, TaskRunner tasks) {
        return new BackupViewModel(backups::getIfAvailable, diagnostics::getIfAvailable, session, tasks);
    }

    @Bean
    @Scope("prototype")
    DeskLocationsViewModel deskLocationsViewModel(DeskService desks, LocationService locations, Session session,
                                                  TaskRunner tasks) {
        return new DeskLocationsViewModel(desks, locations, session, tasks);
    }

    @Bean
    @Scope("prototype")
    CentralConnectionViewModel centralConnectionViewModel(CentralSettingsStore store,
                                                          ObjectProvider<CentralProperties> running,
                                                          ConnectionTester tester, Session session, TaskRunner tasks,
                                                          ObjectProvider<Sandbox> demoCentre) {
        CentralProperties settings = running.getIfAvailable();
        Sandbox sandbox = demoCentre.getIfAvailable();
        if (settings == null && sandbox != null) {
            // demo mode: the in-process stand-in is "the centre", so Test connection has something real to reach
            String base = sandbox.baseUri().toString().replaceAll("/$", "");
            settings = CentralProperties.of(URI.create(base), URI.create(base), URI.create(base + "/oauth/token"),
                    sandbox.config().clientId(), sandbox.config().clientSecret());
        }
        return new CentralConnectionViewModel(store, settings, tester, session, tasks);
    }
}
