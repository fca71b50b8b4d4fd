package dev.chat.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.lettuce.core.api.sync.RedisCommands;

/** Faults for tests: POSIX signals to a server process (SIGKILL as a crash, SIGSTOP/SIGCONT as a hung host). */
public final class Signals {

    private Signals() {
    }

    /** {@code kill -<name> <pid>}, e.g. {@code send(pid, "STOP")}; fails when kill does. */
    public static void send(long pid, String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("test-support: kill -" + name + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test-support: interrupted while sending SIG" + name + " to " + pid, e);
        }
    }

    /** The process id a Redis server reports ({@code INFO server}). */
    public static long redisPid(RedisCommands<String, String> redis) {
        String info = redis.info("server");
        String from = info.substring(info.indexOf("process_id:") + "process_id:".length());
        return Long.parseLong(from.substring(0, from.indexOf('\r')).trim());
    }
}
