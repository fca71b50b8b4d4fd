package dev.chat.loadtest.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Timestamped events of a run (ms since the traffic started), thread-safe, printed as they happen. */
final class Timeline {

    record Event(long atMs, String what) {
    }

    private final long startNanos;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    void add(String what) {
        Event e = new Event(nowMs(), what);
        events.add(e);
        System.out.printf("faults: %7.1f s  %s%n", e.atMs() / 1000.0, what);
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
