package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

/** The system's topics, declared once by chat-boot for whichever service has a {@link KafkaAdmin}. */
class KafkaTopicsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaTopicsAutoConfiguration.class))
            .withPropertyValues(KafkaClientDefaults.DEFAULTS.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("chat.kafka."))
                    .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));

    @Test
    void declaresTheSixTopicsAndTheDeadLetterTwinsOfTheThreeTheWriterConsumesAllAlike() {
        runner.withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of())).withPropertyValues("chat.kafka.partitions=3")
                .run(context -> assertThat(context).hasBean("chatTopics"))
                .run(context -> assertThat(KafkaTopicsAutoConfiguration.topics(context.getBean(ChatTopics.class)))
                        .allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(3))
                        .extracting(NewTopic::name).containsExactlyInAnyOrder("chat.message-commands",
                                "chat.message-commands.DLT", "chat.message-events", "chat.dialog-commands",
                                "chat.dialog-commands.DLT", "chat.dialog-replies", "chat.read-commands",
                                "chat.read-commands.DLT", "chat.live-signals"));
    }

    @Test
    void liveSignalsAloneAreKeptOnlyAMinute() {
        runner.withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of()))
                .run(context -> assertThat(KafkaTopicsAutoConfiguration.topics(context.getBean(ChatTopics.class)))
                        .allSatisfy(topic -> assertThat(topic.configs() == null ? null : topic.configs().get("retention.ms"))
                                .isEqualTo(topic.name().equals("chat.live-signals") ? "60000" : null)));
    }

    @Test
    void declaresNothingWithoutABroker() {
        runner.run(context -> assertThat(context).doesNotHaveBean("chatTopics"));
    }

    @Test
    void refusesZeroPartitionsNamingTheSetting() {
        runner.withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of())).withPropertyValues("chat.kafka.partitions=0")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("partitions"));
    }
}
