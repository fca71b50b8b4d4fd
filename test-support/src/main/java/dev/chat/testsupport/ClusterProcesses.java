package dev.chat.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;

/**
 * The processes and files of a {@link TestRedisCluster}: starts cluster-enabled embedded servers on free
 * ports with their files in one private temp dir, and stops them all and deletes that dir.
 */
final class ClusterProcesses {

    private final Path dir;
    private final RedisClient client = RedisClient.create();
    private final List<TestRedisNode> nodes = new ArrayList<>();

    ClusterProcesses() {
        try {
            dir = Files.createTempDirectory("chat-redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot create a temp dir for a Redis Cluster", e);
        }
    }

    /** Every node started and not yet stopped, in start order. */
    List<TestRedisNode> nodes() {
        return nodes;
    }

    /** A new cluster-enabled node that knows no other node yet. */
    TestRedisNode start() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before redis binds it
            int port = FreePorts.find();
            int bus = FreePorts.find();
            if (port == bus) {
                continue;
            }
            try {
                TestRedisNode node = TestRedisNode.start(client, port, bus, "cluster-enabled yes", "cluster-port " + bus,
                        "cluster-config-file nodes-" + port + ".conf", "dir \"" + dir + "\"",
                        // quicker than the defaults (15 s, 5 s, 10 s): roles and slots spread in about a second,
                        // a new replica syncs at once and soon has a replication offset
                        "cluster-node-timeout 5000", "repl-diskless-sync-delay 0", "repl-ping-replica-period 1");
                nodes.add(node);
                return node;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("test-support: cannot start a Redis Cluster node", last);
    }

    /**
     * Stops every node, closes the client and deletes the files, going on past failures; they are added to
     * {@code failure} when given, else thrown. Safe to call twice.
     */
    void stopAll(Throwable failure) {
        List<RuntimeException> problems = new ArrayList<>();
        for (TestRedisNode node : nodes) {
            run(node::stop, problems);
        }
        nodes.clear();
        run(() -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)), problems);
        run(this::deleteDir, problems);
        if (problems.isEmpty()) {
            return;
        }
        if (failure != null) {
            problems.forEach(failure::addSuppressed);
            return;
        }
        RuntimeException first = problems.get(0);
        problems.subList(1, problems.size()).forEach(first::addSuppressed);
        throw first;
    }

    private static void run(Runnable step, List<RuntimeException> problems) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    private void deleteDir() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot delete " + dir, e);
        }
    }
}
