package dev.chat.loadtest.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The store-level ceiling of this machine: both dialog stores' raw operations, measured in one run by the same
 * client harness, without HTTP or Kafka. Redis Functions on a private redis-server 7.0.15 (no persistence,
 * {@code zset-max-listpack-value 1024}) through the redis-udf binding; the SQL store on a private PostgreSQL 17
 * (default durability) through {@code PostgresDialogStore} and HikariCP. Per store: newest-50 and newest-100
 * pages rotating over dialogs of 120 messages, one write and a batch of 100 writes rotating over 1,000 dialogs,
 * each with calls/s and the server's and this JVM's CPU per call; and the bytes each store takes per message
 * against the Lua member encoding ({@link MemberBytes}). Writes {@code ceiling.json} ({@code stores.<store>}:
 * {@link StoreCeiling}; {@code showMessages50}, {@code showMessages100} and {@code writeMessage} stay Redis'
 * calls/s, for the report and older reports) and a summary on stderr. Stops every server it started, also on
 * failure or when interrupted.
 * <p>Usage: {@code --out ceiling.json [--warmup 3] [--seconds 5] [--threads 8] [--stores redis,postgres]}
 * and the data set sizes of {@link CeilingOptions}.
 */
public final class CeilingMain {

    /** When the run started, for the progress lines. */
    static final long START = System.nanoTime();

    private CeilingMain() {
    }

    public static void main(String[] args) throws Exception {
        CeilingOptions options = CeilingOptions.parse(args);
        CeilingWorkload workload = new CeilingWorkload(options);
        Throughput throughput = new Throughput(options.threads(), options.warmup(), options.seconds());
        List<StoreCeiling> results = new ArrayList<>();
        for (String key : options.stores()) {
            results.add(measure(key, options, workload, throughput));
        }
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(options.out().toFile(),
                json(options, results));
        CeilingSummary.print(options, results, (System.nanoTime() - START) / 1e9);
    }

    private static StoreCeiling measure(String key, CeilingOptions options, CeilingWorkload workload,
                                        Throughput throughput) throws Exception {
        StoreCeiling.progress("%s: starting a private server", key);
        CeilingStore store = key.equals("redis") ? RedisCeiling.start(options.threads())
                : PostgresCeiling.start(options.threads());
        // an interrupted run (Ctrl-C in ./chat loadtest) must not leave the server behind either
        Thread stop = new Thread(store::close, "ceiling-stop-" + key);
        Runtime.getRuntime().addShutdownHook(stop);
        try (store) {
            return StoreCeiling.measure(store, workload, throughput, options.threads());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static Map<String, Object> json(CeilingOptions options, List<StoreCeiling> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> stores = new LinkedHashMap<>();
        for (StoreCeiling result : results) {
            stores.put(result.key(), result.toJson());
            if (result.key().equals("redis")) {
                // the keys older reports and the report's CPU normalisation read
                json.put("showMessages50", result.ops().get("newest50").toJson().get("opsPerSecond"));
                json.put("showMessages100", result.ops().get("newest100").toJson().get("opsPerSecond"));
                json.put("writeMessage", result.ops().get("write").toJson().get("opsPerSecond"));
            }
        }
        json.put("threads", options.threads());
        json.put("seconds", options.seconds());
        results.stream().filter(r -> r.key().equals("redis")).findFirst()
                .ifPresent(r -> json.put("redis", r.server() + "; " + r.client()));
        json.put("stores", stores);
        return json;
    }
}
