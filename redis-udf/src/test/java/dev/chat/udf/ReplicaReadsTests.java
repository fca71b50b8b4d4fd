package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.TestReplicatedRedis;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REPLICA_PREFERRED on a primary with one replica: FCALL_RO goes to the replica, FCALL to the primary. */
class ReplicaReadsTests {

    private TestReplicatedRedis redis;
    private TestRedis.Server primary;
    private TestRedis.Server replica;

    @BeforeEach
    void start() {
        redis = TestReplicatedRedis.start();
        primary = redis.primary();
        replica = redis.replica();
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void readsGoToTheReplicaAndWritesToThePrimary() {
        try (RedisChat chat = RedisChat.connect(new RedisChatSettings(primary.uri(), ReadPreference.REPLICA_PREFERRED,
                false))) {
            chat.loadFunctions();
            DialogStore store = chat.dialogStore();
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID id = store.makeDialog(a, b, UUID.randomUUID(), "replicated").dialog().id();

            await().atMost(Duration.ofSeconds(30)).until(() -> store.findDialog(b, a).isPresent());

            assertThat(store.getDialog(a, b).id()).isEqualTo(id);
            assertThat(LocalRedis.calls(replica.uri(), "fcall_ro")).isPositive();
            assertThat(LocalRedis.calls(primary.uri(), "fcall_ro")).isZero();
            assertThat(LocalRedis.calls(primary.uri(), "fcall")).isPositive();
        }
    }
}
