package dev.chat.loadtest.collect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link DeliveryMain} checks and where. The store's address comes from the options or, as {@code ./chat env}
 * exports them, from {@code REDIS_URL} / {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db}).
 *
 * @param kafka        the writer's Kafka, to wait for its consumer lag 0 first; null: do not wait
 * @param waitSeconds  how long to wait for the writer at most
 * @param redisCluster {@code redisUrl} is a node of a Redis Cluster ({@code --redis-cluster true}, or
 *                     {@code CHAT_REDIS_CLUSTER=true} as {@code ./chat env} exports it for {@code ./chat up --cluster})
 */
record DeliveryOptions(String store, Path accepted, Path results, Path out, String kafka, long waitSeconds,
                       String redisUrl, boolean redisCluster, String jdbcUrl, String dbUser, String dbPassword) {

    DeliveryOptions {
        if (!"redis".equals(store) && !"postgres".equals(store)) {
            throw new IllegalArgumentException("delivery: --store must be redis or postgres, not " + store);
        }
        if (accepted == null || results == null || out == null) {
            throw new IllegalArgumentException("delivery: --accepted, --results and --out are required");
        }
        if (store.equals("redis") ? redisUrl == null : jdbcUrl == null) {
            throw new IllegalArgumentException("delivery: no address for " + store + " (--redis-url / --database-url, or REDIS_URL /"
                    + " DATABASE_URL as ./chat env exports them)");
        }
    }

    static DeliveryOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("delivery: options are --name value pairs, not '" + args[i] + "'");
            }
            if (!args[i + 1].isBlank()) { // an empty value (an unset variable in the script) is no value
                o.put(args[i].substring(2), args[i + 1]);
            }
        }
        String databaseUrl = o.getOrDefault("database-url", blankToNull(env.get("DATABASE_URL")));
        String[] jdbc = databaseUrl == null ? new String[3] : jdbc(databaseUrl);
        return new DeliveryOptions(o.get("store"), path(o.get("accepted")), path(o.get("results")), path(o.get("out")),
                o.get("kafka"), Long.parseLong(o.getOrDefault("wait-seconds", "300")),
                o.getOrDefault("redis-url", blankToNull(env.get("REDIS_URL"))),
                Boolean.parseBoolean(o.getOrDefault("redis-cluster", env.getOrDefault("CHAT_REDIS_CLUSTER", "false"))),
                jdbc[0], jdbc[1], jdbc[2]);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * {@code postgresql://user:password@host:port/db} (or {@code postgres://}) as JDBC URL, user, password; a
     * {@code jdbc:} URL passes as it is (its user and password, if any, in its parameters).
     */
    static String[] jdbc(String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:")) {
            return new String[] {databaseUrl, null, null};
        }
        String url = databaseUrl.replaceFirst("^postgres(ql)?://", "");
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return new String[] {"jdbc:postgresql://" + url, null, null};
        }
        String credentials = url.substring(0, at);
        int colon = credentials.indexOf(':');
        return new String[] {"jdbc:postgresql://" + url.substring(at + 1), colon < 0 ? credentials : credentials.substring(0, colon),
            colon < 0 ? null : credentials.substring(colon + 1)};
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
