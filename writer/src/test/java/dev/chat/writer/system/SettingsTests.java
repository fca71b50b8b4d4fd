package dev.chat.writer.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chat.testsupport.TestRedis;
import dev.chat.writer.StandaloneWriter;
import org.junit.jupiter.api.Test;

/** A writer with unusable settings refuses to start, and says which setting. */
class SettingsTests {

    @Test
    void refusesToStartWithoutPartitions() {
        assertThatThrownBy(() -> StandaloneWriter.start("127.0.0.1:1", TestRedis.uri(), "chat.kafka.partitions=0"))
                .rootCause().hasMessageContainingAll("chat.kafka", "partitions");
    }

    @Test
    void refusesToStartWithAnEmptyBatch() {
        assertThatThrownBy(() -> StandaloneWriter.start("127.0.0.1:1", TestRedis.uri(), "chat.kafka.batch-size=0"))
                .rootCause().hasMessageContainingAll("chat.kafka", "batchSize");
    }

    @Test
    void refusesToStartWithoutATopicName() {
        assertThatThrownBy(() -> StandaloneWriter.start("127.0.0.1:1", TestRedis.uri(),
                "chat.kafka.topics.message-events=")).rootCause().hasMessageContaining("messageEvents");
    }

    @Test
    void namesRedisWhenItCannotConnect() {
        assertThatThrownBy(() -> StandaloneWriter.start("127.0.0.1:1", "redis://127.0.0.1:1"))
                .hasStackTraceContaining("writer: redis-udf: cannot connect to Redis at redis://127.0.0.1:1");
    }
}
