package org.movedesk.ui.admin;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.ops.config.SettingsFile;
import org.movedesk.core.security.SecretStore;

/**
 * Where the administrator's central settings go (ADR 0081): the URLs and client id into sec's
 * settings file (the highest configuration layer below the command line, read at the next
 * start), the client secret into sec's encrypted {@link SecretStore} - never into a file.
 * The settings file refuses keys that name secrets; the token URL is an address, not a secret,
 * so it is saved with the other URLs.
 */
public final class CentralSettingsStore {

    static final String PREFIX = "movedesk.central.";
    static final String MOVES_URL = PREFIX + "moves-url";
    static final String RP_URL = PREFIX + "rp-url";
    static final String TOKEN_URL = PREFIX + "token-url";
    static final String CLIENT_ID = PREFIX + "client-id";

    /** What a save did, for the sentence the form shows. */
    public record Saved(String file, boolean secretStored) {
    }

    private final SettingsFile settings;
    private final SecretStore secrets;

    /**
     * @param secrets null when this desk has no secret store (then the secret is never kept)
     */
    public CentralSettingsStore(SettingsFile settings, SecretStore secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    public Map<String, String> load() {
        try {
            return settings.read();
        } catch (RuntimeException unreadable) {
            // the form then starts from the running settings; saving writes a fresh file
            return Map.of();
        }
    }

    public boolean secretStored(Actor actor) {
        return secrets != null && secrets.isSet(actor, SecretStore.CENTRAL_CLIENT_SECRET);
    }

    /** Called off the UI thread. The secret (when given) is wiped from the array afterwards. */
    public Saved save(Actor actor, String movesUrl, String rpUrl, String tokenUrl, String clientId, Optional<char[]> newSecret) {
        Map<String, String> values = new TreeMap<>(load());
        values.put(MOVES_URL, movesUrl);
        values.put(RP_URL, rpUrl);
        values.put(CLIENT_ID, clientId);
        values.put(TOKEN_URL, tokenUrl);
        settings.write(values);
        boolean stored = false;
        if (newSecret.isPresent() && secrets != null) {
            try {
                secrets.put(actor, SecretStore.CENTRAL_CLIENT_SECRET, newSecret.get());
                stored = true;
            } finally {
                Arrays.fill(newSecret.get(), '\u0000');
            }
        }
        return new Saved(settings.file().toString(), stored);
    }
}
