package dev.chat.loadtest.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * During a Postgres outage: logs in and creates a dialog (for a pair without one) twice a second; both need
 * Postgres and must fail with a 503 problem. Afterwards: polls until login works again, then creates that dialog.
 */
final class OutageProbe {

    record Probe(long atMs, String call, int status, String type) {
    }

    private static final long EVERY_MS = 500;
    private static final long RECOVERY_TIMEOUT_MS = 60_000;

    private final ChatApi api;
    private final String gateway;
    private final UUID user;
    private final String token;
    private final UUID stranger;
    private final Timeline timeline;
    private final List<Probe> during = Collections.synchronizedList(new ArrayList<>());
    private final List<Probe> after = Collections.synchronizedList(new ArrayList<>());

    OutageProbe(ChatApi api, String gateway, UUID user, String token, UUID stranger, Timeline timeline) {
        this.api = api;
        this.gateway = gateway;
        this.user = user;
        this.token = token;
        this.stranger = stranger;
        this.timeline = timeline;
    }

    void probeUntil(long untilMs) {
        while (timeline.nowMs() < untilMs) {
            during.add(probe("login", api.login(gateway, user)));
            during.add(probe("create dialog", api.createDialog(gateway, token, stranger)));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EVERY_MS));
        }
    }

    void awaitRecovery() {
        long deadline = timeline.nowMs() + RECOVERY_TIMEOUT_MS;
        Probe login;
        do {
            login = probe("login", api.login(gateway, user));
            if (login.status() != 200) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EVERY_MS));
            }
        } while (login.status() != 200 && timeline.nowMs() < deadline);
        after.add(login);
        after.add(probe("create dialog", api.createDialog(gateway, token, stranger)));
        timeline.add("after recovery: login " + login.status() + ", create dialog " + after.get(after.size() - 1).status());
    }

    private Probe probe(String call, ChatApi.Reply reply) {
        return new Probe(timeline.nowMs(), call, reply.status(), reply.problemType());
    }

    /** Per call, "status type" to how often it was seen during the outage. */
    Map<String, Map<String, Integer>> duringByCall() {
        Map<String, Map<String, Integer>> by = new TreeMap<>();
        synchronized (during) {
            for (Probe p : during) {
                by.computeIfAbsent(p.call(), k -> new TreeMap<>()).merge(p.status() + " " + p.type(), 1, Integer::sum);
            }
        }
        return by;
    }

    List<Probe> after() {
        return List.copyOf(after);
    }

    /** Every probe during the outage was a 503, and afterwards login was 200 and the dialog was created (201). */
    boolean passed() {
        synchronized (during) {
            return !during.isEmpty() && during.stream().allMatch(p -> p.status() == 503)
                    && after.size() == 2 && after.get(0).status() == 200 && after.get(1).status() == 201;
        }
    }
}
