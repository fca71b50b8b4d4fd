package dev.chat.system;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.chat.testsupport.FreePorts;
import dev.chat.writer.WriterApplication;

/**
 * A writer in a JVM of its own (this test's class path less Spring Security, {@link WriterApplication} as main class), so that it can die
 * the way a process dies: {@link #kill()} is SIGKILL, with no shutdown hook, no offset commit, no flush. Its output
 * goes to {@code target/writer-<port>.log}.
 */
final class WriterProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private WriterProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a writer for {@code system} and returns once it reports ready. */
    static WriterProcess start(RunningSystem system) {
        int port = FreePorts.find();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", writerClassPath(),
                WriterApplication.class.getName()));
        command.addAll(List.of(system.writerArguments(port)));
        File log = Path.of("target", "writer-" + port + ".log").toFile();
        try {
            Files.createDirectories(log.toPath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            WriterProcess writer = new WriterProcess(process, port);
            try {
                writer.awaitReady();
            } catch (RuntimeException e) {
                writer.kill(); // not left running after a failed start
                throw e;
            }
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("system-tests: cannot start a writer process", e);
        }
    }

    /**
     * This test's class path without Spring Security, which the gateway brings and the writer's own jar lacks: with it
     * Boot would lock the writer's actuator, whose readiness tells when the process is up.
     */
    private static String writerClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("spring-security-"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private volatile String lastAnswer = "none yet";

    private void awaitReady() {
        String readiness = "http://127.0.0.1:" + port + "/actuator/health/readiness";
        try {
            awaitReady(readiness);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("writer process not ready; its last readiness answer: " + lastAnswer, e);
        }
    }

    private void awaitReady(String readiness) {
        await("writer process on port " + port + " ready (log: target/writer-" + port + ".log)")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("writer process exited with " + process.exitValue());
                    }
                    Client.Response answer = Client.call("GET", readiness, null, null);
                    lastAnswer = answer.status() + " " + answer.body();
                    return answer.status() == 200;
                });
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
