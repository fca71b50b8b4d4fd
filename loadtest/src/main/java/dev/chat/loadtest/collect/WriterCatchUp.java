package dev.chat.loadtest.collect;

import java.time.Duration;

/** Waiting for the writer to have consumed every command of the run (its consumer lag 0) before looking at its output. */
final class WriterCatchUp {

    private WriterCatchUp() {
    }

    /**
     * Waits until the writer group's lag on the commands topic is 0, at most {@code wait}.
     *
     * @param who the tool waiting, for its progress lines
     * @return how many commands it is still behind (0: caught up)
     */
    static long await(String bootstrap, Duration wait, String who) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(bootstrap, "writer", "chat.message-commands")) {
            long deadline = System.nanoTime() + wait.toNanos();
            long behind;
            long lastPrint = 0;
            while ((behind = lag.lag()) != 0) {
                if (System.nanoTime() > deadline) {
                    System.err.println(who + ": the writer is still " + behind + " commands behind after " + wait.toSeconds()
                            + " s; going on with what it has written");
                    return behind;
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    System.err.println(who + ": waiting for the writer, " + (behind < 0 ? "Kafka not answering" : behind + " commands behind"));
                    lastPrint = System.nanoTime();
                }
                Thread.sleep(1000);
            }
            return 0;
        }
    }
}
