package org.movedesk.ui.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.movedesk.core.operators.Role;
import org.movedesk.sync.http.CentralProperties;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskHandle;
import org.movedesk.ui.common.TaskRunner;

/**
 * The central service settings an administrator maintains: the three URLs, the client id and
 * the (masked) client secret, with "Test connection" running in the background (cancellable)
 * and answering in words what to do next. Saving writes the URLs and id for the next start;
 * the secret is only ever held in memory here (see {@link CentralSettingsStore}).
 */
public class CentralConnectionViewModel {

    private final CentralSettingsStore store;
    private final CentralProperties running;
    private final ConnectionTester tester;
    private final Session session;
    private final TaskRunner tasks;

    private final StringProperty movesUrl = new SimpleStringProperty("");
    private final StringProperty rpUrl = new SimpleStringProperty("");
    private final StringProperty tokenUrl = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ConnectionTester.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private TaskHandle test;
    private String runningSecret = "";

    /**
     * @param running the settings the desk started with (null when sync is not configured)
     */
    public CentralConnectionViewModel(CentralSettingsStore store, CentralProperties running, ConnectionTester tester,
                                      Session session, TaskRunner tasks) {
        this.store = store;
        this.running = running;
        this.tester = tester;
        this.session = session;
        this.tasks = tasks;
    }

    /** Fills the form: the saved file first, else what the desk runs with. The secret starts as the running one. */
    public void load() {
        Map<String, String> saved = store.load();
        movesUrl.set(saved.getOrDefault(CentralSettingsStore.MOVES_URL, text(running == null ? null : running.movesUrl())));
        rpUrl.set(saved.getOrDefault(CentralSettingsStore.RP_URL, text(running == null ? null : running.rpUrl())));
        tokenUrl.set(saved.getOrDefault(CentralSettingsStore.TOKEN_URL, text(running == null ? null : running.tokenUrl())));
        clientId.set(saved.getOrDefault(CentralSettingsStore.CLIENT_ID, running == null || running.clientId() == null
                ? "" : running.clientId()));
        runningSecret = running == null || running.clientSecret() == null ? "" : running.clientSecret();
        clientSecret.set(runningSecret);
        error.set("");
        notice.set("");
        resultText.set("");
        result.set(null);
    }

    private static String text(URI uri) {
        return uri == null ? "" : uri.toString();
    }

    /** One sentence per field that cannot be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        url("Moves API URL", movesUrl.get(), problems);
        url("Restricted Patients API URL", rpUrl.get(), problems);
        url("Token URL", tokenUrl.get(), problems);
        if (clientId.get().isBlank()) {
            problems.add("Enter the client id the central team gave this desk.");
        }
        return problems;
    }

    private static void url(String name, String value, List<String> problems) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            problems.add("Enter the " + name + ".");
            return;
        }
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add("The " + name + " must start with https:// and name a server, e.g. https://api.example.gov.uk.");
            }
        } catch (IllegalArgumentException malformed) {
            problems.add("The " + name + " is not a valid address: " + malformed.getMessage());
        }
    }

    CentralProperties formSettings() {
        return CentralProperties.of(URI.create(movesUrl.get().trim()), URI.create(rpUrl.get().trim()),
                URI.create(tokenUrl.get().trim()), clientId.get().trim(), clientSecret.get());
    }

    /** Tests the settings in the form (not the saved ones) in the background. */
    public void testConnection() {
        session.require();
        List<String> problems = problems();
        if (clientSecret.get().isEmpty()) {
            problems = new ArrayList<>(problems);
            problems.add("Enter the client secret to test with.");
        }
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return;
        }
        if (test != null && !test.isDone()) {
            return;
        }
        CentralProperties settings = formSettings();
        error.set("");
        resultText.set("Testing\u2026");
        result.set(null);
        testing.set(true);
        test = tasks.run(BackgroundTask.of("Testing the connection to the centre", progress -> tester.test(settings, progress))
                .onSuccess(found -> {
                    result.set(found);
                    resultText.set(found.message());
                })
                .onFailure(failure -> resultText.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> {
                    testing.set(false);
                    if ("Testing\u2026".equals(resultText.get())) {
                        resultText.set("Test cancelled.");
                    }
                }));
    }

    public void cancelTest() {
        if (test != null) {
            test.cancel();
        }
    }

    /** Writes the URLs and client id for the next start, and a newly typed secret to the secret store. */
    public boolean save() {
        var actor = session.require();
        if (!actor.has(Role.ADMIN)) {
            error.set("Only an administrator may change the central service settings.");
            return false;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        String moves = movesUrl.get().trim();
        String rp = rpUrl.get().trim();
        String token = tokenUrl.get().trim();
        String id = clientId.get().trim();
        Optional<char[]> secret = clientSecret.get().isEmpty() || clientSecret.get().equals(runningSecret)
                ? Optional.empty() : Optional.of(clientSecret.get().toCharArray());
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of("Saving the central service settings",
                        progress -> store.save(actor, moves, rp, token, id, secret))
                .onSuccess(saved -> {
                    StringBuilder text = new StringBuilder("Saved to " + saved.file() + "; the desk uses them from its next start.");
                    if (saved.secretStored()) {
                        text.append(" The new client secret is kept encrypted in the secret store.");
                    } else if (secret.isPresent()) {
                        text.append(" The secret was not stored: this desk has no secret store.");
                    }
                    notice.set(text.toString());
                })
                .onFailure(failure -> error.set("Could not save the settings: " + ErrorMessages.forUser(failure))));
        return true;
    }

    public StringProperty movesUrlProperty() {
        return movesUrl;
    }

    public StringProperty rpUrlProperty() {
        return rpUrl;
    }

    public StringProperty tokenUrlProperty() {
        return tokenUrl;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public ReadOnlyObjectProperty<ConnectionTester.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
