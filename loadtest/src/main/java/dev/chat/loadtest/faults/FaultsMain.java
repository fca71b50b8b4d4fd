package dev.chat.loadtest.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One fault run against a running system (scripts/faults.sh starts it fresh on private ports): fresh users and
 * dialogs, sequential senders per dialog at a fixed rate, the fault injected mid-stream, then every dialog's
 * history read back through the readers and compared message by message. Exits 1 when the run failed.
 */
public final class FaultsMain {

    private FaultsMain() {
    }

    public static void main(String[] args) throws Exception {
        FaultOptions o = FaultOptions.parse(args);
        String run = o.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ChatApi api = new ChatApi();
        List<Pair> pairs = setUp(api, o);
        Spare spare = o.probeOutage() ? spare(api, o.gateways().get(0)) : null;
        awaitGo(o);

        long start = System.nanoTime();
        Timeline timeline = new Timeline(start);
        OutageProbe probe = spare == null ? null
                : new OutageProbe(api, o.gateways().get(0), spare.user(), spare.token(), spare.stranger(), timeline);
        timeline.add("load average " + loadAverage());
        timeline.add("traffic: " + pairs.size() + " dialogs x " + o.perSecond() + " msg/s for " + o.seconds() + " s");
        Watchers watchers = o.watch() ? new Watchers(api, pairs, o.gateways(), timeline) : null;
        long stopAt = start + TimeUnit.SECONDS.toNanos(o.seconds());
        List<DialogSender> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Pair p : pairs) {
            DialogSender s = new DialogSender(api, p, run, o.perSecond(), start, () -> System.nanoTime() >= stopAt,
                    o.failover() ? o.gateways() : List.of(p.gateway()));
            senders.add(s);
            threads.add(start("sender-" + p.index(), s));
        }
        Thread schedule = start("fault", new FaultSchedule(o, timeline, probe));
        for (Thread t : threads) {
            t.join();
        }
        timeline.add("traffic stopped; load average " + loadAverage());
        List<Long> moved = senders.stream().flatMap(s -> s.failovers().stream()).sorted().toList();
        if (!moved.isEmpty()) {
            timeline.add(moved.size() + " sender failover(s) to another gateway, between " + moved.get(0) / 1000.0
                    + " s and " + moved.get(moved.size() - 1) / 1000.0 + " s");
        }
        schedule.join();

        Map<Integer, List<Sent>> sent = new HashMap<>();
        senders.forEach(s -> s.sent().forEach(m -> sent.computeIfAbsent(m.dialog(), k -> new ArrayList<>()).add(m)));
        Settled settled = settle(api, pairs, sent, new Verifier(run), o, timeline);
        Watchers.Summary live = watchers == null ? null : watchers.finish(settled.histories(), pairs, timeline);
        Result result = new Result(o, run, settled.counts(), settled.missingDialogs(), sent, timeline.events(), probe,
                live);
        result.write();
        System.out.println(result.verdictLine());
        System.exit(result.passed() ? 0 : 1);
    }

    /**
     * With {@code --ready-file}/{@code --go-file}: says the set-up (registrations, logins, dialogs) is done and waits
     * for the go, so that a load started meanwhile (scripts/faults-load.sh) is on when the traffic and the fault come.
     */
    private static void awaitGo(FaultOptions o) throws java.io.IOException {
        if (o.readyFile() == null) {
            return;
        }
        java.nio.file.Files.writeString(o.readyFile(), "set up\n");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!java.nio.file.Files.exists(o.goFile())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("faults: no go (" + o.goFile() + ") within 10 minutes of the set-up");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** The machine is shared: the load it was under explains the rates reached. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.start();
        return t;
    }

    private static List<Pair> setUp(ChatApi api, FaultOptions o) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < o.dialogs(); i++) {
            String gateway = o.gateways().get(i % o.gateways().size());
            UUID a = api.register(gateway, "A" + i);
            UUID b = api.register(gateway, "B" + i);
            String tokenA = api.token(gateway, a);
            ChatApi.Reply created = ChatApi.settingUp(() -> api.createDialog(gateway, tokenA, b));
            if (!created.ok()) {
                throw new IllegalStateException("faults: creating dialog " + i + " failed: " + created.status() + " " + created.body());
            }
            pairs.add(new Pair(i, a, tokenA, b, api.token(gateway, b), gateway, o.readers().get(i % o.readers().size())));
        }
        return pairs;
    }

    /** Two users without a dialog, for the outage probe: creating it needs Postgres (the friend must exist). */
    record Spare(UUID user, String token, UUID stranger) {
    }

    private static Spare spare(ChatApi api, String gateway) {
        UUID user = api.register(gateway, "Probe");
        return new Spare(user, api.token(gateway, user), api.register(gateway, "Stranger"));
    }

    record Settled(Counts counts, int missingDialogs, Map<Integer, List<ChatApi.Stored>> histories) {
    }

    /** Reads every history until no accepted message is missing, or the settle time is up (then the loss stands). */
    private static Settled settle(ChatApi api, List<Pair> pairs, Map<Integer, List<Sent>> sent, Verifier verifier,
                                  FaultOptions o, Timeline timeline) {
        long deadline = timeline.nowMs() + TimeUnit.SECONDS.toMillis(o.settleSeconds());
        Settled last = null;
        while (true) {
            try {
                Map<Integer, List<ChatApi.Stored>> histories = new HashMap<>();
                int missing = 0;
                for (Pair p : pairs) {
                    List<ChatApi.Stored> h = api.history(p.reader(), p.tokenA(), p.b());
                    missing += h == null ? 1 : 0;
                    histories.put(p.index(), h == null ? List.of() : h);
                }
                last = new Settled(verifier.verify(sent, histories), missing, histories);
            } catch (RuntimeException e) {
                timeline.add("history not readable yet: " + e.getMessage());
            }
            if ((last != null && last.counts().lost() == 0) || timeline.nowMs() > deadline) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        if (last == null) {
            throw new IllegalStateException("faults: the histories could not be read within " + o.settleSeconds() + " s");
        }
        timeline.add("checked: " + last.counts().stored() + " stored, " + last.counts().lost() + " lost");
        return last;
    }
}
