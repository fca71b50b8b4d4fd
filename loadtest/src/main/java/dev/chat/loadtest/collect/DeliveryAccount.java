package dev.chat.loadtest.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery check's bookkeeping: every accepted message with the number of copies the store holds, filed by
 * the window it was accepted in ({@link RunClock}) and into {@code overall} (the whole run, warm-up included).
 * A message is stored when the store holds it at least once, missing when it holds none, duplicated when it
 * holds more than one. The run fails on any missing or duplicated message, whatever the window.
 */
final class DeliveryAccount {

    /** Ids kept for the file, per kind: enough to start looking, not a second copy of the log. */
    static final int EXAMPLES = 20;

    private final RunClock clock;
    private final Map<String, Tally> windows = new LinkedHashMap<>();
    private final List<String> missingExamples = new ArrayList<>();
    private final List<String> duplicatedExamples = new ArrayList<>();

    DeliveryAccount(RunClock clock) {
        this.clock = clock;
        clock.windows().forEach(name -> windows.put(name, new Tally()));
        windows.put("overall", new Tally());
    }

    void add(AcceptedMessage message, int copies) {
        String window = clock.windowOf(message.ts());
        // accepted before the run's clock started can only be a clock step on this machine: the warm-up, not lost
        windows.get(window == null ? "warmup" : window).add(copies);
        windows.get("overall").add(copies);
        if (copies == 0 && missingExamples.size() < EXAMPLES) {
            missingExamples.add(message.id() + " in " + message.dialogId() + " at " + message.ts());
        } else if (copies > 1 && duplicatedExamples.size() < EXAMPLES) {
            duplicatedExamples.add(message.id() + " in " + message.dialogId() + " at " + message.ts() + ": " + copies + " copies");
        }
    }

    Counts overall() {
        return windows.get("overall").counts();
    }

    /** The decision the run's exit status follows: any accepted message missing or duplicated fails it. */
    boolean failed() {
        return failed(overall());
    }

    static boolean failed(Counts overall) {
        return overall.missing() > 0 || overall.duplicated() > 0;
    }

    Map<String, Counts> windows() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        windows.forEach((name, tally) -> counts.put(name, tally.counts()));
        return counts;
    }

    List<String> missingExamples() {
        return List.copyOf(missingExamples);
    }

    List<String> duplicatedExamples() {
        return List.copyOf(duplicatedExamples);
    }

    /** One window's messages: accepted, and of those stored (once or more), missing, duplicated. */
    record Counts(long accepted, long stored, long missing, long duplicated) {
    }

    private static final class Tally {
        long accepted;
        long stored;
        long missing;
        long duplicated;

        void add(int copies) {
            accepted++;
            if (copies == 0) {
                missing++;
                return;
            }
            stored++;
            if (copies > 1) {
                duplicated++;
            }
        }

        Counts counts() {
            return new Counts(accepted, stored, missing, duplicated);
        }
    }
}
