package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.chat.udf.RedisKeys;
import io.lettuce.core.ScoredValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The flow on Redis Functions ({@code chat.store=redis}), the stored shape checked in Redis. */
class RedisChatFlowTests extends ChatFlowTests {

    @Override
    protected RunningSystem.Store store() {
        return RunningSystem.Store.REDIS;
    }

    @Override
    protected void assertStored(String dialogId, JsonNode accepted, Client author, Client friend, String text) {
        List<ScoredValue<String>> stored = connection.sync()
                .zrangeWithScores(RedisKeys.messages(UUID.fromString(dialogId)), 0, -1);
        assertThat(stored).hasSize(2);
        JsonNode member = JsonMapper.builder().build().readTree(stored.get(0).getValue());
        assertThat(member.propertyNames()).contains("id", "author_id", "chat_id", "message");
        assertThat(member.get("id").asString()).isEqualTo(accepted.get("id").asString());
        assertThat(member.get("chat_id").asString()).isEqualTo(dialogId);
        assertThat(member.get("message").asString()).isEqualTo(text);
        assertThat((long) stored.get(0).getScore()).isEqualTo(accepted.get("ts").asLong());
    }
}
