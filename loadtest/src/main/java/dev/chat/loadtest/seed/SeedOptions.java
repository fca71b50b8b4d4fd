package dev.chat.loadtest.seed;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What to seed and where. Every option has a default, so {@code ./chat seed} alone works against a system
 * {@code ./chat up} started.
 *
 * @param users             users to create
 * @param dialogsPerUser    dialogs each user opens with the next users on a ring: each user ends up in twice
 *                          as many (the ones they opened and the ones opened with them), all friends
 * @param messagesPerDialog messages written into every dialog
 * @param store             {@code redis} or {@code postgres}: where dialogs and messages go
 * @param out               the CSV the load test reads; {@code seed.json} (the counts) is written beside it
 * @param redisUrl          the Redis of the Redis store
 * @param redisCluster      {@code redisUrl} is a node of a Redis Cluster ({@code --redis-cluster true}, or
 *                          {@code CHAT_REDIS_CLUSTER=true}, which {@code ./chat seed} sets for {@code up --cluster})
 * @param jdbcUrl           Postgres: users and friendships always, dialogs and messages with the SQL store
 * @param threads           writers in parallel
 */
record SeedOptions(int users, int dialogsPerUser, int messagesPerDialog, String store, Path out, String redisUrl,
                   boolean redisCluster, String jdbcUrl, String dbUser, String dbPassword, String jwtSecret, String password, int threads) {

    static final String DEV_JWT_SECRET = "dev-only-secret-change-me-0123456789abcdef";

    SeedOptions {
        if (!store.equals("redis") && !store.equals("postgres")) {
            throw new IllegalArgumentException("seed: --store must be redis or postgres, not " + store);
        }
        if (users < 2 || dialogsPerUser < 1 || messagesPerDialog < 0 || threads < 1) {
            throw new IllegalArgumentException("seed: need --users >= 2, --dialogs-per-user >= 1, --messages-per-dialog >= 0");
        }
        if (users <= 2 * dialogsPerUser) {
            throw new IllegalArgumentException("seed: --users must exceed 2 x --dialogs-per-user, so that every pair is distinct ("
                    + users + " users, " + dialogsPerUser + " dialogs per user)");
        }
    }

    long dialogs() {
        return (long) users * dialogsPerUser;
    }

    long messages() {
        return dialogs() * messagesPerDialog;
    }

    /** {@code --name value} pairs; environment variables (as {@code ./chat} sets them) for the connections. */
    static SeedOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("seed: unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                o.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                o.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("seed: " + arg + " needs a value");
            }
        }
        SeedOptions options = new SeedOptions(
                number(o.remove("users"), 2000), number(o.remove("dialogs-per-user"), 5),
                number(o.remove("messages-per-dialog"), 50),
                o.getOrDefault("store", "redis"), Path.of(o.getOrDefault("out", ".run/seed/users.csv")),
                o.getOrDefault("redis-url", env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379")),
                Boolean.parseBoolean(o.getOrDefault("redis-cluster", env.getOrDefault("CHAT_REDIS_CLUSTER", "false"))),
                o.getOrDefault("jdbc-url", env.getOrDefault("SEED_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                o.getOrDefault("db-user", env.getOrDefault("SEED_JDBC_USER", "postgres")),
                o.getOrDefault("db-password", env.getOrDefault("SEED_JDBC_PASSWORD", "postgres")),
                env.getOrDefault("CHAT_SECURITY_JWT_SECRET", DEV_JWT_SECRET),
                o.getOrDefault("password", "loadtest-password"),
                number(o.remove("threads"), 32));
        for (String known : new String[] {"store", "out", "redis-url", "redis-cluster", "jdbc-url", "db-user", "db-password",
            "password"}) {
            o.remove(known);
        }
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("seed: unknown option(s) " + o.keySet());
        }
        return options;
    }

    private static int number(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed: '" + value + "' is not a whole number");
        }
    }
}
