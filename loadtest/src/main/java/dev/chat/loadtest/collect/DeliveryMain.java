package dev.chat.loadtest.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.chat.loadtest.run.RunResults;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery check, after a run: once the writer has caught up (consumer lag 0), looks every message the gateway
 * accepted ({@code accepted.tsv}, warm-up included) up in the store by id and writes {@code delivery.json}: accepted,
 * stored, missing and duplicated, per window and overall, with a few example ids of each problem. Exit status 1 when
 * any accepted message is missing or duplicated, 2 when the check itself could not run.
 * <p>Usage: {@code --store redis|postgres --accepted accepted.tsv --results results.json --out delivery.json
 * [--kafka host:port] [--wait-seconds 300] [--redis-url redis://…] [--database-url postgresql://…]}
 */
public final class DeliveryMain {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeliveryMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(DeliveryOptions.parse(args, System.getenv())) ? 1 : 0);
        } catch (Exception e) {
            System.err.println(e.getMessage() != null && e.getMessage().startsWith("delivery:") ? e.getMessage()
                    : "delivery: the check failed: " + e);
            System.exit(2);
        }
    }

    /** @return whether the check failed the run (a message missing or duplicated) */
    static boolean run(DeliveryOptions o) throws Exception {
        long behind = o.kafka() == null ? 0 : WriterCatchUp.await(o.kafka(), Duration.ofSeconds(o.waitSeconds()), "delivery");
        List<AcceptedMessage> accepted = AcceptedMessage.read(o.accepted());
        DeliveryAccount account = new DeliveryAccount(new RunClock(RunResults.read(o.results())));
        long started = System.nanoTime();
        String method;
        try (StoreLookup lookup = o.store().equals("redis") ? new RedisLookup(o.redisUrl(), o.redisCluster())
                : new SqlLookup(o.jdbcUrl(), o.dbUser(), o.dbPassword())) {
            check(accepted, lookup, account);
            method = lookup.method();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        write(o, account, behind, method, seconds);
        DeliveryAccount.Counts all = account.overall();
        System.err.printf(Locale.ROOT, "delivery (%s): %,d accepted, %,d stored, %,d missing, %,d duplicated; looked up in %.1f s; %s%n",
                o.store(), all.accepted(), all.stored(), all.missing(), all.duplicated(), seconds, o.out());
        return account.failed();
    }

    static void check(List<AcceptedMessage> accepted, StoreLookup lookup, DeliveryAccount account) throws Exception {
        for (int from = 0; from < accepted.size(); from += StoreLookup.BATCH) {
            List<AcceptedMessage> batch = accepted.subList(from, Math.min(from + StoreLookup.BATCH, accepted.size()));
            int[] copies = lookup.copies(batch);
            for (int i = 0; i < batch.size(); i++) {
                account.add(batch.get(i), copies[i]);
            }
        }
    }

    private static void write(DeliveryOptions o, DeliveryAccount account, long behind, String method, double seconds) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", o.store());
        out.put("failed", account.failed());
        out.put("windows", account.windows());
        out.put("missingExamples", account.missingExamples());
        out.put("duplicatedExamples", account.duplicatedExamples());
        // commands the writer had not consumed when the check gave up waiting: missing for now, maybe not for good
        out.put("pendingAfterWait", behind);
        out.put("method", method);
        out.put("lookupSeconds", Math.round(seconds * 10) / 10.0);
        JSON.writerWithDefaultPrettyPrinter().writeValue(o.out().toFile(), out);
    }
}
