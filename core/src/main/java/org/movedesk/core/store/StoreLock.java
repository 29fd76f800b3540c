package org.movedesk.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whether an H2 process (this one or another) has the store file open: H2 locks the .mv.db file. */
public final class StoreLock {

    private StoreLock() {
    }

    public static boolean inUse(Path mvFile) {
        if (!Files.exists(mvFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(mvFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameJvm) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireNotInUse(Path mvFile, String what) {
        if (inUse(mvFile)) {
            throw new StoreUnusableException("STORE_IN_USE", mvFile, "The store " + mvFile
                    + " is open in a running MoveDesk; close MoveDesk first, then " + what + ".");
        }
    }
}
