package dev.chat.writer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import dev.chat.testsupport.TestPostgres;
import dev.chat.udf.RedisChat;
import dev.chat.writer.Commands;
import dev.chat.writer.PausedListener;
import dev.chat.writer.StandaloneWriter;
import dev.chat.writer.TestClients;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@code chat.store=postgres}: the writer migrates the dialog tables, stores through {@link PostgresDialogStore}
 * on the same Kafka path, and never connects to Redis (its URL here points at nothing).
 */
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false")
class PostgresStoreTests {

    private static final String NO_REDIS = "redis://127.0.0.1:1";

    @Test
    void storesCommandsInPostgresWithoutRedis(EmbeddedKafkaBroker broker) throws Exception {
        String database = TestPostgres.newDatabase();
        String servers = broker.getBrokersAsString();
        try (StandaloneWriter writer = StandaloneWriter.start(servers, NO_REDIS, "chat.store=postgres",
                "spring.datasource.url=" + database);
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            assertThat(writer.bean(DialogStore.class)).isInstanceOf(PostgresDialogStore.class);
            assertThat(writer.beanNames(RedisChat.class)).isEmpty();
            HealthIndicator health = writer.bean("dialogStoreHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            SendMessageCommand send = Commands.send(dialog, author, friend, "stored in SQL");
            producer.send(new ProducerRecord<>("chat.message-commands", dialog.toString(), TopicProbe.json(send)))
                    .get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60)).until(() -> !events.values(MessageEvent.class,
                    e -> e.messageId().equals(send.messageId()) && e.type() == MessageEvent.Type.WRITTEN).isEmpty());
            List<String> texts = jdbc(database).sql("SELECT message FROM messages WHERE dialog_id = ?").param(dialog)
                    .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
            assertThat(texts).containsExactly("stored in SQL");
        }
    }

    @Test
    void storesAPollsCommandsInOneTransactionOnceEachAndPublishesTheirEventsInOrder(EmbeddedKafkaBroker broker)
            throws Exception {
        String database = TestPostgres.newDatabase();
        String servers = broker.getBrokersAsString();
        try (StandaloneWriter writer = StandaloneWriter.start(servers, NO_REDIS, "chat.store=postgres",
                "spring.datasource.url=" + database);
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            List<SendMessageCommand> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(i % 2 == 0 ? Commands.send(dialog, author, friend, "sql " + i)
                        : Commands.send(dialog, friend, author, "sql " + i));
            }
            // a redelivery within the same poll: stored once, acknowledged twice
            sent.add(sent.get(2));

            try (PausedListener paused = PausedListener.pause(writer.messageListener())) {
                for (SendMessageCommand command : sent) {
                    producer.send(new ProducerRecord<>("chat.message-commands", dialog.toString(),
                            TopicProbe.json(command))).get(30, TimeUnit.SECONDS);
                }
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> written(events, dialog).size() == sent.size());
            assertThat(written(events, dialog)).containsExactlyElementsOf(
                    sent.stream().map(SendMessageCommand::messageId).toList());
            List<String> texts = jdbc(database).sql("SELECT message FROM messages WHERE dialog_id = ? ORDER BY ts, id")
                    .param(dialog).query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
            assertThat(texts).containsExactly("sql 0", "sql 1", "sql 2", "sql 3", "sql 4", "sql 5");
        }
    }

    private static List<UUID> written(TopicProbe events, UUID dialog) {
        return events.values(MessageEvent.class, e -> e.dialogId().equals(dialog) && e.type() == MessageEvent.Type.WRITTEN)
                .stream().map(MessageEvent::messageId).toList();
    }

    /** The gateway migrated its user tables first: the dialog migrations baseline below V1 and still apply it. */
    @Test
    void migratesNextToTablesOfAnotherHistory(EmbeddedKafkaBroker broker) throws SQLException {
        String database = TestPostgres.newDatabase();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id uuid PRIMARY KEY)");
        }
        try (StandaloneWriter writer = StandaloneWriter.start(broker.getBrokersAsString(), NO_REDIS,
                "chat.store=postgres", "spring.datasource.url=" + database)) {
            List<String> history = jdbc(database).sql("SELECT version FROM " + DialogSchema.HISTORY_TABLE
                    + " ORDER BY installed_rank").query(String.class).list();
            assertThat(history).startsWith("0", "1", "2");
            assertThat(jdbc(database).sql("SELECT count(*) FROM users").query(Long.class).single()).isZero();
        }
    }

    @Test
    void refusesAnUnknownStoreNamingTheSetting() {
        assertThatThrownBy(() -> StandaloneWriter.start("127.0.0.1:1", NO_REDIS, "chat.store=mongodb"))
                .hasStackTraceContaining("chat.store").hasStackTraceContaining("mongodb");
    }

    private static JdbcClient jdbc(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url));
    }
}
