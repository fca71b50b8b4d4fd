package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RedisChat;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A service started while Redis loads its dataset (a restart with a full store) waits for it instead of exiting.
 * A real Redis is made to load slowly: {@code DEBUG RELOAD} of 20,000 keys with {@code key-load-delay}, answering
 * other clients {@code LOADING} meanwhile.
 */
class RedisLoadingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=writer")
            .withConfiguration(AutoConfigurations.of(RedisStoreAutoConfiguration.class));

    @Test
    void startsOnceRedisHasLoadedItsDatasetInsteadOfFailing() throws Exception {
        TestRedis.Server server = TestRedis.start(FreePorts.find(), "enable-debug-command yes");
        Logger logger = (Logger) LoggerFactory.getLogger(LibraryLoading.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> admin = client.connect();
             StatefulRedisConnection<String, String> probe = client.connect()) {
            CompletableFuture<String> reload = slowReload(admin);
            await().atMost(Duration.ofSeconds(30)).until(() -> isLoading(probe));

            runner.withPropertyValues("chat.redis.url=" + server.uri()).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RedisChat.class).functionsLoaded()).isTrue();
            });

            assertThat(reload.get(60, TimeUnit.SECONDS)).isEqualTo("OK");
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("is loading its dataset"));
        } finally {
            logger.detachAppender(lines);
            client.shutdown();
            server.stop();
        }
    }

    @Test
    void givesUpAfterTheLoadingTimeoutNamingTheSetting() throws Exception {
        TestRedis.Server server = TestRedis.start(FreePorts.find(), "enable-debug-command yes");
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> admin = client.connect();
             StatefulRedisConnection<String, String> probe = client.connect()) {
            CompletableFuture<String> reload = slowReload(admin);
            await().atMost(Duration.ofSeconds(30)).until(() -> isLoading(probe));

            runner.withPropertyValues("chat.redis.url=" + server.uri(), "chat.redis.loading-timeout=PT1S")
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .hasStackTraceContaining("writer: cannot load the chat Functions library")
                            .hasStackTraceContaining("still loading its dataset after 1 s (chat.redis.loading-timeout)"));

            assertThat(reload.get(60, TimeUnit.SECONDS)).isEqualTo("OK");
        } finally {
            client.shutdown();
            server.stop();
        }
    }

    /** 20,000 keys read back at 0.5 ms each, events served every KB so other clients hear LOADING. */
    private static CompletableFuture<String> slowReload(StatefulRedisConnection<String, String> admin) {
        var commands = admin.sync();
        commands.dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("POPULATE").add(20_000));
        commands.configSet("key-load-delay", "500");
        commands.configSet("loading-process-events-interval-bytes", "1024");
        admin.setTimeout(Duration.ofSeconds(120));
        return admin.async().dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("RELOAD")).toCompletableFuture();
    }

    private static boolean isLoading(StatefulRedisConnection<String, String> probe) {
        try {
            probe.sync().dbsize();
            return false;
        } catch (RedisLoadingException e) {
            return true;
        }
    }
}
