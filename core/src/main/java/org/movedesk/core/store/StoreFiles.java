package org.movedesk.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** File-level facts about a store: where its file is, what kind it is, moving it aside. */
public final class StoreFiles {

    public static final String MV_SUFFIX = ".mv.db";
    /** H2 writes this header in front of an encrypted file (FilePathEncrypt). */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    /** A plain MVStore file starts with its text header block. */
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoreFiles() {
    }

    public static Path mvFile(Path storeDir) {
        return storeDir.toAbsolutePath().resolve(StoreUrl.FILE_NAME + MV_SUFFIX);
    }

    /** The .mv.db file an H2 file URL points at, or null for a non-file URL (mem:, tcp:). */
    public static Path mvFileOfUrl(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
            return null;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int semicolon = rest.indexOf(';');
        String base = semicolon < 0 ? rest : rest.substring(0, semicolon);
        return Path.of(base + MV_SUFFIX).toAbsolutePath();
    }

    public static StoreFileKind inspect(Path mvFile) {
        if (mvFile == null || !Files.exists(mvFile)) {
            return StoreFileKind.ABSENT;
        }
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(mvFile)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return StoreFileKind.UNKNOWN;
        }
        if (startsWith(head, read, ENCRYPTED_HEADER)) {
            return StoreFileKind.ENCRYPTED;
        }
        if (startsWith(head, read, PLAIN_HEADER)) {
            return StoreFileKind.PLAIN;
        }
        return StoreFileKind.UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int read, byte[] prefix) {
        return read >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Renames the store file (and H2's side files) with an '.aside-&lt;time&gt;' suffix so the next
     * start creates an empty store; the old file stays for a support person. Returns the new name.
     */
    public static Path moveAside(Path mvFile, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant());
        Path aside = mvFile.resolveSibling(mvFile.getFileName() + ".aside-" + stamp);
        Files.move(mvFile, aside, StandardCopyOption.ATOMIC_MOVE);
        String base = mvFile.getFileName().toString().replace(MV_SUFFIX, "");
        for (String side : new String[] {".trace.db", ".lock.db"}) {
            Path sideFile = mvFile.resolveSibling(base + side);
            if (Files.exists(sideFile)) {
                Files.move(sideFile, sideFile.resolveSibling(sideFile.getFileName() + ".aside-" + stamp));
            }
        }
        return aside;
    }

    public static String stamp(Clock clock) {
        return STAMP.format(clock.instant());
    }
}
