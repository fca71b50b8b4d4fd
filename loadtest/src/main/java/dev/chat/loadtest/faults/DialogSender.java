package dev.chat.loadtest.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One dialog's client: sends sequentially (the next message only after the previous one's final answer), so the
 * order the gateway accepted them in is the order they must be stored in. A 503 or no answer is retried with the
 * same {@code client_id} after a pause, as a client following {@code Retry-After} would; 4xx is final. With
 * failover (several gateways), no answer at all (the gateway is gone) is retried at once on the next gateway, with
 * the same {@code client_id}, and the sender stays there, as a client reconnecting elsewhere would.
 */
final class DialogSender implements Runnable {

    static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MS = 500;

    private final ChatApi api;
    private final Pair pair;
    private final String run;
    private final long intervalNanos;
    private final long startNanos;
    private final BooleanSupplier stop;
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> gateways;
    private final List<Long> failovers = new ArrayList<>();
    private int current;

    /** @param gateways the gateways to fail over to, the pair's own first; one: no failover */
    DialogSender(ChatApi api, Pair pair, String run, double perSecond, long startNanos, BooleanSupplier stop,
                 List<String> gateways) {
        this.api = api;
        this.gateways = gateways;
        this.current = Math.max(0, gateways.indexOf(pair.gateway()));
        this.pair = pair;
        this.run = run;
        this.intervalNanos = (long) (1e9 / perSecond);
        this.startNanos = startNanos;
        this.stop = stop;
    }

    @Override
    public void run() {
        int seq = 0;
        while (!stop.getAsBoolean()) {
            seq++;
            sent.add(send(seq));
            long next = startNanos + seq * intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private Sent send(int seq) {
        String text = Sent.text(run, pair.index(), seq);
        String clientId = run + "-" + pair.index() + "-" + seq;
        ChatApi.Reply reply = null;
        int attempt = 0;
        while (attempt < ATTEMPTS) {
            attempt++;
            String gateway = gateways.size() > 1 ? gateways.get(current) : pair.gateway();
            reply = api.send(gateway, pair.tokenOf(seq), pair.friendOf(seq), text, clientId);
            if (reply.ok() || (reply.status() != 503 && reply.status() != ChatApi.NO_ANSWER)) {
                break;
            }
            if (reply.status() == ChatApi.NO_ANSWER && gateways.size() > 1) {
                current = (current + 1) % gateways.size();
                failovers.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                continue;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS));
        }
        String id = reply.ok() ? reply.body().path("id").asString() : null;
        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return new Sent(pair.index(), seq, text, reply.status(), attempt, id, at, reply.problemType());
    }

    /** Read after the thread ended. */
    List<Sent> sent() {
        return sent;
    }

    /** When (ms after the traffic started) this sender moved to another gateway; read after the thread ended. */
    List<Long> failovers() {
        return failovers;
    }
}
