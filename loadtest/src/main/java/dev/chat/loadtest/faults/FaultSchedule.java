package dev.chat.loadtest.faults;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Injects the fault while the senders run: at {@code faultAt} runs the fault command (a shell line; it returns once
 * the fault is in place, e.g. the writer killed and started again), then, when there is one, probes the outage
 * until {@code recoverAt} and runs the recovery command.
 */
final class FaultSchedule implements Runnable {

    private final FaultOptions options;
    private final Timeline timeline;
    private final OutageProbe probe;

    FaultSchedule(FaultOptions options, Timeline timeline, OutageProbe probe) {
        this.options = options;
        this.timeline = timeline;
        this.probe = probe;
    }

    @Override
    public void run() {
        if (options.fault() == null) {
            return;
        }
        waitUntil(options.faultAtMs());
        exec("fault", options.fault());
        if (probe != null) {
            probe.probeUntil(options.recoverAtMs());
        }
        if (options.recover() != null) {
            waitUntil(options.recoverAtMs());
            exec("recovery", options.recover());
        }
        if (probe != null) {
            probe.awaitRecovery();
        }
    }

    private void exec(String what, String command) {
        timeline.add(what + ": " + command);
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            // passed through; the command's own "faults: ..." lines (which part it hit, when it was gone) join the time line
            try (java.io.BufferedReader out = p.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("faults: ")) {
                        timeline.add(line.substring("faults: ".length()));
                    } else {
                        System.out.println(line);
                    }
                }
            }
            int exit = p.waitFor();
            timeline.add(what + " done (exit " + exit + ")");
        } catch (IOException e) {
            timeline.add(what + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The schedule is a time line, not a condition: this wait is the plan, not a guess. */
    private void waitUntil(long atMs) {
        long wait = atMs - timeline.nowMs();
        if (wait > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
