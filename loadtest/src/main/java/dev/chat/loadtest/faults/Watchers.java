package dev.chat.loadtest.faults;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The run's WebSocket clients: one {@link LiveWatcher} per dialog (its second user), started before the traffic. */
final class Watchers {

    /** Messages pushed after the histories were read may still be on their way: how long to wait for them. */
    private static final long LAST_PUSHES_MS = 15_000;

    /**
     * @param watchers          WebSocket clients, one per dialog
     * @param losses            connections lost during the run
     * @param longestRecoveryMs the longest time from a loss until that client was connected again and caught up
     * @param unseen            stored messages some client saw neither pushed nor caught up (a gap)
     */
    record Summary(int watchers, int losses, long longestRecoveryMs, int unseen) {
    }

    private final List<LiveWatcher> all = new ArrayList<>();
    private final ScheduledExecutorService scheduler;

    Watchers(ChatApi api, List<Pair> pairs, List<String> gateways, Timeline timeline) {
        this.scheduler = LiveWatcher.scheduler(pairs.size());
        HttpClient sockets = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Pair p : pairs) {
            LiveWatcher w = new LiveWatcher(api, p, gateways, sockets, scheduler, timeline);
            w.start();
            all.add(w);
        }
        timeline.add(all.size() + " WebSocket clients connected, one per dialog, on the dialog's own gateway");
    }

    /** Waits a little for the last pushes, then stops the clients and says what they saw. */
    Summary finish(Map<Integer, List<ChatApi.Stored>> histories, List<Pair> pairs, Timeline timeline) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAST_PUSHES_MS);
        int unseen = unseen(histories, pairs);
        while (unseen > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            unseen = unseen(histories, pairs);
        }
        all.forEach(LiveWatcher::stop);
        scheduler.shutdownNow();
        int losses = 0;
        long longest = 0;
        for (LiveWatcher w : all) {
            List<Long> recoveries = w.recoveriesMs();
            losses += recoveries.size();
            longest = Math.max(longest, recoveries.stream().mapToLong(Long::longValue).max().orElse(0));
        }
        timeline.add("WebSocket clients: " + losses + " lost connection(s), longest until back and caught up "
                + longest / 1000.0 + " s, " + unseen + " stored message(s) never seen");
        return new Summary(all.size(), losses, longest, unseen);
    }

    private int unseen(Map<Integer, List<ChatApi.Stored>> histories, List<Pair> pairs) {
        int unseen = 0;
        for (int i = 0; i < pairs.size(); i++) {
            List<String> ids = histories.getOrDefault(pairs.get(i).index(), List.of()).stream()
                    .map(ChatApi.Stored::id).toList();
            unseen += all.get(i).unseen(ids).size();
        }
        return unseen;
    }
}
