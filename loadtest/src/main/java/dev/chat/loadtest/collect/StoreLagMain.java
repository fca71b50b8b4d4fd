package dev.chat.loadtest.collect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * After a fault run: how long the longest-waiting message took from the gateway's acceptance ({@code ts}) to its
 * first {@code WRITTEN} event ({@code storedAt}: the writer's store call returned, confirmed by replicas when
 * {@code replica-acks} asks for it). A message the writer stored again (a redelivery) keeps its first event. This is
 * the store side of an outage, which the senders, answered at acceptance, do not see.
 * <p>Usage: {@code --kafka host:port[,...]}; prints one line: {@code store lag: max <ms> ms (a message accepted
 * <s> s after the first), p99 <ms> ms, <n> messages}.
 */
public final class StoreLagMain {

    private StoreLagMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--kafka")) {
            throw new IllegalArgumentException("usage: StoreLagMain --kafka host:port[,...]");
        }
        Set<String> seen = new HashSet<>();
        List<long[]> lags = new ArrayList<>(); // {lag ms, ts}
        EndToEndMain.eachEvent(args[1], event -> {
            if ("WRITTEN".equals(event.path("type").asString()) && seen.add(event.path("messageId").asString())) {
                long ts = event.path("ts").asLong();
                lags.add(new long[] {event.path("storedAt").asLong() - ts, ts});
            }
        });
        lags.sort((a, b) -> Long.compare(a[0], b[0]));
        if (lags.isEmpty()) {
            System.out.println("store lag: no WRITTEN event");
            return;
        }
        long first = lags.stream().mapToLong(lag -> lag[1]).min().orElseThrow();
        long[] max = lags.get(lags.size() - 1);
        long p99 = lags.get((int) Math.min(lags.size() - 1, Math.ceil(lags.size() * 0.99) - 1))[0];
        System.out.printf("store lag: max %d ms (a message accepted %.1f s after the first), p99 %d ms, %d messages%n",
                max[0], (max[1] - first) / 1000.0, p99, lags.size());
    }
}
