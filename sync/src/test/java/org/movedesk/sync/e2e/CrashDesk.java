package org.movedesk.sync.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.movedesk.sync.testing.DeskHarness;

/**
 * The desk process the crash test kills: opens the H2 file, resets what was in flight, pushes,
 * and says so on stdout ("PUSHING", then "DRAINED" when nothing CENTRAL is left). Run by
 * {@link CrashTest} with the test classpath.
 */
public final class CrashDesk {

    private CrashDesk() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        URI central = URI.create(args[1]);
        DeskHarness desk = DeskHarness.start(store, central);
        if (args.length > 2 && args[2].equals("warmup")) {
            // a clean exit lets -XX:ArchiveClassesAtExit write the class-data archive the trials start from
            desk.close();
            System.out.println("WARM");
            System.exit(0);
        }
        desk.startPush();
        System.out.println("PUSHING");
        System.out.flush();
        while (true) {
            if (desk.centralOpen() == 0 && desk.push.idle()) {
                System.out.println("DRAINED");
                System.out.flush();
                desk.close();
                System.exit(0);
            }
            Thread.sleep(Duration.ofMillis(50).toMillis()); // a polling loop in a throwaway process, not test synchronisation
        }
    }
}
