package dev.chat.udf;

import dev.chat.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** A connection to the test Redis with the bundled {@code chat} library loaded, for the tests that call chat.lua directly. */
final class LibraryConnection implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private LibraryConnection() {
        client = RedisClient.create(TestRedis.uri());
        connection = client.connect();
        connection.sync().functionLoad(FunctionLibrary.bundled().code(), true);
    }

    static LibraryConnection open() {
        return new LibraryConnection();
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
