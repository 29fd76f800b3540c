package org.movedesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable on acknowledgement: a child JVM records actions on a real H2 file through the real
 * services and prints each acknowledged one; it is killed with SIGKILL mid-stream; every
 * acknowledged action must be in the reopened store (move, history entry, outbox entry).
 */
class KillNineDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 40;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedActionSurvivesKillMinusNine(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<String> booked = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK BOOKED ")) {
                    booked.add(line.substring("ACK BOOKED ".length()));
                } else if (line.startsWith("ACK ACCEPTED ")) {
                    accepted.add(line.substring("ACK ACCEPTED ".length()));
                }
                if (booked.size() + accepted.size() >= ACKS_BEFORE_KILL) {
                    // SIGKILL while the child keeps writing: no shutdown hook, no H2 close
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(booked.size() + accepted.size()).as("child acknowledged actions before the kill").isEqualTo(ACKS_BEFORE_KILL);

        try (Connection c = DriverManager.getConnection(StoreUrl.forDirectory(dir), "sa", "")) {
            for (String id : booked) {
                assertThat(count(c, "select count(*) from move where id = cast(? as uuid)", id)).as("move " + id).isEqualTo(1);
                assertThat(count(c, "select count(*) from history where aggregate_id = ? and event_type = 'move.booked'", id)).isEqualTo(1);
                assertThat(count(c, "select count(*) from outbox where aggregate_id = ? and action = 'CREATE_MOVE'", id)).isEqualTo(1);
            }
            for (String id : accepted) {
                assertThat(count(c, "select count(*) from move where id = cast(? as uuid) and status = 'BOOKED'", id)).as("accepted " + id).isEqualTo(1);
                assertThat(count(c, "select count(*) from outbox where aggregate_id = ? and action = 'ACCEPT'", id)).isEqualTo(1);
            }
        }
    }

    private static long count(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
