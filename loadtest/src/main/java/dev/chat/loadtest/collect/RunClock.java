package dev.chat.loadtest.collect;

import java.util.ArrayList;
import java.util.List;

import dev.chat.loadtest.run.RunResults;
import dev.chat.loadtest.run.StageWindow;

/**
 * Files a message by its {@code ts} (the gateway's acceptance) into the run's windows, as the report names them:
 * {@code warmup} (the warm-up and the pause after it), {@code stage1..n}; a message accepted after the last stage's
 * end (a request started just before it) counts in the last stage.
 */
final class RunClock {

    private final long startEpochMs;
    private final int measuredStart;
    private final List<StageWindow> stages;

    RunClock(RunResults run) {
        this.startEpochMs = run.startEpochMs();
        this.measuredStart = run.measuredStart();
        this.stages = run.stages();
    }

    /** {@code warmup}, {@code stage1}, ..., in order. */
    List<String> windows() {
        List<String> names = new ArrayList<>();
        names.add("warmup");
        for (int i = 0; i < stages.size(); i++) {
            names.add("stage" + (i + 1));
        }
        return names;
    }

    /** The window of a message accepted at {@code ts}; null before the run began (e.g. a smoke test by hand). */
    String windowOf(long ts) {
        double t = (ts - startEpochMs) / 1000.0;
        if (t < 0) {
            return null;
        }
        if (t < measuredStart) {
            return "warmup";
        }
        for (int i = 0; i < stages.size(); i++) {
            if (t < stages.get(i).end()) {
                return "stage" + (i + 1);
            }
        }
        return "stage" + stages.size();
    }
}
