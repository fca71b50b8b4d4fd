package dev.chat.loadtest.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The durability and memory settings the results depend on (docs/stores.md asks to record them): PostgreSQL's
 * commit and buffer settings, Redis' persistence. Into {@code seed.json}.
 */
final class StoreSettings {

    private static final String[] POSTGRES = {"server_version", "synchronous_commit", "fsync", "shared_buffers",
        "max_connections", "wal_level"};

    private StoreSettings() {
    }

    static Map<String, String> capture(DataSource db, String redisUrl) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String name : POSTGRES) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put("postgres." + name, rs.getString(1));
                }
            }
        }
        if (redisUrl != null) {
            RedisClient client = RedisClient.create(redisUrl);
            try (StatefulRedisConnection<String, String> redis = client.connect()) {
                String info = redis.sync().info("server");
                settings.put("redis.version", info.replaceAll("(?s).*redis_version:([^\\r\\n]+).*", "$1"));
                for (String name : new String[] {"appendonly", "appendfsync", "save", "maxmemory"}) {
                    settings.put("redis." + name, redis.sync().configGet(name).getOrDefault(name, ""));
                }
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
        return settings;
    }
}
