package org.movedesk.ui.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where the administrator's central settings go: {@code central.properties} next to the store,
 * read by the desk at its next start (see {@code DeskBootstrap}). The client secret is never
 * written to this file: without a secret store on this desk it must come from the
 * {@code MOVEDESK_CENTRAL_CLIENTSECRET} environment variable (ADR 0081).
 */
public final class CentralSettingsStore {

    public static final String FILE_NAME = "central.properties";
    static final String PREFIX = "movedesk.central.";

    private final Path file;

    public CentralSettingsStore(Path storeDir) {
        this.file = storeDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Properties load() {
        Properties values = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException unreadable) {
                // the form then starts from the running settings; saving writes a fresh file
            }
        }
        return values;
    }

    /** Writes atomically; the secret key is dropped whatever the caller passes. */
    public void save(String movesUrl, String rpUrl, String tokenUrl, String clientId) throws IOException {
        Properties values = new Properties();
        values.setProperty(PREFIX + "moves-url", movesUrl);
        values.setProperty(PREFIX + "rp-url", rpUrl);
        values.setProperty(PREFIX + "token-url", tokenUrl);
        values.setProperty(PREFIX + "client-id", clientId);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            values.store(out, "MoveDesk central service settings, written by Administration. The secret is not kept here.");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
