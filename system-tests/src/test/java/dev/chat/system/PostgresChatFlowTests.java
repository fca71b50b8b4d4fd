package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.chat.udf.RedisKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The flow on the SQL baseline ({@code chat.store=postgres}): the messages are rows of {@code messages}, and
 * Redis, although every service was given its URL, holds nothing of the dialog.
 */
class PostgresChatFlowTests extends ChatFlowTests {

    private record Row(UUID id, UUID authorId, long ts, String text) {
    }

    @Override
    protected RunningSystem.Store store() {
        return RunningSystem.Store.POSTGRES;
    }

    @Override
    protected void assertStored(String dialogId, JsonNode accepted, Client author, Client friend, String text) {
        UUID dialog = UUID.fromString(dialogId);
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(system.databaseUrl()));
        List<Row> rows = jdbc.sql("SELECT id, author_id, ts, message FROM messages WHERE dialog_id = ? ORDER BY ts, id")
                .param(dialog)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        new String(rs.getBytes(4), StandardCharsets.UTF_8)))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new Row(UUID.fromString(accepted.get("id").asString()), author.id,
                accepted.get("ts").asLong(), text));
        assertThat(jdbc.sql("SELECT count(*) FROM dialogs WHERE id = ?").param(dialog).query(Long.class).single())
                .isEqualTo(1L);

        assertThat(connection.sync().exists(RedisKeys.messages(dialog), RedisKeys.dialog(author.id, friend.id),
                RedisKeys.dialog(friend.id, author.id))).isZero();
    }
}
