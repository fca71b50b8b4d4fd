package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestReplicatedRedis;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import org.junit.jupiter.api.Test;

/** REPLICA_PREFERRED on a primary with one replica: FCALL_RO goes to the replica, FCALL to the primary. */
class ReplicaReadsTests {

    @Test
    void readsGoToTheReplicaAndWritesToThePrimary() {
        try (TestReplicatedRedis redis = TestReplicatedRedis.start();
             RedisChat chat = RedisChat.connect(new RedisChatSettings(redis.primary().uri(),
                     ReadPreference.REPLICA_PREFERRED, false))) {
            chat.loadFunctions();
            // reads go to the replica: it must have the library first (FUNCTION LOAD replicates like a write)
            await().atMost(Duration.ofSeconds(30)).until(() -> hasLibrary(redis.replica().uri()));
            DialogStore store = chat.dialogStore();
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID id = store.makeDialog(a, b, UUID.randomUUID(), "replicated").dialog().id();

            await().atMost(Duration.ofSeconds(30)).until(() -> store.findDialog(b, a).isPresent());

            assertThat(store.getDialog(a, b).id()).isEqualTo(id);
            assertThat(LocalRedis.calls(redis.replica().uri(), "fcall_ro")).isPositive();
            assertThat(LocalRedis.calls(redis.primary().uri(), "fcall_ro")).isZero();
            assertThat(LocalRedis.calls(redis.primary().uri(), "fcall")).isPositive();
        }
    }

    private static boolean hasLibrary(String uri) {
        List<Map<String, Object>> libraries = LocalRedis.with(uri, redis -> redis.functionList());
        return !libraries.isEmpty();
    }
}
